package org.jwebrtc.rtp.cc;

/**
 * Measures probe clusters from feedback (libwebrtc ProbeBitrateEstimator): send rate over the cluster
 * (without its last packet) and receive rate (without its first); the result is their minimum, or 95 % of
 * the receive rate when the path delivered less than 90 % of what was sent (it was saturated). Up to 8
 * clusters in flight; allocation-free.
 */
final class ProbeBitrateEstimator {
    private static final int SLOTS = 8;
    private final int[] id = new int[SLOTS];
    private final int[] sent = new int[SLOTS];
    private final int[] reported = new int[SLOTS];
    private final int[] received = new int[SLOTS];
    private final boolean[] closed = new boolean[SLOTS];
    private final long[] firstSend = new long[SLOTS];
    private final long[] lastSend = new long[SLOTS];
    private final int[] lastSendSize = new int[SLOTS];
    private final long[] firstArrival = new long[SLOTS];
    private final int[] firstArrivalSize = new int[SLOTS];
    private final long[] lastArrival = new long[SLOTS];
    private final long[] bytes = new long[SLOTS];
    private final int[] minPackets = new int[SLOTS];

    ProbeBitrateEstimator() {
        java.util.Arrays.fill(id, -1);
    }

    void onSent(int cluster, int minPkts) {
        int s = cluster % SLOTS;
        if (id[s] != cluster) {
            id[s] = cluster;
            sent[s] = 0;
            reported[s] = 0;
            received[s] = 0;
            closed[s] = false;
            bytes[s] = 0;
            firstSend[s] = Long.MAX_VALUE;
            lastSend[s] = Long.MIN_VALUE;
            firstArrival[s] = Long.MAX_VALUE;
            lastArrival[s] = Long.MIN_VALUE;
            minPackets[s] = minPkts;
        }
        sent[s]++;
    }

    /** The pacer moved on: no more packets will join this cluster. */
    void close(int cluster) {
        int s = cluster % SLOTS;
        if (id[s] == cluster) {
            closed[s] = true;
        }
    }

    /**
     * Feeds one reported packet of {@code cluster}; returns the cluster's measured bitrate once all of its
     * packets were reported, else -1 (and -1 for a cluster with too few packets received).
     */
    long onFeedback(int cluster, long sendTime, int size, long arrival) {
        int s = cluster % SLOTS;
        if (id[s] != cluster) {
            return -1;
        }
        reported[s]++;
        if (arrival >= 0) {
            received[s]++;
            bytes[s] += size;
            if (sendTime < firstSend[s]) {
                firstSend[s] = sendTime;
            }
            if (sendTime > lastSend[s]) {
                lastSend[s] = sendTime;
                lastSendSize[s] = size;
            }
            if (arrival < firstArrival[s]) {
                firstArrival[s] = arrival;
                firstArrivalSize[s] = size;
            }
            lastArrival[s] = Math.max(lastArrival[s], arrival);
        }
        if (!closed[s] || reported[s] < sent[s]) {
            return -1;
        }
        id[s] = -1; // report once
        if (received[s] < Math.max(3, minPackets[s] * 3 / 4)) {
            return -1;
        }
        long sendSpan = lastSend[s] - firstSend[s];
        long recvSpan = lastArrival[s] - firstArrival[s];
        if (sendSpan <= 0 || recvSpan <= 0) {
            return -1;
        }
        double sendRate = (bytes[s] - lastSendSize[s]) * 8e9 / sendSpan;
        double recvRate = (bytes[s] - firstArrivalSize[s]) * 8e9 / recvSpan;
        if (sendRate > 2 * recvRate) {
            return (long) (0.95 * recvRate); // far beyond what arrived: the path rate
        }
        double result = Math.min(sendRate, recvRate);
        if (recvRate < 0.9 * sendRate) {
            result = 0.95 * recvRate;
        }
        return (long) result;
    }
}
