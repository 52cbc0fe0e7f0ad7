package org.jwebrtc.examples.media;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** Opus packets out of an Ogg file (RFC 3533 pages, RFC 7845 mapping: OpusHead and OpusTags come first). */
public final class OggOpus {
    private OggOpus() {}

    /** The audio packets, without the two header packets. */
    public static List<byte[]> packets(byte[] ogg) {
        List<byte[]> packets = new ArrayList<>();
        ByteArrayOutputStream partial = new ByteArrayOutputStream();
        int at = 0;
        while (at + 27 <= ogg.length) {
            if (ogg[at] != 'O' || ogg[at + 1] != 'g' || ogg[at + 2] != 'g' || ogg[at + 3] != 'S') {
                throw new IllegalArgumentException("no Ogg page at " + at);
            }
            int segments = ogg[at + 26] & 0xff;
            int data = at + 27 + segments;
            for (int s = 0; s < segments; s++) {
                int lacing = ogg[at + 27 + s] & 0xff;
                if (data + lacing > ogg.length) {
                    throw new IllegalArgumentException("Ogg page at " + at + " runs past the end");
                }
                partial.write(ogg, data, lacing);
                data += lacing;
                if (lacing < 255) {     // a packet ends here (RFC 3533 §5)
                    packets.add(partial.toByteArray());
                    partial.reset();
                }
            }
            at = data;
        }
        if (packets.size() < 2 || !startsWith(packets.get(0), "OpusHead")) {
            throw new IllegalArgumentException("not an Ogg Opus stream");
        }
        return List.copyOf(packets.subList(2, packets.size()));
    }

    private static boolean startsWith(byte[] b, String magic) {
        if (b.length < magic.length()) {
            return false;
        }
        for (int i = 0; i < magic.length(); i++) {
            if (b[i] != magic.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
