package org.jwebrtc.rtp.cc;

/**
 * Send time, size and probe cluster of every packet by transport-wide sequence number (extended), in a
 * fixed ring: allocation-free. Entries older than the ring are forgotten.
 */
final class SendHistory {
    private final int mask;
    private final long[] seq;
    private final long[] sendTime;
    private final int[] size;
    private final int[] cluster;
    private final boolean[] reported;

    SendHistory(int capacity) {
        mask = capacity - 1;
        seq = new long[capacity];
        sendTime = new long[capacity];
        size = new int[capacity];
        cluster = new int[capacity];
        reported = new boolean[capacity];
        java.util.Arrays.fill(seq, -1);
    }

    void add(long extSeq, long now, int bytes, int probeCluster) {
        int i = (int) (extSeq & mask);
        seq[i] = extSeq;
        sendTime[i] = now;
        size[i] = bytes;
        cluster[i] = probeCluster;
        reported[i] = false;
    }

    /** Slot of {@code extSeq}, or -1 when unknown. */
    int find(long extSeq) {
        int i = (int) (extSeq & mask);
        return seq[i] == extSeq ? i : -1;
    }

    long sendTime(int i) {
        return sendTime[i];
    }

    int size(int i) {
        return size[i];
    }

    int cluster(int i) {
        return cluster[i];
    }

    /** Marks reported; returns false if it already was (feedback repeats are ignored). */
    boolean markReported(int i) {
        if (reported[i]) {
            return false;
        }
        reported[i] = true;
        return true;
    }
}
