package org.jwebrtc.rtp.cc;

/**
 * Delay-based rate controller of GoogCC (draft-ietf-rmcat-gcc-02 §5.5, libwebrtc AimdRateControl): on overuse
 * the rate drops to 0.85 x the acknowledged throughput; while normal it grows multiplicatively (8 %/s) far from
 * the known link capacity and additively (about one packet per response time) near it; underuse holds.
 * Increases are capped at 1.5 x throughput + 10 kbps so the estimate cannot run away from what is sent.
 */
final class AimdRateControl {
    private enum State { HOLD, INCREASE, DECREASE }

    private static final double BETA = 0.85;
    private final long minBps;
    private final long maxBps;
    private final LinkCapacityEstimator capacity = new LinkCapacityEstimator();
    private State state = State.HOLD;
    private double current;
    private long lastChange = Long.MIN_VALUE;
    private long rttNanos = 200_000_000L;

    AimdRateControl(long startBps, long minBps, long maxBps) {
        this.current = startBps;
        this.minBps = minBps;
        this.maxBps = maxBps;
    }

    long bitrate() {
        return (long) current;
    }

    void setRtt(long rtt) {
        rttNanos = rtt;
    }

    /** A probe measured this much: jump there if above (libwebrtc SetEstimate from the probe). */
    void onProbe(long bps, long now) {
        capacity.onProbe(bps);
        if (bps > current) {
            current = clamp(bps);
            lastChange = now;
        }
    }

    /** Caps the estimate (e.g. loss-based or REMB limited the target a lot). */
    void setEstimate(long bps, long now) {
        current = clamp(bps);
        lastChange = now;
    }

    /** The path changed (outage): back to multiplicative increase until the next overuse. */
    void forgetCapacity() {
        capacity.reset();
    }

    void update(BandwidthUsage usage, double throughputBps, long now) {
        switch (usage) { // §5.5 state transitions
            case NORMAL -> {
                if (state == State.HOLD) {
                    state = State.INCREASE;
                    lastChange = now;
                }
            }
            case OVERUSING -> state = State.DECREASE;
            case UNDERUSING -> state = State.HOLD;
        }
        double next = current;
        switch (state) {
            case HOLD -> { }
            case INCREASE -> {
                if (throughputBps > capacity.upperBoundBps()) {
                    capacity.reset(); // the link got faster: go back to multiplicative
                }
                long since = lastChange == Long.MIN_VALUE ? 0 : Math.min(now - lastChange, 1_000_000_000L);
                if (capacity.hasEstimate()) {
                    next = current + nearMaxIncreaseBpsPerSecond() * since / 1e9;
                } else {
                    double alpha = Math.pow(1.08, since / 1e9);
                    next = current + Math.max(current * (alpha - 1), 1000 * since / 1e9);
                }
                if (throughputBps > 0) {
                    next = Math.min(next, Math.max(current, 1.5 * throughputBps + 10_000));
                }
                lastChange = now;
            }
            case DECREASE -> {
                if (throughputBps > 0) {
                    double decreased = BETA * throughputBps;
                    if (decreased > current && capacity.hasEstimate()) {
                        decreased = BETA * capacity.estimateBps();
                    }
                    if (throughputBps < capacity.lowerBoundBps()) {
                        capacity.reset();
                    }
                    capacity.onOveruse(throughputBps);
                    next = Math.min(current, decreased);
                } else {
                    next = current * BETA;
                }
                state = State.HOLD;
                lastChange = now;
            }
        }
        current = clamp(next);
    }

    /** About one average packet per response time (RTT + 100 ms), at least 4 kbps/s. */
    private double nearMaxIncreaseBpsPerSecond() {
        double frameBits = current / 30;
        double packets = Math.ceil(frameBits / (1200 * 8));
        double avgPacketBits = frameBits / packets;
        double responseSec = (rttNanos + 100_000_000L) / 1e9;
        return Math.max(4000, avgPacketBits / responseSec);
    }

    private double clamp(double bps) {
        return Math.max(minBps, Math.min(maxBps, bps));
    }
}
