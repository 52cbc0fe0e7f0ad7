package org.jwebrtc.srtp;

/**
 * Per-context policy.
 *
 * @param replayWindowSize packets remembered per SSRC for replay protection (RFC 3711 §3.3.2 requires ≥ 64)
 * @param encryptRtp       false = authentication-only SRTP (RFC 3711 §3.1 confidentiality is optional);
 *                         must match on both ends, as nothing in the packet says so
 * @param encryptRtcp      false = send SRTCP with E=0; received SRTCP follows its own E flag
 */
public record SrtpOptions(int replayWindowSize, boolean encryptRtp, boolean encryptRtcp) {
    public static final int DEFAULT_REPLAY_WINDOW = 128;

    public SrtpOptions {
        if (replayWindowSize < 64) {
            throw new IllegalArgumentException("replayWindowSize must be >= 64: " + replayWindowSize);
        }
    }

    /** Window 128, RTP and RTCP encrypted. */
    public static SrtpOptions defaults() {
        return new SrtpOptions(DEFAULT_REPLAY_WINDOW, true, true);
    }

    public SrtpOptions withReplayWindowSize(int size) {
        return new SrtpOptions(size, encryptRtp, encryptRtcp);
    }
}
