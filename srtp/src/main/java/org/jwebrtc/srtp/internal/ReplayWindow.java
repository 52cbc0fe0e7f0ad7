package org.jwebrtc.srtp.internal;

import java.util.Arrays;

/**
 * Sliding replay window over packet indices (RFC 3711 §3.3.2): remembers which of the last
 * {@code size} indices at or below the highest authenticated index were seen. Indices are
 * non-negative (48-bit SRTP index or 31-bit SRTCP index). Bits live in a ring keyed by
 * {@code index mod size}, so advancing by one clears a single bit. Not thread-safe.
 */
public final class ReplayWindow {
    private final int size;
    private final long[] bits;
    private long highest = -1;

    public ReplayWindow(int size) {
        if (size < 64) {
            throw new IllegalArgumentException("replay window must be at least 64 (RFC 3711 §3.3.2): " + size);
        }
        this.size = size;
        this.bits = new long[(size + 63) >>> 6];
    }

    /** Highest index committed so far, or -1. */
    public long highest() {
        return highest;
    }

    /** True when {@code index} was already accepted or is too old to tell (left of the window). */
    public boolean isReplayed(long index) {
        if (index < 0) {
            return true;
        }
        if (index > highest) {
            return false;
        }
        long age = highest - index;
        return age >= size || get(index);
    }

    /** Records an authenticated index; call only after {@link #isReplayed} returned false. */
    public void commit(long index) {
        if (index > highest) {
            long advance = highest < 0 ? size : index - highest;
            if (advance >= size) {
                Arrays.fill(bits, 0L);
            } else {
                for (long i = highest + 1; i < index; i++) {
                    clear(i);
                }
            }
            highest = index;
        }
        set(index);
    }

    private int slot(long index) {
        return (int) (index % size);
    }

    private boolean get(long index) {
        int s = slot(index);
        return (bits[s >>> 6] & (1L << s)) != 0;
    }

    private void set(long index) {
        int s = slot(index);
        bits[s >>> 6] |= 1L << s;
    }

    private void clear(long index) {
        int s = slot(index);
        bits[s >>> 6] &= ~(1L << s);
    }
}
