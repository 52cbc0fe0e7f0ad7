package org.jwebrtc.rtp.cc;

import org.jwebrtc.rtp.internal.Unwrapper;
import org.jwebrtc.rtp.rtcp.TransportWideFeedback;

/**
 * Receive side of transport-wide congestion control (draft-holmer-rmcat-transport-wide-cc-extensions-01
 * §3.1): records the arrival time of every transport-sequence-numbered packet and every
 * {@code intervalNanos} emits one {@link TransportWideFeedback} covering the packets since the previous one
 * (missing ones as not received). Packets that arrive after their sequence number was reported are ignored.
 * Not thread-safe; owned by one thread.
 */
public final class TransportFeedbackGenerator {
    private static final int CAPACITY = 1 << 15;
    private final long senderSsrc;
    private final long mediaSsrc;
    private final long intervalNanos;
    private final Unwrapper unwrapper = new Unwrapper(16);
    private final long[] arrival = new long[CAPACITY];
    private final long[] seqOf = new long[CAPACITY];
    private long nextBase = Long.MIN_VALUE; // first extended seq not yet reported
    private long highest = Long.MIN_VALUE;
    private long nextSend = Long.MIN_VALUE;
    private int feedbackCount;
    private TransportWideFeedback pending;

    public TransportFeedbackGenerator(long senderSsrc, long mediaSsrc, long intervalNanos) {
        this.senderSsrc = senderSsrc;
        this.mediaSsrc = mediaSsrc;
        this.intervalNanos = intervalNanos;
        java.util.Arrays.fill(seqOf, -1);
    }

    /** A packet carrying transport-wide sequence number {@code seq} (16-bit) arrived now. */
    public void onPacket(long nowNanos, int seq) {
        long ext = unwrapper.unwrap(seq);
        if (nextBase == Long.MIN_VALUE) {
            nextBase = ext;
            nextSend = nowNanos + intervalNanos;
        }
        if (ext < nextBase) {
            return; // already reported as lost
        }
        if (ext - nextBase >= CAPACITY) { // too far ahead: report what we have first
            nextBase = ext - CAPACITY / 2;
        }
        int i = (int) (ext & (CAPACITY - 1));
        seqOf[i] = ext;
        arrival[i] = nowNanos;
        highest = Math.max(highest, ext);
    }

    public void handleTimeout(long nowNanos) {
        if (nextSend == Long.MIN_VALUE || nowNanos - nextSend < 0) {
            return;
        }
        nextSend = nowNanos + intervalNanos;
        if (highest < nextBase) {
            return;
        }
        int n = (int) Math.min(highest - nextBase + 1, 0xFFFF);
        long[] micros = new long[n];
        long firstMicros = Long.MIN_VALUE;
        for (int k = 0; k < n; k++) {
            int i = (int) ((nextBase + k) & (CAPACITY - 1));
            if (seqOf[i] == nextBase + k) {
                long us = Math.floorDiv(arrival[i], 1000);
                if (firstMicros == Long.MIN_VALUE) {
                    firstMicros = us;
                }
                // a delta must fit 16 bits of 250 µs ticks (±8.19 s) from the previous one: drop outliers
                micros[k] = Math.abs(us - firstMicros) < 8_000_000 ? us : -1;
            } else {
                micros[k] = -1;
            }
        }
        // RFC deltas are relative to the previous received packet; reordered arrivals can be negative deltas,
        // which the format allows (2-bit large delta)
        pending = TransportWideFeedback.fromArrivals(senderSsrc, mediaSsrc, (int) (nextBase & 0xFFFF),
                feedbackCount, micros);
        feedbackCount = (feedbackCount + 1) & 0xFF;
        nextBase += n;
    }

    /** The feedback packet to send, or null. */
    public TransportWideFeedback pollFeedback() {
        TransportWideFeedback f = pending;
        pending = null;
        return f;
    }

    public long pollTimeout() {
        return nextSend == Long.MIN_VALUE ? Long.MAX_VALUE : nextSend;
    }
}
