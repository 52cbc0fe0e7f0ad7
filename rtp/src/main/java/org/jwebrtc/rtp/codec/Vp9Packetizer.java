package org.jwebrtc.rtp.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * VP9 packetizer (RFC 9628), flexible mode, one spatial and temporal layer: every payload carries
 * I=1 with a 15-bit PictureID that increases per frame, F=1, B on the first and E on the last packet;
 * inter frames set P=1 with one reference index P_DIFF=1 (the previous picture). Key frames (frame_type 0
 * in the VP9 uncompressed header) have P=0. No scalability structure is sent (V=0; §4.2 makes it a
 * SHOULD for key frames). Not thread-safe; one instance per stream.
 */
public final class Vp9Packetizer implements Packetizer {
    private int pictureId;

    public Vp9Packetizer(int firstPictureId) {
        this.pictureId = firstPictureId & 0x7FFF;
    }

    public int nextPictureId() {
        return pictureId;
    }

    /**
     * VP9 uncompressed header (VP9 bitstream §6.2): frame_marker(2)=2, profile bits, reserved bit for
     * profile 3, show_existing_frame, then frame_type (0 = key frame).
     */
    public static boolean isKeyFrame(byte[] frame, int off, int len) {
        if (len < 1) {
            return false;
        }
        int b = frame[off] & 0xFF;
        if ((b >>> 6) != 2) {
            return false;
        }
        int profile = ((b >>> 5) & 1) | (((b >>> 4) & 1) << 1);
        int idx = profile == 3 ? 5 : 4; // MSB-first index of show_existing_frame (profile 3 adds a zero bit)
        if (((b >>> (7 - idx)) & 1) != 0) {
            return false; // show_existing_frame: no new frame
        }
        return ((b >>> (6 - idx)) & 1) == 0;
    }

    @Override
    public List<byte[]> packetize(byte[] frame, int off, int len, int mtu) {
        boolean key = isKeyFrame(frame, off, len);
        int dl = key ? 3 : 4;
        if (mtu <= dl) {
            throw new IllegalArgumentException("mtu " + mtu + " leaves no room after the VP9 payload descriptor");
        }
        int max = mtu - dl;
        List<byte[]> out = new ArrayList<>(len / max + 1);
        int pos = 0;
        do {
            int n = Math.min(max, len - pos);
            byte[] p = new byte[dl + n];
            boolean first = pos == 0;
            boolean last = pos + n == len;
            p[0] = (byte) (0x80 | (key ? 0 : 0x40) | 0x10 | (first ? 0x08 : 0) | (last ? 0x04 : 0)); // I P F B E
            p[1] = (byte) (0x80 | (pictureId >>> 8)); // M=1: 15-bit PictureID
            p[2] = (byte) pictureId;
            if (!key) {
                p[3] = (byte) (1 << 1); // P_DIFF=1, N=0
            }
            System.arraycopy(frame, off + pos, p, dl, n);
            out.add(p);
            pos += n;
        } while (pos < len);
        pictureId = (pictureId + 1) & 0x7FFF;
        return out;
    }
}
