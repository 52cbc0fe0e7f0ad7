package org.jwebrtc.sctp;

/** Retransmission timeout (RFC 9260 §6.3.1): SRTT/RTTVAR with alpha 1/8, beta 1/4, clamped to [min, max]. */
final class RtoEstimator {
    private final long min;
    private final long max;
    private long srtt = -1;
    private long rttvar;
    private long rto;

    RtoEstimator(long initial, long min, long max) {
        this.min = min;
        this.max = max;
        this.rto = initial;
    }

    void measure(long rtt) {
        if (rtt < 0) {
            return;
        }
        if (srtt < 0) {           // C1: first measurement
            srtt = rtt;
            rttvar = rtt / 2;
        } else {                  // C2
            rttvar = (3 * rttvar + Math.abs(srtt - rtt)) / 4;
            srtt = (7 * srtt + rtt) / 8;
        }
        rto = clamp(srtt + Math.max(4 * rttvar, 1_000_000L)); // G = 1 ms clock granularity (C3)
    }

    /** §6.3.3 E2: double on T3-rtx expiry. */
    void backoff() {
        rto = clamp(rto > max / 2 ? max : rto * 2);
    }

    long rto() {
        return rto;
    }

    long srtt() {
        return srtt;
    }

    private long clamp(long v) {
        return Math.max(min, Math.min(max, v));
    }
}
