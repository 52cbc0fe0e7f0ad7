package org.jwebrtc.dtls.internal;

import org.bouncycastle.tls.DTLSTransport;
import org.jwebrtc.dtls.Fingerprint;
import org.jwebrtc.dtls.SrtpKeyingMaterial;

/**
 * What the handshake thread hands to the owner thread (published through one volatile write).
 */
public sealed interface HandshakeResult permits HandshakeResult.Success, HandshakeResult.Failure {

    /** @param srtp null when no SRTP was negotiated */
    record Success(DTLSTransport transport, SrtpKeyingMaterial srtp, Fingerprint remoteFingerprint,
                   int cipherSuite) implements HandshakeResult {}

    record Failure(String reason) implements HandshakeResult {}
}
