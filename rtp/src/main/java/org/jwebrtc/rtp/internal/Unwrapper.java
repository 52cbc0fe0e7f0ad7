package org.jwebrtc.rtp.internal;

/**
 * Extends a wrapping counter (16-bit RTP sequence number, 32-bit timestamp) to a monotonic {@code long}
 * by choosing, for each value, the extension closest to the previous one (RFC 3550 §A.1 "cycles").
 * Not thread-safe.
 */
public final class Unwrapper {
    private final int bits;
    private final long modulus;
    private final long half;
    private long last = Long.MIN_VALUE;

    public Unwrapper(int bits) {
        if (bits < 1 || bits > 32) {
            throw new IllegalArgumentException("bits " + bits);
        }
        this.bits = bits;
        this.modulus = 1L << bits;
        this.half = modulus >>> 1;
    }

    /** The extended value of {@code value}; the first value maps to itself plus one cycle (never negative). */
    public long unwrap(long value) {
        value &= modulus - 1;
        if (last == Long.MIN_VALUE) {
            last = value + modulus; // one spare cycle so a slightly older packet stays positive
            return last;
        }
        long delta = (value - last) & (modulus - 1);
        if (delta >= half) {
            delta -= modulus; // backwards (reordered/older)
        }
        long ext = last + delta;
        if (ext > last) {
            last = ext;
        }
        return ext;
    }

    /** Extension of {@code value} relative to the latest one, without updating state. */
    public long peek(long value) {
        if (last == Long.MIN_VALUE) {
            return (value & (modulus - 1)) + modulus;
        }
        long delta = (value - last) & (modulus - 1);
        if (delta >= half) {
            delta -= modulus;
        }
        return last + delta;
    }

    public int bits() {
        return bits;
    }

    public void reset() {
        last = Long.MIN_VALUE;
    }
}
