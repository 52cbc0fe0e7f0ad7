package org.jwebrtc.dtls.internal.dtls13;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.jwebrtc.dtls.DtlsCertificate;
import org.jwebrtc.dtls.DtlsEvent;
import org.jwebrtc.dtls.SrtpProfile;

/** Java ↔ Java DTLS 1.3 handshakes on a virtual clock (deterministic, seeded). */
class Dtls13HandshakeTest {
    private static final byte[] HELLO = "hello over DTLS 1.3".getBytes(StandardCharsets.UTF_8);

    private static List<DtlsEvent.ApplicationData> data(List<DtlsEvent> events) {
        return Dtls13Simulation.ofType(events, DtlsEvent.ApplicationData.class);
    }

    private static void assertDataFlowsBothWays(Dtls13Simulation sim) {
        int before = data(sim.serverEvents).size();
        int beforeClient = data(sim.clientEvents).size();
        sim.client.send(HELLO, 0, HELLO.length);
        sim.server.send(HELLO, 0, HELLO.length);
        sim.settle(100);
        assertThat(data(sim.serverEvents)).hasSize(before + 1).last().isEqualTo(new DtlsEvent.ApplicationData(HELLO));
        assertThat(data(sim.clientEvents)).hasSize(beforeClient + 1).last().isEqualTo(new DtlsEvent.ApplicationData(HELLO));
    }

    @Test
    void javaToJavaHandshakeExchangesApplicationDataAndSrtpKeys() {
        Dtls13Simulation sim = new Dtls13Simulation(1);
        assertThat(sim.handshake()).as("connected; client %s server %s", sim.clientEvents, sim.serverEvents).isTrue();
        DtlsEvent.Connected c = Dtls13Simulation.ofType(sim.clientEvents, DtlsEvent.Connected.class).get(0);
        DtlsEvent.Connected s = Dtls13Simulation.ofType(sim.serverEvents, DtlsEvent.Connected.class).get(0);
        assertThat(c.cipherSuite()).isEqualTo(0x1301);
        assertThat(c.srtp()).isPresent();
        assertThat(c.srtp().get().profile()).isEqualTo(SrtpProfile.SRTP_AEAD_AES_128_GCM);
        assertThat(c.srtp()).isEqualTo(s.srtp());
        assertThat(c.remoteFingerprint()).isEqualTo(Dtls13Simulation.SERVER_CERT.fingerprint());
        assertThat(s.remoteFingerprint()).isEqualTo(Dtls13Simulation.CLIENT_CERT.fingerprint());
        assertThat(sim.client.group()).isEqualTo(NamedGroup.X25519MLKEM768);
        assertThat(sim.client.helloRetried()).isFalse();
        assertThat(sim.client.export("EXTRACTOR-dtls_srtp", new byte[0], 56))
                .isEqualTo(sim.server.export("EXTRACTOR-dtls_srtp", new byte[0], 56));
        assertDataFlowsBothWays(sim);
        assertThat(sim.client.pollTimeout()).as("final flight acknowledged").isEqualTo(Long.MAX_VALUE);
        assertThat(sim.server.pollTimeout()).isEqualTo(Long.MAX_VALUE);
        assertThat(sim.client.writeEpoch()).isEqualTo(3);
        assertThat(List.of(sim.client.authFailures(), sim.server.authFailures())).containsOnly(0L);
        // Flights: CH (2 datagrams: the hybrid key share exceeds one 1200-byte datagram), server
        // flight, client flight; then the server's ACK.
        assertThat(sim.toServerLog).hasSize(3 + 1);
    }

