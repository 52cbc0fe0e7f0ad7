package org.jwebrtc.srtp.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * GHASH of GCM (NIST SP 800-38D §6.4) with per-key 4-bit tables: for each of the 32 nibble positions
 * of a block, the 16 products {@code (n at that position) · H} are precomputed (8 KiB, fits L1), so
 * one block multiplication is 32 table lookups and XORs, no shifts or reduction. Streaming: AAD and
 * ciphertext may arrive in pieces; each section is zero-padded to a block. Not thread-safe.
 */
public final class Ghash {
    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final long R = 0xE100000000000000L; // x^128 + x^7 + x^2 + x + 1, reflected

    private final long[] table = new long[32 * 16 * 2];
    private final byte[] pending = new byte[16];
    private int pendingLen;
    private long yHi;
    private long yLo;

    /** {@code h} = AES_K(0^128), 16 bytes. */
    public Ghash(byte[] h) {
        // P_j = H · x^j; in GCM's reflected bit order multiplying by x is a right shift with reduction
        long[] pHi = new long[128];
        long[] pLo = new long[128];
        long hi = (long) LONG_BE.get(h, 0);
        long lo = (long) LONG_BE.get(h, 8);
        for (int j = 0; j < 128; j++) {
            pHi[j] = hi;
            pLo[j] = lo;
            long carry = lo & 1;
            lo = (lo >>> 1) | (hi << 63);
            hi = (hi >>> 1) ^ (carry != 0 ? R : 0);
        }
        for (int pos = 0; pos < 32; pos++) {
            for (int n = 0; n < 16; n++) {
                long th = 0;
                long tl = 0;
                for (int k = 0; k < 4; k++) {
                    if ((n & (8 >>> k)) != 0) { // the nibble's high bit is bit 4*pos
                        th ^= pHi[4 * pos + k];
                        tl ^= pLo[4 * pos + k];
                    }
                }
                int at = (pos * 16 + n) * 2;
                table[at] = th;
                table[at + 1] = tl;
            }
        }
    }

    public void reset() {
        yHi = 0;
        yLo = 0;
        pendingLen = 0;
    }

    /** Absorbs bytes of the current section (AAD or ciphertext). */
    public void update(byte[] b, int off, int len) {
        if (pendingLen > 0) {
            int n = Math.min(len, 16 - pendingLen);
            System.arraycopy(b, off, pending, pendingLen, n);
            pendingLen += n;
            off += n;
            len -= n;
            if (pendingLen < 16) {
                return;
            }
            block((long) LONG_BE.get(pending, 0), (long) LONG_BE.get(pending, 8));
            pendingLen = 0;
        }
        while (len >= 16) {
            block((long) LONG_BE.get(b, off), (long) LONG_BE.get(b, off + 8));
            off += 16;
            len -= 16;
        }
        if (len > 0) {
            System.arraycopy(b, off, pending, 0, len);
            pendingLen = len;
        }
    }

    /** Ends a section: a partial last block is zero-padded (SP 800-38D §7.1 step 5). */
    public void padSection() {
        if (pendingLen > 0) {
            for (int i = pendingLen; i < 16; i++) {
                pending[i] = 0;
            }
            block((long) LONG_BE.get(pending, 0), (long) LONG_BE.get(pending, 8));
            pendingLen = 0;
        }
    }

    /** Absorbs len(A) || len(C) in bits and writes the 16-byte GHASH to {@code out[off..]}. */
    public void finish(long aadBytes, long cipherBytes, byte[] out, int off) {
        padSection();
        block(aadBytes << 3, cipherBytes << 3);
        LONG_BE.set(out, off, yHi);
        LONG_BE.set(out, off + 8, yLo);
    }

    private void block(long hi, long lo) {
        long xHi = yHi ^ hi;
        long xLo = yLo ^ lo;
        long zHi = 0;
        long zLo = 0;
        long[] t = table;
        for (int pos = 0; pos < 16; pos++) {
            int at = (pos * 16 + (int) ((xHi >>> (60 - 4 * pos)) & 0xF)) * 2;
            zHi ^= t[at];
            zLo ^= t[at + 1];
        }
        for (int pos = 0; pos < 16; pos++) {
            int at = ((pos + 16) * 16 + (int) ((xLo >>> (60 - 4 * pos)) & 0xF)) * 2;
            zHi ^= t[at];
            zLo ^= t[at + 1];
        }
        yHi = zHi;
        yLo = zLo;
    }
}
