package org.jwebrtc.benchmarks.sctp;

/**
 * Hand-rolled slice-by-8 CRC-32C (reflected polynomial 0x82F63B78, RFC 9260 Appendix B), kept only as the
 * baseline that justifies using {@link java.util.zip.CRC32C} in the sctp module.
 */
final class TableCrc32c {
    private static final int[][] T = new int[8][256];

    static {
        for (int i = 0; i < 256; i++) {
            int c = i;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? (c >>> 1) ^ 0x82F63B78 : c >>> 1;
            }
            T[0][i] = c;
        }
        for (int i = 0; i < 256; i++) {
            for (int t = 1; t < 8; t++) {
                T[t][i] = (T[t - 1][i] >>> 8) ^ T[0][T[t - 1][i] & 0xff];
            }
        }
    }

    private TableCrc32c() {}

    static int compute(byte[] b, int off, int len) {
        int c = ~0;
        int i = off;
        int end = off + len;
        for (; end - i >= 8; i += 8) {
            int lo = c ^ ((b[i] & 0xff) | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff) << 16 | (b[i + 3] & 0xff) << 24);
            c = T[7][lo & 0xff] ^ T[6][(lo >>> 8) & 0xff] ^ T[5][(lo >>> 16) & 0xff] ^ T[4][lo >>> 24]
                    ^ T[3][b[i + 4] & 0xff] ^ T[2][b[i + 5] & 0xff] ^ T[1][b[i + 6] & 0xff] ^ T[0][b[i + 7] & 0xff];
        }
        for (; i < end; i++) {
            c = (c >>> 8) ^ T[0][(c ^ b[i]) & 0xff];
        }
        return ~c;
    }
}
