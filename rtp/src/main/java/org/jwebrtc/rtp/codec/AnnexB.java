package org.jwebrtc.rtp.codec;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * H.264/H.265 Annex B byte streams (ITU-T H.264 Annex B): NAL units behind start codes 00 00 01 or
 * 00 00 00 01. Zero bytes before a start code (trailing_zero_8bits, the first byte of a 4-byte start
 * code) do not belong to the NAL unit.
 */
public final class AnnexB {
    private static final byte[] START_CODE = {0, 0, 0, 1};

    private AnnexB() {}

    /** The NAL units of an Annex B stream, copied; bytes before the first start code are ignored. */
    public static List<byte[]> split(byte[] buf, int off, int len) {
        List<byte[]> out = new ArrayList<>();
        int end = off + len;
        int start = findStartCode(buf, off, end);
        while (start >= 0) {
            int nalStart = start + 3;
            int next = findStartCode(buf, nalStart, end);
            int nalEnd = next < 0 ? end : next;
            while (nalEnd > nalStart && buf[nalEnd - 1] == 0) {
                nalEnd--;
            }
            if (nalEnd > nalStart) {
                out.add(Arrays.copyOfRange(buf, nalStart, nalEnd));
            }
            start = next;
        }
        return out;
    }

    /**
     * Like {@link #split(byte[], int, int)} without copying: (offset, length) pairs into {@code buf}, packed
     * as {@code offset << 32 | length}.
     */
    static long[] splitRanges(byte[] buf, int off, int len) {
        long[] out = new long[8];
        int count = 0;
        int end = off + len;
        int start = findStartCode(buf, off, end);
        while (start >= 0) {
            int nalStart = start + 3;
            int next = findStartCode(buf, nalStart, end);
            int nalEnd = next < 0 ? end : next;
            while (nalEnd > nalStart && buf[nalEnd - 1] == 0) {
                nalEnd--;
            }
            if (nalEnd > nalStart) {
                if (count == out.length) {
                    out = Arrays.copyOf(out, count * 2);
                }
                out[count++] = ((long) nalStart << 32) | (nalEnd - nalStart);
            }
            start = next;
        }
        return Arrays.copyOf(out, count);
    }

    public static List<byte[]> split(byte[] stream) {
        return split(stream, 0, stream.length);
    }

    /** Position of the next 00 00 01 at or after {@code from}, or -1. */
    static int findStartCode(byte[] b, int from, int end) {
        for (int i = from; i + 2 < end; i++) {
            if ((b[i + 2] & 0xFF) > 1) {
                i += 2; // fast skip: no start code can end at i+2
            } else if (b[i] == 0 && b[i + 1] == 0 && b[i + 2] == 1) {
                return i;
            }
        }
        return -1;
    }

    /** Joins NAL units with 4-byte start codes. */
    public static byte[] join(List<byte[]> nals) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] n : nals) {
            out.writeBytes(START_CODE);
            out.writeBytes(n);
        }
        return out.toByteArray();
    }
}
