package org.jwebrtc.rtp.jitter;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides which lost packets to request with a Generic NACK (RFC 4585 §6.2.1) and when. Sequence
 * numbers are extended ({@code long}, wrap-free). A missing packet is first requested after a short
 * reordering grace, then again every {@code max(minInterval, rtt)} (a retransmission needs one round
 * trip), at most {@code maxRetries} times, and never once it is older than {@code maxAge}. Storage is
 * a fixed array: no allocation per packet. Not thread-safe; owned by one thread.
 */
public final class NackGenerator {
    private final long[] seq;
    private final long[] detected;
    private final long[] lastSent;
    private final int[] retries;
    private final long reorderDelayNanos;
    private final long minIntervalNanos;
    private final int maxRetries;
    private final long maxAgeNanos;
    private int head;  // first live index (entries are kept in increasing seq order)
    private int size;
    private long rttNanos = 100_000_000L; // until the caller measures one (RFC 3550 §6.4.1 DLSR)
    private long givenUp;
    private long requested;

    public NackGenerator(int maxEntries, long reorderDelayNanos, long minIntervalNanos, int maxRetries,
                         long maxAgeNanos) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries " + maxEntries);
        }
        seq = new long[maxEntries];
        detected = new long[maxEntries];
        lastSent = new long[maxEntries];
        retries = new int[maxEntries];
        this.reorderDelayNanos = reorderDelayNanos;
        this.minIntervalNanos = minIntervalNanos;
        this.maxRetries = maxRetries;
        this.maxAgeNanos = maxAgeNanos;
    }

    public void setRttNanos(long rtt) {
        if (rtt > 0) {
            rttNanos = rtt;
        }
    }

    public long rttNanos() {
        return rttNanos;
    }

    public int size() {
        return size;
    }

    private int idx(int i) {
        return (head + i) % seq.length;
    }

    /**
     * Records {@code [from, to]} (extended, inclusive) as missing at {@code now}. Returns false if they do
     * not fit: the list is then cleared and the caller should ask for a keyframe instead (RFC 4585 §6.3.1).
     */
    public boolean addMissing(long from, long to, long nowNanos) {
        long n = to - from + 1;
        if (n <= 0) {
            return true;
        }
        if (n > seq.length - size) {
            givenUp += size + n;
            clear();
            return false;
        }
        for (long s = from; s <= to; s++) {
            int i = idx(size++);
            seq[i] = s;
            detected[i] = nowNanos;
            lastSent[i] = Long.MIN_VALUE;
            retries[i] = 0;
        }
        return true;
    }

    /** Whether {@code s} is on the list: missing and neither arrived nor given up yet. */
    public boolean isMissing(long s) {
        return positionOf(s) >= 0;
    }

    /** The list position of {@code s}, or -1: entries are sorted, so a binary search. */
    private int positionOf(long s) {
        int lo = 0;
        int hi = size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long v = seq[idx(mid)];
            if (v < s) {
                lo = mid + 1;
            } else if (v > s) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** A missing packet arrived (reordered or retransmitted). Returns true if it had been requested. */
    public boolean received(long s) {
        int pos = positionOf(s);
        if (pos < 0) {
            return false;
        }
        boolean wasRequested = retries[idx(pos)] > 0;
        removeAt(pos);
        return wasRequested;
    }

    private void removeAt(int pos) {
        if (pos == 0) {
            head = idx(1);
            size--;
            return;
        }
        for (int i = pos; i < size - 1; i++) { // shift the tail down (lists are short: a burst of loss)
            int a = idx(i);
            int b = idx(i + 1);
            seq[a] = seq[b];
            detected[a] = detected[b];
            lastSent[a] = lastSent[b];
            retries[a] = retries[b];
        }
        size--;
    }

    /** Forgets every entry below {@code s}: the jitter buffer has moved past them. */
    public void removeBelow(long s) {
        while (size > 0 && seq[head] < s) {
            head = idx(1);
            size--;
        }
    }

    public void clear() {
        head = 0;
        size = 0;
    }

    /**
     * Appends (as 16-bit sequence numbers) the packets to request now, in order, and marks them sent.
     * Entries past their retry limit or age are dropped and counted as given up.
     */
    public void collectDue(long nowNanos, List<Integer> out) {
        long interval = Math.max(minIntervalNanos, rttNanos);
        int w = 0;
        for (int r = 0; r < size; r++) {
            int i = idx(r);
            boolean expired = nowNanos - detected[i] > maxAgeNanos || retries[i] >= maxRetries;
            if (expired) {
                givenUp++;
                continue;
            }
            boolean due = retries[i] == 0 ? nowNanos - detected[i] >= reorderDelayNanos
                    : nowNanos - lastSent[i] >= interval;
            if (due) {
                out.add((int) (seq[i] & 0xFFFF));
                retries[i]++;
                lastSent[i] = nowNanos;
                requested++;
            }
            if (w != r) {
                int j = idx(w);
                seq[j] = seq[i];
                detected[j] = detected[i];
                lastSent[j] = lastSent[i];
                retries[j] = retries[i];
            }
            w++;
        }
        size = w;
    }

    /** Convenience: {@link #collectDue(long, List)} into a new list (allocates). */
    public List<Integer> collectDue(long nowNanos) {
        List<Integer> out = new ArrayList<>();
        collectDue(nowNanos, out);
        return out;
    }

    /** Earliest time an entry becomes due or expires; {@code Long.MAX_VALUE} when the list is empty. */
    public long nextDeadline() {
        long interval = Math.max(minIntervalNanos, rttNanos);
        long best = Long.MAX_VALUE;
        for (int r = 0; r < size; r++) {
            int i = idx(r);
            long due = retries[i] == 0 ? detected[i] + reorderDelayNanos : lastSent[i] + interval;
            if (retries[i] >= maxRetries) {
                due = lastSent[i] + interval; // expires at its next slot
            }
            due = Math.min(due, detected[i] + maxAgeNanos + 1);
            if (due < best) {
                best = due;
            }
        }
        return best;
    }

    /** Sequence numbers requested in total (each retry counts). */
    public long requested() {
        return requested;
    }

    /** Missing packets dropped from the list without having arrived (retries/age exhausted, overflow). */
    public long givenUp() {
        return givenUp;
    }
}