    static Stream<Arguments> suitesAndGroups() {
        List<Arguments> out = new ArrayList<>();
        for (CipherSuite s : CipherSuite.values()) {
            for (NamedGroup g : NamedGroup.values()) {
                out.add(Arguments.of(s, g));
            }
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("suitesAndGroups")
    void everyCipherSuiteWithEveryGroup(CipherSuite suite, NamedGroup group) {
        Dtls13Config client = Dtls13Config.defaults().withCipherSuites(List.of(suite)).withGroups(List.of(group), List.of(group));
        Dtls13Simulation sim = new Dtls13Simulation(client, Dtls13Config.defaults(), 7);
        assertThat(sim.handshake()).as("client %s server %s", sim.clientEvents, sim.serverEvents).isTrue();
        assertThat(sim.server.cipherSuite()).isEqualTo(suite);
        assertThat(sim.server.group()).isEqualTo(group);
        assertThat(Dtls13Simulation.ofType(sim.serverEvents, DtlsEvent.Connected.class).get(0).cipherSuite()).isEqualTo(suite.id());
        assertDataFlowsBothWays(sim);
    }

    @Test
    void helloRetryRequestSelectsAGroupTheClientSentNoShareFor() {
        Dtls13Config client = Dtls13Config.defaults().withGroups(List.of(NamedGroup.X25519, NamedGroup.SECP256R1), List.of(NamedGroup.X25519));
        Dtls13Config server = Dtls13Config.defaults().withGroups(List.of(NamedGroup.SECP256R1), List.of());
        Dtls13Simulation sim = new Dtls13Simulation(client, server, 3);
        assertThat(sim.handshake()).as("client %s server %s", sim.clientEvents, sim.serverEvents).isTrue();
        assertThat(sim.client.helloRetried()).isTrue();
        assertThat(sim.client.group()).isEqualTo(NamedGroup.SECP256R1);
        assertDataFlowsBothWays(sim);
    }

    @Test
    void helloRetryRequestWithCookie() {
        Dtls13Simulation sim = new Dtls13Simulation(Dtls13Config.defaults(), Dtls13Config.defaults().withRequireCookie(true), 4);
        assertThat(sim.handshake()).as("client %s server %s", sim.clientEvents, sim.serverEvents).isTrue();
        assertThat(sim.client.helloRetried()).isTrue();
        assertThat(sim.server.helloRetried()).isTrue();
        assertThat(sim.client.group()).isEqualTo(NamedGroup.X25519MLKEM768);
        assertDataFlowsBothWays(sim);
    }

    @Test
    void aSecondClientHelloWithAnAlteredCookieIsRejected() {
        Dtls13Simulation sim = new Dtls13Simulation(Dtls13Config.defaults(), Dtls13Config.defaults().withRequireCookie(true), 5);
        byte[] cookieHeader = HexFormat.of().parseHex("002C00220020");   // cookie ext, len 34, cookie len 32
        sim.filter = (toServer, d) -> {
            int at = indexOf(d, cookieHeader);
            if (toServer && at >= 0) {
                d = d.clone();
                d[at + 6] ^= 1;
            }
            return d;
        };
        sim.start();
        sim.runUntil(() -> !sim.serverEvents.isEmpty(), 10_000);
        assertThat(Dtls13Simulation.ofType(sim.serverEvents, DtlsEvent.Failed.class)).singleElement()
                .satisfies(f -> assertThat(f.reason()).contains("illegal_parameter").contains("cookie"));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void handshakeCompletesDespiteLossAndReordering(long seed) {
        Dtls13Simulation sim = new Dtls13Simulation(Dtls13Config.defaults().withMtu(400), Dtls13Config.defaults().withMtu(400), seed);
        sim.loss = 0.3;
        sim.jitterMs = 30;
        assertThat(sim.handshake()).as("seed %d: client %s server %s", seed, sim.clientEvents, sim.serverEvents).isTrue();
        sim.loss = 0;
        sim.settle(120_000);   // let the final flight's ACK through
        assertThat(sim.client.pollTimeout()).isEqualTo(Long.MAX_VALUE);
        assertDataFlowsBothWays(sim);
    }

    @Test
    void aLostFinalFlightIsRetransmittedAndAcknowledged() {
        Dtls13Simulation sim = new Dtls13Simulation(9);
        AtomicInteger toServer = new AtomicInteger();
        sim.filter = (ts, d) -> ts && toServer.incrementAndGet() == 3 ? null : d;   // client's Cert/CV/Finished
        sim.start();
        assertThat(sim.runUntil(() -> sim.server.isConnected(), 10_000)).isTrue();
        assertThat(sim.now).as("one retransmission timeout (1 s) later").isGreaterThanOrEqualTo(1_000_000_000L);
        sim.settle(5_000);
        assertThat(sim.client.pollTimeout()).isEqualTo(Long.MAX_VALUE);
        assertDataFlowsBothWays(sim);
    }

    @Test
    void aLostAckMakesTheClientRetransmitAndTheServerAckAgain() {
        Dtls13Simulation sim = new Dtls13Simulation(10);
        java.util.concurrent.atomic.AtomicBoolean dropped = new java.util.concurrent.atomic.AtomicBoolean();
        // The first datagram the server sends once connected is its ACK of the client's final flight.
        sim.filter = (ts, d) -> !ts && sim.server.isConnected() && dropped.compareAndSet(false, true) ? null : d;
        assertThat(sim.handshake()).isTrue();
        int toServer = sim.toServerLog.size();
        int toClient = sim.toClientLog.size();
        assertThat(sim.client.pollTimeout()).isNotEqualTo(Long.MAX_VALUE);
        sim.settle(5_000);
        assertThat(dropped).isTrue();
        assertThat(sim.client.pollTimeout()).isEqualTo(Long.MAX_VALUE);
        assertThat(sim.toServerLog).hasSize(toServer + 1);   // the final flight once more
        assertThat(sim.toClientLog).hasSize(toClient + 1);   // and the server's second ACK
    }

    @Test
    void theRetransmissionTimerBacksOffAndTheHandshakeTimesOut() {
        Dtls13Simulation sim = new Dtls13Simulation(11);
        sim.filter = (ts, d) -> null;
        sim.start();
        sim.runUntil(() -> !sim.clientEvents.isEmpty(), 60_000);
        assertThat(Dtls13Simulation.ofType(sim.clientEvents, DtlsEvent.Failed.class)).singleElement()
                .satisfies(f -> assertThat(f.reason()).contains("timed out"));
        // ClientHello (2 datagrams) at 0, 1, 3, 7, 15 s (doubling from 1 s, RFC 9147 §5.8.2), then
        // the 30 s handshake timeout; plus the final alert.
        assertThat(sim.toServerLog).hasSize(5 * 2 + 1);
    }

    @Test
    void smallMtuFragmentsEveryFlight() {
        Dtls13Simulation sim = new Dtls13Simulation(Dtls13Config.defaults().withMtu(256), Dtls13Config.defaults().withMtu(256), 12);
        assertThat(sim.handshake()).isTrue();
        assertThat(sim.toServerLog).allSatisfy(d -> assertThat(d.length).isLessThanOrEqualTo(256));
        assertThat(sim.toClientLog).allSatisfy(d -> assertThat(d.length).isLessThanOrEqualTo(256));
        assertThat(sim.toServerLog.size()).isGreaterThan(5);
    }

    @Test
    void tamperedRecordsAreRejectedAndCounted() {
        Dtls13Simulation sim = new Dtls13Simulation(13);
        assertThat(sim.handshake()).isTrue();
        sim.settle(100);
        sim.filter = (ts, d) -> {
            byte[] t = d.clone();
            t[t.length - 3] ^= 0x40;
            return t;
        };
        sim.client.send(HELLO, 0, HELLO.length);
        sim.settle(100);
        assertThat(sim.server.authFailures()).isEqualTo(1);
        assertThat(data(sim.serverEvents)).isEmpty();
        assertThat(sim.server.isConnected()).isTrue();
        sim.filter = (ts, d) -> d;
        assertDataFlowsBothWays(sim);
    }

    @Test
    void replayedRecordsAreDropped() {
        Dtls13Simulation sim = new Dtls13Simulation(14);
        assertThat(sim.handshake()).isTrue();
        sim.settle(100);
        sim.client.send(HELLO, 0, HELLO.length);
        byte[] record = sim.client.pollTransmit();
        sim.server.handleInput(sim.now, record, 0, record.length);
        sim.server.handleInput(sim.now, record, 0, record.length);
        assertThat(sim.server.pollEvent()).isEqualTo(new DtlsEvent.ApplicationData(HELLO));
        assertThat(sim.server.pollEvent()).isNull();
        assertThat(sim.server.replayedRecords()).isEqualTo(1);
    }

    @Test
    void aWrongServerFingerprintFailsBothSides() {
        Dtls13Simulation sim = new Dtls13Simulation(15);
        sim.clientExpects.set(DtlsCertificate.generate().fingerprint());
        sim.start();
        sim.runUntil(() -> !sim.clientEvents.isEmpty() && !sim.serverEvents.isEmpty(), 10_000);
        assertThat(Dtls13Simulation.ofType(sim.clientEvents, DtlsEvent.Failed.class)).singleElement()
                .satisfies(f -> assertThat(f.reason()).startsWith("bad_certificate(42); remote certificate fingerprint"));
        assertThat(sim.serverEvents).containsExactly(new DtlsEvent.Failed("peer sent fatal alert bad_certificate(42)"));
    }

    @Test
    void aWrongClientFingerprintFailsBothSides() {
        Dtls13Simulation sim = new Dtls13Simulation(16);
        sim.serverExpects.set(DtlsCertificate.generate().fingerprint());
        sim.start();
        sim.runUntil(() -> !sim.clientEvents.isEmpty() && sim.serverEvents.stream().anyMatch(e -> e instanceof DtlsEvent.Failed), 10_000);
        assertThat(Dtls13Simulation.ofType(sim.serverEvents, DtlsEvent.Failed.class)).singleElement()
                .satisfies(f -> assertThat(f.reason()).contains("does not match the SDP fingerprint"));
        sim.settle(100);
        // The client connected after sending its flight; the server's alert then ends it.
        assertThat(sim.clientEvents).last().isEqualTo(new DtlsEvent.Failed("peer sent fatal alert bad_certificate(42)"));
        assertThat(Dtls13Simulation.ofType(sim.serverEvents, DtlsEvent.Connected.class)).isEmpty();
    }

    @Test
    void noCommonCipherSuiteFailsTheHandshake() {
        Dtls13Simulation sim = new Dtls13Simulation(
                Dtls13Config.defaults().withCipherSuites(List.of(CipherSuite.TLS_AES_256_GCM_SHA384)),
                Dtls13Config.defaults().withCipherSuites(List.of(CipherSuite.TLS_AES_128_GCM_SHA256)), 17);
        sim.start();
        sim.runUntil(() -> !sim.clientEvents.isEmpty(), 10_000);
        assertThat(sim.serverEvents).singleElement().isInstanceOf(DtlsEvent.Failed.class);
        assertThat(sim.clientEvents).containsExactly(new DtlsEvent.Failed("peer sent fatal alert handshake_failure(40)"));
    }

    @Test
    void noCommonSrtpProfileFailsTheHandshake() {
        Dtls13Simulation sim = new Dtls13Simulation(
                Dtls13Config.defaults().withSrtpProfiles(List.of(SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_32)),
                Dtls13Config.defaults().withSrtpProfiles(List.of(SrtpProfile.SRTP_AEAD_AES_128_GCM)), 18);
        sim.start();
        sim.runUntil(() -> !sim.clientEvents.isEmpty(), 10_000);
        assertThat(((DtlsEvent.Failed) sim.serverEvents.get(0)).reason()).contains("no SRTP protection profile in common");
    }

    @Test
    void dataChannelOnlyNegotiatesNoSrtp() {
        Dtls13Simulation sim = new Dtls13Simulation(Dtls13Config.defaults().withSrtpProfiles(List.of()),
                Dtls13Config.defaults().withSrtpProfiles(List.of()), 19);
        assertThat(sim.handshake()).isTrue();
        assertThat(Dtls13Simulation.ofType(sim.clientEvents, DtlsEvent.Connected.class).get(0).srtp()).isEmpty();
    }

    @Test
    void keyUpdateMovesBothDirectionsToTheNextEpoch() {
        Dtls13Simulation sim = new Dtls13Simulation(20);
        assertThat(sim.handshake()).isTrue();
        sim.settle(100);
        sim.client.updateKeys(true);
        sim.settle(100);
        assertThat(sim.client.writeEpoch()).isEqualTo(4);
        assertThat(sim.server.readEpoch()).isEqualTo(4);
        assertThat(sim.server.writeEpoch()).as("update_requested answered").isEqualTo(4);
        assertThat(sim.client.readEpoch()).isEqualTo(4);
        assertDataFlowsBothWays(sim);
        for (int i = 0; i < 5; i++) {
            sim.server.updateKeys(false);
            sim.settle(100);
        }
        assertThat(sim.server.writeEpoch()).isEqualTo(9);
        assertThat(sim.client.readEpoch()).isEqualTo(9);
        assertThat(sim.client.writeEpoch()).isEqualTo(4);
        assertDataFlowsBothWays(sim);
    }

    @Test
    void aLostKeyUpdateIsRetransmittedAndOldEpochDataStillArrives() {
        Dtls13Simulation sim = new Dtls13Simulation(21);
        assertThat(sim.handshake()).isTrue();
        sim.settle(100);
        AtomicInteger n = new AtomicInteger();
        sim.filter = (ts, d) -> ts && n.incrementAndGet() == 1 ? null : d;
        sim.client.updateKeys(false);
        sim.client.send(HELLO, 0, HELLO.length);   // still epoch 3 until the ACK
        sim.settle(3_000);
        assertThat(sim.client.writeEpoch()).isEqualTo(4);
        assertThat(sim.server.readEpoch()).isEqualTo(4);
        assertThat(data(sim.serverEvents)).hasSize(1);
    }

    @Test
    void closeNotifyReachesThePeer() {
        Dtls13Simulation sim = new Dtls13Simulation(22);
        assertThat(sim.handshake()).isTrue();
        sim.server.close();
        sim.settle(100);
        assertThat(sim.clientEvents).last().isEqualTo(new DtlsEvent.Closed(true));
        assertThat(sim.serverEvents).last().isEqualTo(new DtlsEvent.Closed(false));
    }

    @Test
    void randomJunkBetweenHandshakeDatagramsIsIgnored() {
        Dtls13Simulation sim = new Dtls13Simulation(23);
        java.util.Random r = new java.util.Random(23);
        sim.filter = (ts, d) -> {
            byte[] junk = new byte[1 + r.nextInt(200)];
            r.nextBytes(junk);
            (ts ? sim.server : sim.client).handleInput(sim.now, junk, 0, junk.length);
            return d;
        };
        assertThat(sim.handshake()).as("client %s server %s", sim.clientEvents, sim.serverEvents).isTrue();
        assertDataFlowsBothWays(sim);
    }

    static int indexOf(byte[] hay, byte[] needle) {
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
