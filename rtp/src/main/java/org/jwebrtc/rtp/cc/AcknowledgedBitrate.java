package org.jwebrtc.rtp.cc;

/**
 * Throughput of acknowledged (received) packets over a sliding window by arrival time: what the path
 * actually delivered. Fixed ring, allocation-free.
 */
final class AcknowledgedBitrate {
    private static final long WINDOW = 500_000_000L;
    private final long[] time = new long[4096];
    private final int[] bytes = new int[4096];
    private int head;
    private int size;
    private long sum;

    void add(long arrivalNanos, int size) {
        if (this.size == time.length) {
            pop();
        }
        int i = (head + this.size) % time.length;
        time[i] = arrivalNanos;
        bytes[i] = size;
        this.size++;
        sum += size;
        long cutoff = arrivalNanos - WINDOW;
        while (this.size > 1 && time[head] < cutoff) {
            pop();
        }
    }

    private void pop() {
        sum -= bytes[head];
        head = (head + 1) % time.length;
        size--;
    }

    /** Bits per second over the window (at least 150 ms of span assumed), 0 before any sample. */
    double bps() {
        if (size < 2) {
            return 0;
        }
        long span = time[(head + size - 1) % time.length] - time[head];
        long window = Math.max(span, 150_000_000L);
        return (sum - bytes[head]) * 8e9 / window;
    }
}
