package org.jwebrtc.rtp.codec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jwebrtc.testsupport.SharedFiles;

/** Test-only readers for the media samples in shared/vectors/media (see its README.md). */
public final class MediaFiles {
    private MediaFiles() {}

    public static byte[] bytes(String dir, String name) {
        return SharedFiles.bytes(SharedFiles.vectors("media", dir, name));
    }

    /** IVF: 32-byte file header ("DKIF", header length at 6), then per frame a 12-byte header (LE size, pts). */
    public static List<byte[]> ivfFrames(byte[] f) {
        if (!new String(f, 0, 4, StandardCharsets.US_ASCII).equals("DKIF")) {
            throw new IllegalArgumentException("not IVF");
        }
        int headerLen = (f[6] & 0xFF) | (f[7] & 0xFF) << 8;
        List<byte[]> frames = new ArrayList<>();
        int p = headerLen;
        while (p + 12 <= f.length) {
            int size = (f[p] & 0xFF) | (f[p + 1] & 0xFF) << 8 | (f[p + 2] & 0xFF) << 16 | (f[p + 3] & 0xFF) << 24;
            p += 12;
            frames.add(Arrays.copyOfRange(f, p, p + size));
            p += size;
        }
        return frames;
    }

    public static String ivfFourcc(byte[] f) {
        return new String(f, 8, 4, StandardCharsets.US_ASCII);
    }

    /**
     * Ogg (RFC 3533): pages of "OggS", version, flags, granule(8), serial(4), seq(4), crc(4), segment
     * count and lacing table; a lacing value of 255 continues the packet (also across pages).
     */
    public static List<byte[]> oggPackets(byte[] f) {
        List<byte[]> packets = new ArrayList<>();
        ByteArrayOutputStream cur = new ByteArrayOutputStream();
        int p = 0;
        while (p + 27 <= f.length) {
            if (!new String(f, p, 4, StandardCharsets.US_ASCII).equals("OggS")) {
                throw new IllegalArgumentException("lost Ogg sync at " + p);
            }
            int segs = f[p + 26] & 0xFF;
            int data = p + 27 + segs;
            for (int s = 0; s < segs; s++) {
                int lace = f[p + 27 + s] & 0xFF;
                cur.write(f, data, lace);
                data += lace;
                if (lace < 255) {
                    packets.add(cur.toByteArray());
                    cur.reset();
                }
            }
            p = data;
        }
        return packets;
    }

    /** Opus audio packets: the Ogg packets minus the OpusHead and OpusTags headers (RFC 7845 §5). */
    public static List<byte[]> opusPackets(byte[] f) {
        List<byte[]> out = new ArrayList<>();
        for (byte[] pkt : oggPackets(f)) {
            String magic = pkt.length >= 8 ? new String(pkt, 0, 8, StandardCharsets.US_ASCII) : "";
            if (!magic.equals("OpusHead") && !magic.equals("OpusTags")) {
                out.add(pkt);
            }
        }
        return out;
    }
}
