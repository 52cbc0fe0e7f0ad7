package org.jwebrtc.peerconnection;

import java.time.Duration;
import java.util.Objects;

/**
 * ICE settings of a connection beyond RTCConfiguration's servers and policy.
 *
 * @param lite               ICE-lite agent (RFC 8445 §2.5): {@code a=ice-lite}, host candidates only (no STUN/TURN
 *                           gathering), always controlled, answers checks and takes the pair the full peer nominates;
 *                           for servers with a public address
 * @param tcpCandidates      also gather ICE-TCP host candidates (RFC 6544): one passive candidate (a listening
 *                           socket) and one active candidate per host address, RFC 4571 framing
 * @param candidatePoolSize  W3C iceCandidatePoolSize: above 0, gathering (STUN queries, TURN allocations) starts
 *                           when the connection is created instead of at the first offer or remote offer
 * @param stunTimeout        how long gathering waits for one STUN server before giving up on it (end-of-candidates
 *                           is not held back longer; host candidates never wait)
 */
public record IceOptions(boolean lite, boolean tcpCandidates, int candidatePoolSize, Duration stunTimeout) {
    /** Full ICE, UDP only, no pool, 3 s per STUN server. */
    // 3 s per STUN server and host socket (ice's own default, 1 s, is a LAN figure; Chromium waits ~9.5 s): candidates
    // trickle, so this delays only end-of-candidates, never a connection, and a cold JVM on a busy machine can miss 1 s
    public static final IceOptions DEFAULT = new IceOptions(false, false, 0, Duration.ofSeconds(3));

    public IceOptions {
        Objects.requireNonNull(stunTimeout, "stunTimeout");
        if (candidatePoolSize < 0 || candidatePoolSize > 255) {
            throw new IllegalArgumentException("candidatePoolSize out of 0..255 (W3C webrtc §4.2.1)");
        }
        if (stunTimeout.isNegative() || stunTimeout.isZero()) {
            throw new IllegalArgumentException("stunTimeout must be positive");
        }
    }

    public IceOptions withLite(boolean enabled) {
        return new IceOptions(enabled, tcpCandidates, candidatePoolSize, stunTimeout);
    }

    public IceOptions withTcpCandidates(boolean enabled) {
        return new IceOptions(lite, enabled, candidatePoolSize, stunTimeout);
    }

    public IceOptions withCandidatePoolSize(int size) {
        return new IceOptions(lite, tcpCandidates, size, stunTimeout);
    }

    public IceOptions withStunTimeout(Duration timeout) {
        return new IceOptions(lite, tcpCandidates, candidatePoolSize, timeout);
    }
}
