package org.jwebrtc.examples.media;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** IVF files (the libvpx container): a 32-byte header, then per frame a 12-byte header and the frame. */
public final class Ivf {
    /** One frame with its presentation timestamp in the file's timebase. */
    public record Frame(long pts, byte[] data) {}

    /** The header's facts and the frames. */
    public record File(String fourcc, int width, int height, int timebaseDenominator, int timebaseNumerator,
                       List<Frame> frames) {}

    private Ivf() {}

    public static File read(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 32 || b.getInt(0) != 0x46494B44) { // "DKIF"
            throw new IllegalArgumentException("not an IVF file");
        }
        int headerLength = b.getShort(6) & 0xffff;
        String fourcc = new String(bytes, 8, 4, java.nio.charset.StandardCharsets.US_ASCII);
        int width = b.getShort(12) & 0xffff;
        int height = b.getShort(14) & 0xffff;
        int den = b.getInt(16);
        int num = b.getInt(20);
        List<Frame> frames = new ArrayList<>();
        int at = headerLength;
        while (at + 12 <= bytes.length) {
            int size = b.getInt(at);
            long pts = b.getLong(at + 4);
            if (size < 0 || at + 12 + size > bytes.length) {
                throw new IllegalArgumentException("IVF frame at " + at + " runs past the end");
            }
            byte[] data = new byte[size];
            System.arraycopy(bytes, at + 12, data, 0, size);
            frames.add(new Frame(pts, data));
            at += 12 + size;
        }
        return new File(fourcc, width, height, den, num, List.copyOf(frames));
    }

    /** VP8 key frame: bit 0 of the first byte of the frame tag is 0 (RFC 6386 §9.1). */
    public static boolean isVp8Keyframe(byte[] frame) {
        return frame.length > 0 && (frame[0] & 1) == 0;
    }
}
