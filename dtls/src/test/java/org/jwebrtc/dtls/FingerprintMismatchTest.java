package org.jwebrtc.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** RFC 8122 §5 / RFC 8827 §6.5: a certificate not matching the SDP fingerprint ends the handshake. */
class FingerprintMismatchTest {
    private static final DtlsCertificate CLIENT_CERT = DtlsCertificate.generate();
    private static final DtlsCertificate SERVER_CERT = DtlsCertificate.generate();
    private static final DtlsCertificate OTHER = DtlsCertificate.generate();
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void clientRejectsAServerCertificateWithAnotherFingerprint() throws Exception {
        try (DtlsPair pair = new DtlsPair(CLIENT_CERT, SERVER_CERT, OTHER.fingerprint(),
                CLIENT_CERT.fingerprint(), DtlsConfig.defaults(), DtlsConfig.defaults())) {
            pair.start();
            pair.pumpUntilSettled(WAIT);
            DtlsEvent.Failed c = DtlsPair.first(pair.clientEvents, DtlsEvent.Failed.class);
            assertThat(c.reason()).contains("bad_certificate")
                    .contains(SERVER_CERT.fingerprint().toSdp())
                    .contains("does not match the SDP fingerprint " + OTHER.fingerprint().toSdp());
            DtlsEvent.Failed s = DtlsPair.first(pair.serverEvents, DtlsEvent.Failed.class);
            assertThat(s.reason()).isEqualTo("peer sent fatal alert bad_certificate(42)");
            assertThat(pair.clientEvents).noneMatch(e -> e instanceof DtlsEvent.Connected);
            assertThat(pair.serverEvents).noneMatch(e -> e instanceof DtlsEvent.Connected);
            assertThat(pair.client.stats().failedHandshakes()).isEqualTo(1);
            assertThat(pair.server.stats().failedHandshakes()).isEqualTo(1);
        }
    }

    @Test
    void serverRejectsAClientCertificateWithAnotherFingerprint() throws Exception {
        try (DtlsPair pair = new DtlsPair(CLIENT_CERT, SERVER_CERT, SERVER_CERT.fingerprint(),
                OTHER.fingerprint(), DtlsConfig.defaults(), DtlsConfig.defaults())) {
            pair.start();
            pair.pumpUntilSettled(WAIT);
            DtlsEvent.Failed s = DtlsPair.first(pair.serverEvents, DtlsEvent.Failed.class);
            assertThat(s.reason()).contains("bad_certificate")
                    .contains(CLIENT_CERT.fingerprint().toSdp()).contains("does not match");
            DtlsEvent.Failed c = DtlsPair.first(pair.clientEvents, DtlsEvent.Failed.class);
            assertThat(c.reason()).isEqualTo("peer sent fatal alert bad_certificate(42)");
            assertThat(pair.clientEvents).noneMatch(e -> e instanceof DtlsEvent.Connected);
            assertThat(pair.serverEvents).noneMatch(e -> e instanceof DtlsEvent.Connected);
            assertThat(pair.client.stats().failedHandshakes()).isEqualTo(1);
            assertThat(pair.server.stats().failedHandshakes()).isEqualTo(1);
        }
    }

    @Test
    void otherHashFunctionsOfRfc8122AreAccepted() throws Exception {
        try (DtlsPair pair = new DtlsPair(CLIENT_CERT, SERVER_CERT, SERVER_CERT.fingerprint("sha-384"),
                CLIENT_CERT.fingerprint("sha-1"), DtlsConfig.defaults(), DtlsConfig.defaults())) {
            pair.start();
            pair.pumpUntilSettled(WAIT);
            // The event always reports sha-256, whatever hash the SDP used.
            assertThat(DtlsPair.first(pair.clientEvents, DtlsEvent.Connected.class).remoteFingerprint())
                    .isEqualTo(SERVER_CERT.fingerprint());
            assertThat(DtlsPair.first(pair.serverEvents, DtlsEvent.Connected.class).remoteFingerprint())
                    .isEqualTo(CLIENT_CERT.fingerprint());
        }
    }

    @Test
    void aFingerprintSetAfterStartIsWaitedFor() throws Exception {
        try (DtlsPair pair = new DtlsPair(CLIENT_CERT, SERVER_CERT, null, null,
                DtlsConfig.defaults(), DtlsConfig.defaults())) {
            pair.start();
            for (int i = 0; i < 10; i++) {
                pair.pumpQuiet();
            }
            assertThat(pair.clientEvents).isEmpty();
            pair.client.setExpectedRemoteFingerprint(SERVER_CERT.fingerprint());
            pair.server.setExpectedRemoteFingerprint(CLIENT_CERT.fingerprint());
            pair.pumpUntilSettled(WAIT);
            assertThat(pair.client.isConnected()).isTrue();
            assertThat(pair.server.isConnected()).isTrue();
        }
    }

    @Test
    void aFingerprintNeverSetFailsTheHandshake() throws Exception {
        DtlsConfig quick = DtlsConfig.defaults().withHandshakeTimeout(Duration.ofMillis(1500));
        try (DtlsPair pair = new DtlsPair(CLIENT_CERT, SERVER_CERT, null,
                CLIENT_CERT.fingerprint(), quick, quick)) {
            pair.start();
            pair.pumpUntilSettled(WAIT);
            assertThat(DtlsPair.first(pair.clientEvents, DtlsEvent.Failed.class).reason())
                    .contains("no remote SDP fingerprint was set");
        }
    }
}
