package org.jwebrtc.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DtlsCertificateTest {
    @Test
    void generatesASelfSignedEcdsaP256CertificateValidFor30Days() throws Exception {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        DtlsCertificate c = DtlsCertificate.generate(new java.security.SecureRandom(), now);
        X509Certificate x = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(c.der()));
        x.verify(x.getPublicKey());   // self-signed
        assertThat(x.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(((ECPublicKey) x.getPublicKey()).getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
        assertThat(x.getNotAfter().toInstant()).isEqualTo(now.plus(Duration.ofDays(30)));
        assertThat(x.getNotBefore().toInstant()).isBefore(now);
        assertThat(c.privateKey().getAlgorithm()).isEqualTo("EC");
    }

    @Test
    void fingerprintIsTheSha256OfTheDerInSdpForm() throws Exception {
        DtlsCertificate c = DtlsCertificate.generate();
        byte[] sha = MessageDigest.getInstance("SHA-256").digest(c.der());
        assertThat(c.fingerprint().value()).isEqualTo(sha);
        assertThat(c.fingerprint().toSdp()).matches("sha-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(c.fingerprint("sha-1").value()).isEqualTo(MessageDigest.getInstance("SHA-1").digest(c.der()));
        assertThat(c.fingerprint().matches(c.der())).isTrue();
        assertThat(DtlsCertificate.generate().fingerprint()).isNotEqualTo(c.fingerprint());
    }

    @Test
    void aPersistedCertificateRoundTrips() {
        DtlsCertificate c = DtlsCertificate.generate();
        DtlsCertificate again = DtlsCertificate.of(c.privateKey(), c.der());
        assertThat(again.fingerprint()).isEqualTo(c.fingerprint());
    }
}
