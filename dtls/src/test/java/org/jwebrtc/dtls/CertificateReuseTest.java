package org.jwebrtc.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One RTCCertificate-like object serves many connections, in both roles, at once. */
class CertificateReuseTest {
    @Test
    void oneCertificateServesSeveralConnectionsInBothRoles() throws Exception {
        DtlsCertificate shared = DtlsCertificate.generate();
        List<DtlsPair> pairs = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                DtlsCertificate peer = DtlsCertificate.generate();
                pairs.add(i % 2 == 0 ? new DtlsPair(shared, peer, DtlsConfig.defaults())
                        : new DtlsPair(peer, shared, DtlsConfig.defaults()));
            }
            pairs.forEach(DtlsPair::start);   // concurrently
            List<SrtpKeyingMaterial> keys = new ArrayList<>();
            for (DtlsPair p : pairs) {
                p.pumpUntilSettled(Duration.ofSeconds(20));
                DtlsEvent.Connected c = DtlsPair.first(p.clientEvents, DtlsEvent.Connected.class);
                DtlsEvent.Connected s = DtlsPair.first(p.serverEvents, DtlsEvent.Connected.class);
                assertThat(c.srtp()).isEqualTo(s.srtp());
                keys.add(c.srtp().orElseThrow());
            }
            assertThat(keys).doesNotHaveDuplicates();
            assertThat(DtlsPair.first(pairs.get(0).serverEvents, DtlsEvent.Connected.class)
                    .remoteFingerprint()).isEqualTo(shared.fingerprint());
            assertThat(DtlsPair.first(pairs.get(1).clientEvents, DtlsEvent.Connected.class)
                    .remoteFingerprint()).isEqualTo(shared.fingerprint());
        } finally {
            pairs.forEach(DtlsPair::close);
        }
    }
}
