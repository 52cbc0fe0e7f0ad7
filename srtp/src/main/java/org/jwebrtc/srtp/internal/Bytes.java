package org.jwebrtc.srtp.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Big-endian field access on caller buffers (srtp is a leaf: it shares no code with rtp). */
public final class Bytes {
    private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG_NATIVE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private Bytes() {}

    public static int u16(byte[] b, int off) {
        return ((b[off] & 0xff) << 8) | (b[off + 1] & 0xff);
    }

    public static int i32(byte[] b, int off) {
        return (int) INT_BE.get(b, off);
    }

    public static void putI32(byte[] b, int off, int v) {
        INT_BE.set(b, off, v);
    }

    public static long i64(byte[] b, int off) {
        return (long) LONG_BE.get(b, off);
    }

    public static void putI64(byte[] b, int off, long v) {
        LONG_BE.set(b, off, v);
    }

    /** {@code dst[dstOff..+len) ^= src[srcOff..+len)}, eight bytes at a time. */
    public static void xor(byte[] src, int srcOff, byte[] dst, int dstOff, int len) {
        int i = 0;
        for (; i + 8 <= len; i += 8) {
            long v = (long) LONG_NATIVE.get(dst, dstOff + i) ^ (long) LONG_NATIVE.get(src, srcOff + i);
            LONG_NATIVE.set(dst, dstOff + i, v);
        }
        for (; i < len; i++) {
            dst[dstOff + i] ^= src[srcOff + i];
        }
    }

    /** Constant-time comparison of {@code a[aOff..+len)} and {@code b[bOff..+len)} (no early exit). */
    public static boolean constantTimeEquals(byte[] a, int aOff, byte[] b, int bOff, int len) {
        int diff = 0;
        for (int i = 0; i < len; i++) {
            diff |= a[aOff + i] ^ b[bOff + i];
        }
        return diff == 0;
    }
}
