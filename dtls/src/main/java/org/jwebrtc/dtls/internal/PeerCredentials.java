package org.jwebrtc.dtls.internal;

import java.io.IOException;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCrypto;

/** Our certificate as the one-element chain bctls sends in its Certificate message. */
final class PeerCredentials {
    private PeerCredentials() {
    }

    static Certificate chain(TlsCrypto crypto, byte[] der) throws IOException {
        return new Certificate(new TlsCertificate[] {crypto.createCertificate(der)});
    }
}
