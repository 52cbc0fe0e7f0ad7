package org.jwebrtc.dtls.internal;

import java.io.IOException;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.TlsFatalAlert;
import org.jwebrtc.dtls.Fingerprint;

/**
 * Matches the peer's certificate against the SDP fingerprint (RFC 8122 §5, RFC 8827 §6.5) while
 * bctls is still in the handshake, so a mismatch aborts it with a fatal bad_certificate alert
 * before any key is exported. The chain is not validated otherwise: WebRTC certificates are
 * self-signed and authenticated only by this fingerprint.
 */
final class CertificateCheck {
    private CertificateCheck() {
    }

    /** Returns the sha-256 fingerprint of the peer certificate, or throws a fatal alert. */
    static Fingerprint verify(Certificate chain, ExpectedFingerprint expected, long waitMillis)
            throws IOException {
        if (chain == null || chain.isEmpty()) {
            throw new TlsFatalAlert(AlertDescription.bad_certificate,
                    "peer sent no certificate; WebRTC requires mutual authentication (RFC 8827 §6.5)");
        }
        byte[] der = chain.getCertificateAt(0).getEncoded();
        Fingerprint want;
        try {
            want = expected.await(waitMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TlsFatalAlert(AlertDescription.internal_error, "interrupted waiting for the remote fingerprint");
        }
        java.util.Optional<String> mismatch = ExpectedFingerprint.mismatch(want, der);
        if (mismatch.isPresent()) {
            throw new TlsFatalAlert(AlertDescription.bad_certificate, mismatch.get());
        }
        Fingerprint actual = Fingerprint.of("sha-256", der);
        return actual;
    }
}
