package org.jwebrtc.rtp.rtx;

/**
 * Send-side history of sent RTP packets for retransmission (RFC 4585 §6.2.1 NACK → RFC 4588 RTX). A ring
 * of {@code capacity} preallocated buffers indexed by sequence number: storing and fetching copy bytes and
 * allocate nothing. An entry is gone once overwritten (capacity) or older than {@code maxAgeNanos}.
 *
 * <p>Not thread-safe; owned by one thread.
 */
public final class RtpPacketHistory {
    private final byte[][] data;
    private final int[] length;
    private final int[] seq;
    private final long[] storedAt;
    private final long[] resentAt;
    private final int mask;
    private final int maxPacketSize;
    private final long maxAgeNanos;

    /**
     * @param capacity packets kept (power of two, at most 32768 so a sequence number maps to one slot)
     * @param maxPacketSize largest packet stored (bytes)
     */
    public RtpPacketHistory(int capacity, int maxPacketSize, long maxAgeNanos) {
        if (capacity < 1 || capacity > 32768 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two in 1..32768: " + capacity);
        }
        this.mask = capacity - 1;
        this.maxPacketSize = maxPacketSize;
        this.maxAgeNanos = maxAgeNanos;
        data = new byte[capacity][maxPacketSize];
        length = new int[capacity];
        seq = new int[capacity];
        storedAt = new long[capacity];
        resentAt = new long[capacity];
        java.util.Arrays.fill(seq, -1);
    }

    /** Stores a sent RTP packet (plain RTP, before SRTP). Its sequence number is read from bytes 2-3. */
    public void store(long nowNanos, byte[] buf, int off, int len) {
        if (len < 12 || len > maxPacketSize) {
            throw new IllegalArgumentException("packet of " + len + " bytes (12.." + maxPacketSize + ")");
        }
        int s = ((buf[off + 2] & 0xFF) << 8) | (buf[off + 3] & 0xFF);
        int i = s & mask;
        System.arraycopy(buf, off, data[i], 0, len);
        length[i] = len;
        seq[i] = s;
        storedAt[i] = nowNanos;
        resentAt[i] = Long.MIN_VALUE;
    }

    /** Copies packet {@code sequenceNumber} into {@code dst}; returns its length, or -1 if not held. */
    public int get(long nowNanos, int sequenceNumber, byte[] dst, int dstOff) {
        int i = slot(nowNanos, sequenceNumber);
        if (i < 0) {
            return -1;
        }
        System.arraycopy(data[i], 0, dst, dstOff, length[i]);
        return length[i];
    }

    /**
     * Like {@link #get}, but for answering a NACK: refuses (-1) a packet already resent less than
     * {@code minIntervalNanos} ago (typically one RTT; a second copy would cross the first one), and
     * remembers this resend.
     */
    public int getForResend(long nowNanos, int sequenceNumber, long minIntervalNanos, byte[] dst, int dstOff) {
        int i = slot(nowNanos, sequenceNumber);
        if (i < 0 || resentAt[i] != Long.MIN_VALUE && nowNanos - resentAt[i] < minIntervalNanos) {
            return -1;
        }
        resentAt[i] = nowNanos;
        System.arraycopy(data[i], 0, dst, dstOff, length[i]);
        return length[i];
    }

    private int slot(long now, int s) {
        int i = s & mask;
        if (seq[i] != (s & 0xFFFF) || now - storedAt[i] > maxAgeNanos) {
            return -1;
        }
        return i;
    }
}
