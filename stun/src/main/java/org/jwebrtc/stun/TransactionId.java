package org.jwebrtc.stun;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.random.RandomGenerator;

/** The 96-bit transaction ID (RFC 8489 §5). Immutable. */
public final class TransactionId {
    public static final int LENGTH = 12;
    private final byte[] bytes;

    private TransactionId(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A fresh ID from the injected generator (RFC 8489 §6: uniformly random). */
    public static TransactionId random(RandomGenerator random) {
        byte[] b = new byte[LENGTH];
        for (int i = 0; i < LENGTH; i += 4) {
            int r = random.nextInt();
            b[i] = (byte) (r >>> 24);
            b[i + 1] = (byte) (r >>> 16);
            b[i + 2] = (byte) (r >>> 8);
            b[i + 3] = (byte) r;
        }
        return new TransactionId(b);
    }

    /** Copies 12 bytes. */
    public static TransactionId of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("transaction ID must be 12 bytes, not " + bytes.length);
        }
        return new TransactionId(bytes.clone());
    }

    /** Copies 12 bytes at {@code off}. */
    public static TransactionId read(byte[] buf, int off) {
        Objects.checkFromIndexSize(off, LENGTH, buf.length);
        return new TransactionId(Arrays.copyOfRange(buf, off, off + LENGTH));
    }

    public static TransactionId ofHex(String hex) {
        return of(HexFormat.of().parseHex(hex));
    }

    public byte[] toBytes() {
        return bytes.clone();
    }

    public void writeTo(byte[] dst, int off) {
        System.arraycopy(bytes, 0, dst, off, LENGTH);
    }

    /** True when the 12 bytes at {@code buf[off]} are this ID; allocates nothing. */
    public boolean matches(byte[] buf, int off) {
        if (off < 0 || off > buf.length - LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            if (buf[off + i] != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    /** Byte {@code i} (0..11). */
    public int byteAt(int i) {
        return bytes[i] & 0xFF;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TransactionId t && Arrays.equals(bytes, t.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return HexFormat.of().formatHex(bytes);
    }
}
