package org.jwebrtc.peerconnection;

/** RTCPeerConnectionState (W3C webrtc §4.3.3), from the ICE and DTLS states. */
public enum PeerConnectionState {
    NEW,
    CONNECTING,
    CONNECTED,
    DISCONNECTED,
    FAILED,
    CLOSED
}
