package org.jwebrtc.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DtlsTransport with {@code maxVersion = DTLS_1_3}: 1.3 engine, fallback to 1.2, downgrade detection. */
class Dtls13TransportTest {
    private static final DtlsCertificate CLIENT = DtlsCertificate.generate();
    private static final DtlsCertificate SERVER = DtlsCertificate.generate();
    private static final DtlsConfig V13 = DtlsConfig.defaults().withMaxVersion(DtlsVersion.DTLS_1_3);
    private static final DtlsConfig V12 = DtlsConfig.defaults();
    private static final byte[] DOWNGRD_12 = HexFormat.of().parseHex("444F574E47524401");

    @Test
    void bothSidesOnDtls13ConnectAndTheClientsBctlsTaskEnds() throws Exception {
        try (DtlsPair pair = new DtlsPair(CLIENT, SERVER, V13)) {
            pair.start();
            pair.pumpUntilSettled(Duration.ofSeconds(20));
            DtlsEvent.Connected c = DtlsPair.first(pair.clientEvents, DtlsEvent.Connected.class);
            DtlsEvent.Connected s = DtlsPair.first(pair.serverEvents, DtlsEvent.Connected.class);
            assertThat(c.srtp()).isPresent().isEqualTo(s.srtp());
            assertThat(c.cipherSuite()).isEqualTo(0x1301);
            assertThat(c.remoteFingerprint()).isEqualTo(SERVER.fingerprint());
            assertThat(pair.client.negotiatedVersion()).contains(DtlsVersion.DTLS_1_3);
            assertThat(pair.server.negotiatedVersion()).contains(DtlsVersion.DTLS_1_3);
            // The 1.3 engine is sans-IO; the one executor task is the client's bctls, which wrote the
            // ClientHello (offering 1.3 and 1.2) and was stopped once the server chose 1.3.
            java.util.concurrent.ThreadPoolExecutor pool = (java.util.concurrent.ThreadPoolExecutor) pair.executor;
            assertThat(pool.getTaskCount()).isEqualTo(1);
            long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
            while (pool.getCompletedTaskCount() < 1 && System.nanoTime() - until < 0) {
                Thread.sleep(5);
            }
            assertThat(pool.getCompletedTaskCount()).as("bctls task ended").isEqualTo(1);

            byte[] msg = "sctp packet".getBytes(StandardCharsets.UTF_8);
            pair.client.send(msg, 0, msg.length);
            pair.server.send(msg, 0, msg.length);
            pair.pumpQuiet();
            assertThat(pair.serverEvents).contains(new DtlsEvent.ApplicationData(msg));
            assertThat(pair.clientEvents).contains(new DtlsEvent.ApplicationData(msg));
            assertThat(pair.client.stats().sentRecords()).isEqualTo(1);
            assertThat(pair.server.stats().receivedRecords()).isEqualTo(1);
            assertThat(pair.client.maxApplicationData()).isEqualTo(1200 - 22);

            pair.client.updateKeys(true);
            pair.pumpQuiet();
            pair.client.send(msg, 0, msg.length);
            pair.pumpQuiet();
            assertThat(pair.serverEvents.stream().filter(e -> e instanceof DtlsEvent.ApplicationData)).hasSize(2);

            pair.client.close();
            pair.pumpQuiet();
            assertThat(pair.serverEvents).contains(new DtlsEvent.Closed(true));
            assertThat(pair.client.isConnected()).isFalse();
        }
    }

    @Test
    void aDtls12ClientIsHandedToTheDtls12PathWithTheDowngradeSentinel() throws Exception {
        try (DtlsPair pair = new DtlsPair(CLIENT, SERVER, SERVER.fingerprint(), CLIENT.fingerprint(), V12, V13)) {
            List<byte[]> toClient = new ArrayList<>();
            pair.link = d -> {
                toClient.add(d);
                return d;
            };
            pair.start();
            pair.pumpUntilSettled(Duration.ofSeconds(20));
            DtlsEvent.Connected c = DtlsPair.first(pair.clientEvents, DtlsEvent.Connected.class);
            DtlsPair.first(pair.serverEvents, DtlsEvent.Connected.class);
            assertThat(c.cipherSuite()).isEqualTo(0xC02B);   // TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256
            assertThat(pair.server.negotiatedVersion()).contains(DtlsVersion.DTLS_1_2);
            byte[] serverHello = toClient.stream().filter(d -> d.length > 13 + 12 + 34 && d[13] == 2).findFirst()
                    .orElseThrow();
            // record header 13 + handshake header 12 + legacy_version 2, then the 32-byte random
            byte[] random = Arrays.copyOfRange(serverHello, 27, 59);
            assertThat(Arrays.copyOfRange(random, 24, 32)).as("RFC 8446 §4.1.3 sentinel").isEqualTo(DOWNGRD_12);

            byte[] msg = {1, 2, 3};
            pair.client.send(msg, 0, 3);
            pair.pumpQuiet();
            assertThat(pair.serverEvents).contains(new DtlsEvent.ApplicationData(msg));
        }
    }

