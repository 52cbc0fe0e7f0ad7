package org.jwebrtc.examples;

/**
 * Which candidates the demo's peers gather and signal: everything (host, server-reflexive, relay), relay only
 * (W3C {@code iceTransportPolicy: "relay"}: all media crosses TURN), or no relay (the TURN servers signaling hands
 * out are ignored: host and server-reflexive only, to see whether a NAT lets peers meet without TURN).
 */
public enum CandidatePolicy {
    ALL,
    RELAY_ONLY,
    NO_RELAY;

    static CandidatePolicy of(boolean relayOnly) {
        return relayOnly ? RELAY_ONLY : ALL;
    }
}
