package org.jwebrtc.rtp.cc;

/**
 * Groups packets sent within one 5 ms burst and yields the delay variation between consecutive groups
 * (draft-ietf-rmcat-gcc-02 §5.2: d(i) = t(i) - t(i-1) - (T(i) - T(i-1)) over group completion times).
 * Packets arriving within 5 ms of the group with a negative propagation delta join it too (a burst that
 * the network compressed). Times in nanoseconds. Not thread-safe.
 */
final class InterArrival {
    static final long GROUP_NANOS = 5_000_000L;

    private long firstSend = Long.MIN_VALUE;
    private long lastSend;
    private long lastArrival;
    private long prevLastSend = Long.MIN_VALUE;
    private long prevLastArrival;

    /** Result of the last {@link #add} that completed a group: send and arrival deltas (nanos). */
    long sendDelta;
    long arrivalDelta;

    /** Feeds a received packet (in send order); true when a group completed and the deltas are fresh. */
    boolean add(long sendNanos, long arrivalNanos) {
        if (firstSend == Long.MIN_VALUE) {
            startGroup(sendNanos, arrivalNanos);
            return false;
        }
        if (sendNanos < lastSend && sendNanos < firstSend) {
            return false; // reordered from an older group: ignore
        }
        boolean sameGroup = sendNanos - firstSend <= GROUP_NANOS || isBurst(sendNanos, arrivalNanos);
        if (sameGroup) {
            lastSend = Math.max(lastSend, sendNanos);
            lastArrival = Math.max(lastArrival, arrivalNanos);
            return false;
        }
        boolean ready = false;
        if (prevLastSend != Long.MIN_VALUE) {
            sendDelta = lastSend - prevLastSend;
            arrivalDelta = lastArrival - prevLastArrival;
            ready = true;
        }
        prevLastSend = lastSend;
        prevLastArrival = lastArrival;
        startGroup(sendNanos, arrivalNanos);
        return ready;
    }

    private boolean isBurst(long send, long arrival) {
        long arrivalDelta = arrival - lastArrival;
        long sendDelta = send - lastSend;
        return arrivalDelta < GROUP_NANOS && arrivalDelta - sendDelta < 0;
    }

    private void startGroup(long send, long arrival) {
        firstSend = send;
        lastSend = send;
        lastArrival = arrival;
    }
}
