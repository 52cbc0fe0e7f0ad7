package org.jwebrtc.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.bouncycastle.tls.CipherSuite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DtlsHandshakeTest {
    private static final DtlsCertificate CLIENT_CERT = DtlsCertificate.generate();
    private static final DtlsCertificate SERVER_CERT = DtlsCertificate.generate();
    private static final Duration WAIT = Duration.ofSeconds(20);

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void bothSidesExportTheSameKeyingMaterialForEveryProfile(SrtpProfile profile) throws Exception {
        DtlsConfig config = DtlsConfig.defaults().withSrtpProfiles(List.of(profile));
        try (DtlsPair pair = new DtlsPair(CLIENT_CERT, SERVER_CERT, config)) {
            pair.start();
            pair.pumpUntilSettled(WAIT);
            DtlsEvent.Connected c = DtlsPair.first(pair.clientEvents, DtlsEvent.Connected.class);
            DtlsEvent.Connected s = DtlsPair.first(pair.serverEvents, DtlsEvent.Connected.class);
            assertThat(c.srtp()).isPresent();
            assertThat(c.srtp().get().profile()).isEqualTo(profile);
            assertThat(c.srtp()).isEqualTo(s.srtp());
            assertThat(c.srtp().get().toExported()).hasSize(profile.keyingMaterialLength());
            assertThat(c.remoteFingerprint()).isEqualTo(SERVER_CERT.fingerprint());
            assertThat(s.remoteFingerprint()).isEqualTo(CLIENT_CERT.fingerprint());
            assertThat(c.cipherSuite()).isEqualTo(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256);
            assertThat(s.cipherSuite()).isEqualTo(c.cipherSuite());
        }
    }

    @Test
    void applicationDataFlowsBothWays() throws Exception {
        try (DtlsPair pair = new DtlsPair(CLIENT_CERT, SERVER_CERT, DtlsConfig.defaults())) {
            pair.start();
            pair.pumpUntilSettled(WAIT);
            byte[] ping = "ping from client".getBytes(StandardCharsets.UTF_8);
            byte[] pong = new byte[pair.server.maxApplicationData()];
            for (int i = 0; i < pong.length; i++) {
                pong[i] = (byte) i;
            }
            pair.client.send(ping, 0, ping.length);
            pair.server.send(pong, 0, pong.length);
            pair.pumpQuiet();
            assertThat(pair.serverEvents).contains(new DtlsEvent.ApplicationData(ping));
            assertThat(pair.clientEvents).contains(new DtlsEvent.ApplicationData(pong));
            assertThat(pair.client.stats().receivedRecords()).isEqualTo(1);
            assertThat(pair.server.stats().sentRecords()).isEqualTo(1);
        }
    }

    @Test
    void serverPicksItsOwnPreferenceAmongTheClientOffer() throws Exception {
        DtlsConfig clientConfig = DtlsConfig.defaults().withSrtpProfiles(List.of(
                SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_32, SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80));
        DtlsConfig serverConfig = DtlsConfig.defaults().withSrtpProfiles(List.of(
                SrtpProfile.SRTP_AEAD_AES_128_GCM, SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80,
                SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_32));
        try (DtlsPair pair = new DtlsPair(CLIENT_CERT, SERVER_CERT, SERVER_CERT.fingerprint(),
                CLIENT_CERT.fingerprint(), clientConfig, serverConfig)) {
            pair.start();
            pair.pumpUntilSettled(WAIT);
            DtlsEvent.Connected c = DtlsPair.first(pair.clientEvents, DtlsEvent.Connected.class);
            assertThat(c.srtp().orElseThrow().profile()).isEqualTo(SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80);
        }
    }

    @Test
    void noCommonSrtpProfileFailsBothSides() throws Exception {
        DtlsConfig clientConfig = DtlsConfig.defaults().withSrtpProfiles(List.of(SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_32));
        DtlsConfig serverConfig = DtlsConfig.defaults().withSrtpProfiles(List.of(SrtpProfile.SRTP_AEAD_AES_128_GCM));
        try (DtlsPair pair = new DtlsPair(CLIENT_CERT, SERVER_CERT, SERVER_CERT.fingerprint(),
                CLIENT_CERT.fingerprint(), clientConfig, serverConfig)) {
            pair.start();
            pair.pumpUntilSettled(WAIT);
            assertThat(DtlsPair.first(pair.serverEvents, DtlsEvent.Failed.class).reason())
                    .contains("no SRTP protection profile in common");
            assertThat(DtlsPair.first(pair.clientEvents, DtlsEvent.Failed.class).reason())
                    .contains("handshake_failure");
        }
    }

    @Test
    void dataChannelOnlyConnectionsNeedNoSrtp() throws Exception {
        DtlsConfig config = DtlsConfig.defaults().withSrtpProfiles(List.of());
        try (DtlsPair pair = new DtlsPair(CLIENT_CERT, SERVER_CERT, config)) {
            pair.start();
            pair.pumpUntilSettled(WAIT);
            assertThat(DtlsPair.first(pair.clientEvents, DtlsEvent.Connected.class).srtp()).isEmpty();
            assertThat(DtlsPair.first(pair.serverEvents, DtlsEvent.Connected.class).srtp()).isEmpty();
        }
    }
}
