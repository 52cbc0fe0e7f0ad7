package org.jwebrtc.dtls.internal.dtls13;

/**
 * Sliding anti-replay window of 64 records for one epoch (RFC 9147 §4.5.1, as RFC 4303 §3.4.3).
 * Check before decrypting, commit only after the record authenticated.
 */
public final class ReplayWindow {
    private static final int SIZE = 64;
    private long highest = -1;
    private long bitmap;

    /** True if {@code seq} is new and not too old. */
    public boolean check(long seq) {
        if (seq > highest) {
            return true;
        }
        long diff = highest - seq;
        if (diff >= SIZE) {
            return false;
        }
        return (bitmap & (1L << diff)) == 0;
    }

    /** Marks {@code seq} as received (after authentication). */
    public void commit(long seq) {
        if (seq > highest) {
            long shift = seq - highest;
            bitmap = shift >= SIZE ? 0 : bitmap << shift;
            bitmap |= 1;
            highest = seq;
        } else {
            long diff = highest - seq;
            if (diff < SIZE) {
                bitmap |= 1L << diff;
            }
        }
    }

    /** Highest authenticated sequence number, -1 if none. */
    public long highest() {
        return highest;
    }
}
