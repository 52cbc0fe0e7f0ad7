package org.jwebrtc.dtls.internal;

import org.jwebrtc.dtls.Fingerprint;
import org.jwebrtc.dtls.SrtpKeyingMaterial;

/** What our bctls client and server learned; read after the handshake returned. */
interface WebRtcPeer {
    Fingerprint remoteFingerprint();

    /** Null when SRTP was not negotiated. */
    SrtpKeyingMaterial srtp();

    int cipherSuite();
}