    @Test
    void aDowngradeOfTheDtls13ClientIsDetected() throws Exception {
        try (DtlsPair pair = new DtlsPair(CLIENT, SERVER, V13)) {
            // An attacker strips DTLS 1.3 from supported_versions {FEFC, FEFD} in the ClientHello
            // (overwritten with the GREASE value 0x0A0A, RFC 8701, which servers must ignore).
            byte[] offer = HexFormat.of().parseHex("002B000504FEFCFEFD");
            pair.link = d -> {
                int at = indexOf(d, offer);
                if (at >= 0) {
                    d = d.clone();
                    d[at + 5] = 0x0A;
                    d[at + 6] = 0x0A;
                }
                return d;
            };
            pair.start();
            pair.pumpUntilSettled(Duration.ofSeconds(20));
            DtlsEvent.Failed f = DtlsPair.first(pair.clientEvents, DtlsEvent.Failed.class);
            assertThat(f.reason()).as("server: %s", pair.serverEvents).contains("illegal_parameter").contains("downgrade detected");
            assertThat(pair.clientEvents).noneMatch(e -> e instanceof DtlsEvent.Connected);
            assertThat(pair.client.stats().downgradesRejected()).isEqualTo(1);
            // RFC 8446 §4.1.3: the client aborts with an illegal_parameter alert the server receives
            assertThat(DtlsPair.first(pair.serverEvents, DtlsEvent.Failed.class).reason())
                    .isEqualTo("peer sent fatal alert illegal_parameter(47)");
            assertThat(pair.serverEvents).noneMatch(e -> e instanceof DtlsEvent.Connected);
            assertThat(pair.client.stats().failedHandshakes()).as("counted").isEqualTo(1);
        }
    }

    @Test
    void aDtls13ClientFallsBackToADtls12OnlyServer() throws Exception {
        try (DtlsPair pair = new DtlsPair(CLIENT, SERVER, SERVER.fingerprint(), CLIENT.fingerprint(), V13, V12)) {
            List<byte[]> toServer = new ArrayList<>();
            pair.link = d -> {
                toServer.add(d);
                return d;
            };
            pair.start();
            pair.pumpUntilSettled(Duration.ofSeconds(20));
            DtlsEvent.Connected c = DtlsPair.first(pair.clientEvents, DtlsEvent.Connected.class);
            DtlsEvent.Connected s = DtlsPair.first(pair.serverEvents, DtlsEvent.Connected.class);
            assertThat(pair.client.negotiatedVersion()).contains(DtlsVersion.DTLS_1_2);
            assertThat(pair.server.negotiatedVersion()).contains(DtlsVersion.DTLS_1_2);
            assertThat(c.cipherSuite()).isEqualTo(0xC02B);
            assertThat(c.srtp()).isPresent().isEqualTo(s.srtp());
            assertThat(c.remoteFingerprint()).isEqualTo(SERVER.fingerprint());
            assertThat(s.remoteFingerprint()).isEqualTo(CLIENT.fingerprint());
            // what went out was one ClientHello offering both versions, with our 1.3 key shares
            byte[] hello = toServer.get(0);
            assertThat(indexOf(hello, HexFormat.of().parseHex("002B000504FEFCFEFD"))).as("supported_versions").isPositive();
            assertThat(indexOf(hello, HexFormat.of().parseHex("1301"))).as("TLS_AES_128_GCM_SHA256").isPositive();

            byte[] msg = "both ways".getBytes(StandardCharsets.UTF_8);
            pair.client.send(msg, 0, msg.length);
            pair.server.send(msg, 0, msg.length);
            pair.pumpQuiet();
            assertThat(pair.serverEvents).contains(new DtlsEvent.ApplicationData(msg));
            assertThat(pair.clientEvents).contains(new DtlsEvent.ApplicationData(msg));
            assertThat(pair.client.stats().downgradesRejected()).isZero();
            assertThatThrownBy(() -> pair.client.updateKeys(false)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aWrongFingerprintFailsBothSides() throws Exception {
        DtlsCertificate other = DtlsCertificate.generate();
        try (DtlsPair pair = new DtlsPair(CLIENT, SERVER, other.fingerprint(), CLIENT.fingerprint(), V13, V13)) {
            pair.start();
            pair.pumpUntilSettled(Duration.ofSeconds(20));
            assertThat(DtlsPair.first(pair.clientEvents, DtlsEvent.Failed.class).reason())
                    .contains("bad_certificate").contains("does not match the SDP fingerprint");
            pair.pumpQuiet();
            assertThat(DtlsPair.first(pair.serverEvents, DtlsEvent.Failed.class).reason())
                    .isEqualTo("peer sent fatal alert bad_certificate(42)");
            assertThat(pair.serverEvents).noneMatch(e -> e instanceof DtlsEvent.Connected);
        }
    }

    @Test
    void theFingerprintMayArriveAfterTheHandshakeStarted() throws Exception {
        try (DtlsPair pair = new DtlsPair(CLIENT, SERVER, null, CLIENT.fingerprint(), V13, V13)) {
            pair.start();
            pair.pumpQuiet();
            assertThat(pair.client.isConnected()).isFalse();
            pair.client.setExpectedRemoteFingerprint(SERVER.fingerprint());
            pair.pumpUntilSettled(Duration.ofSeconds(20));
            DtlsPair.first(pair.clientEvents, DtlsEvent.Connected.class);
            DtlsPair.first(pair.serverEvents, DtlsEvent.Connected.class);
        }
    }

    @Test
    void keyUpdateNeedsDtls13() {
        DtlsTransport t = new DtlsTransport(DtlsRole.CLIENT, CLIENT, SERVER.fingerprint(), V12, Runnable::run);
        assertThatThrownBy(() -> t.updateKeys(false)).isInstanceOf(IllegalStateException.class);
        assertThat(t.negotiatedVersion()).isEmpty();
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
