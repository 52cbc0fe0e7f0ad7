package org.jwebrtc.peerconnection;

/** RTCIceTransportPolicy (W3C webrtc §4.2.1): which local candidates are signalled and checked. */
public enum IceTransportPolicy {
    /** Every candidate: host, server-reflexive and relayed. */
    ALL,
    /** Relayed candidates only (the peer never learns our host or reflexive addresses). */
    RELAY
}
