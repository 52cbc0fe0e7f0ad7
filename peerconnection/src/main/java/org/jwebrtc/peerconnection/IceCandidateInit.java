package org.jwebrtc.peerconnection;

import java.util.Objects;
import java.util.Optional;

/**
 * RTCIceCandidateInit: {@code candidate} is the {@code candidate:...} text; an empty string means
 * end-of-candidates (RFC 8838 §4.4).
 */
public record IceCandidateInit(String candidate, Optional<String> sdpMid, Optional<Integer> sdpMLineIndex) {
    public IceCandidateInit {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(sdpMid, "sdpMid");
        Objects.requireNonNull(sdpMLineIndex, "sdpMLineIndex");
    }

    public static IceCandidateInit of(String candidate, String mid, int index) {
        return new IceCandidateInit(candidate, Optional.of(mid), Optional.of(index));
    }

    public boolean isEndOfCandidates() {
        return candidate.isEmpty();
    }
}
