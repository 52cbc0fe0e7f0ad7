package org.jwebrtc.rtp.jitter;

/**
 * Settings of a {@link JitterBuffer}. Start from {@link #video(int)} or {@link #audio(int)} and adjust
 * with the {@code with*} methods.
 *
 * @param clockRate RTP clock rate in Hz (90000 for video, 48000 for Opus)
 * @param onePacketPerFrame audio: every packet is a frame (the marker bit means talkspurt start, RFC 3551 §4.1)
 * @param capacity packets held at most (power of two); a packet further ahead resets the buffer
 * @param maxPacketSize largest payload accepted (bytes)
 * @param minDelayNanos lower bound of the adaptive playout delay
 * @param maxDelayNanos upper bound of the adaptive playout delay
 * @param maxFrameWaitNanos how long past its playout time an incomplete frame is still waited for
 * @param nackEnabled whether to emit Generic NACKs (RFC 4585 §6.2.1)
 * @param nackReorderDelayNanos grace before a gap is first NACKed (reordering)
 * @param nackMinIntervalNanos lower bound of the resend interval (it is otherwise the RTT)
 * @param nackMaxRetries requests per packet at most
 * @param nackMaxAgeNanos a packet missing for longer is given up
 * @param nackMaxEntries missing packets tracked at most; a larger burst asks for a keyframe instead
 * @param keyframeRequestIntervalNanos minimum spacing of keyframe requests (PLI, RFC 4585 §6.3.1)
 */
public record JitterBufferConfig(int clockRate, boolean onePacketPerFrame, int capacity, int maxPacketSize,
                                 long minDelayNanos, long maxDelayNanos, long maxFrameWaitNanos,
                                 boolean nackEnabled, long nackReorderDelayNanos, long nackMinIntervalNanos,
                                 int nackMaxRetries, long nackMaxAgeNanos, int nackMaxEntries,
                                 long keyframeRequestIntervalNanos) {
    private static final long MS = 1_000_000L;

    public JitterBufferConfig {
        if (clockRate <= 0) {
            throw new IllegalArgumentException("clock rate " + clockRate);
        }
        if (capacity < 2 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two >= 2: " + capacity);
        }
        if (maxPacketSize < 1) {
            throw new IllegalArgumentException("maxPacketSize " + maxPacketSize);
        }
        if (minDelayNanos < 0 || maxDelayNanos < minDelayNanos || maxFrameWaitNanos < 0) {
            throw new IllegalArgumentException("delays " + minDelayNanos + ".." + maxDelayNanos);
        }
        if (nackMaxRetries < 0 || nackMaxEntries < 1) {
            throw new IllegalArgumentException("nack limits");
        }
    }

    /** Video defaults in the spirit of libwebrtc: NACK on, 10 retries, 1 s max age, PLI every 500 ms at most. */
    public static JitterBufferConfig video(int clockRate) {
        return new JitterBufferConfig(clockRate, false, 1024, 1500, 0, 500 * MS, 200 * MS,
                true, 5 * MS, 10 * MS, 10, 1000 * MS, 500, 500 * MS);
    }

    /** Audio defaults: one packet per frame, 20-200 ms playout delay, no NACK (Opus has FEC/PLC). */
    public static JitterBufferConfig audio(int clockRate) {
        return new JitterBufferConfig(clockRate, true, 256, 1500, 20 * MS, 200 * MS, 40 * MS,
                false, 5 * MS, 10 * MS, 3, 200 * MS, 100, 500 * MS);
    }

    public JitterBufferConfig withNack(boolean enabled) {
        return new JitterBufferConfig(clockRate, onePacketPerFrame, capacity, maxPacketSize, minDelayNanos,
                maxDelayNanos, maxFrameWaitNanos, enabled, nackReorderDelayNanos, nackMinIntervalNanos,
                nackMaxRetries, nackMaxAgeNanos, nackMaxEntries, keyframeRequestIntervalNanos);
    }

    public JitterBufferConfig withDelay(long minNanos, long maxNanos, long maxFrameWait) {
        return new JitterBufferConfig(clockRate, onePacketPerFrame, capacity, maxPacketSize, minNanos,
                maxNanos, maxFrameWait, nackEnabled, nackReorderDelayNanos, nackMinIntervalNanos,
                nackMaxRetries, nackMaxAgeNanos, nackMaxEntries, keyframeRequestIntervalNanos);
    }

    public JitterBufferConfig withCapacity(int packets) {
        return new JitterBufferConfig(clockRate, onePacketPerFrame, packets, maxPacketSize, minDelayNanos,
                maxDelayNanos, maxFrameWaitNanos, nackEnabled, nackReorderDelayNanos, nackMinIntervalNanos,
                nackMaxRetries, nackMaxAgeNanos, nackMaxEntries, keyframeRequestIntervalNanos);
    }

    public JitterBufferConfig withNackTiming(long reorderDelay, long minInterval, int maxRetries, long maxAge) {
        return new JitterBufferConfig(clockRate, onePacketPerFrame, capacity, maxPacketSize, minDelayNanos,
                maxDelayNanos, maxFrameWaitNanos, nackEnabled, reorderDelay, minInterval, maxRetries, maxAge,
                nackMaxEntries, keyframeRequestIntervalNanos);
    }
}
