package org.jwebrtc.rtp.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * VP8 packetizer (RFC 7741 §4.2). Each payload starts with a VP8 payload descriptor: S=1 on the first
 * packet of the frame, partition index 0 (partitions are not tracked), and optionally a 7- or 15-bit
 * PictureID (I bit) that increases by one per frame. Not thread-safe; one instance per stream.
 */
public final class Vp8Packetizer implements Packetizer {
    private final int pictureIdBits;
    private int pictureId;

    /** Without PictureID. */
    public Vp8Packetizer() {
        this(0, 0);
    }

    /**
     * @param pictureIdBits 0 (no PictureID), 7 or 15 (M bit set)
     * @param firstPictureId PictureID of the first frame
     */
    public Vp8Packetizer(int pictureIdBits, int firstPictureId) {
        if (pictureIdBits != 0 && pictureIdBits != 7 && pictureIdBits != 15) {
            throw new IllegalArgumentException("PictureID bits " + pictureIdBits + " not 0, 7 or 15");
        }
        this.pictureIdBits = pictureIdBits;
        this.pictureId = pictureIdBits == 0 ? 0 : firstPictureId & ((1 << pictureIdBits) - 1);
    }

    /** PictureID the next frame will carry. */
    public int nextPictureId() {
        return pictureId;
    }

    private int descriptorLength() {
        return pictureIdBits == 0 ? 1 : pictureIdBits == 7 ? 3 : 4;
    }

    @Override
    public List<byte[]> packetize(byte[] frame, int off, int len, int mtu) {
        int dl = descriptorLength();
        if (mtu <= dl) {
            throw new IllegalArgumentException("mtu " + mtu + " leaves no room after the " + dl
                    + "-byte VP8 payload descriptor");
        }
        int max = mtu - dl;
        List<byte[]> out = new ArrayList<>(len / max + 1);
        int pos = 0;
        do {
            int n = Math.min(max, len - pos);
            byte[] p = new byte[dl + n];
            writeDescriptor(p, pos == 0);
            System.arraycopy(frame, off + pos, p, dl, n);
            out.add(p);
            pos += n;
        } while (pos < len);
        if (pictureIdBits != 0) {
            pictureId = (pictureId + 1) & ((1 << pictureIdBits) - 1);
        }
        return out;
    }

    private void writeDescriptor(byte[] p, boolean start) {
        int x = pictureIdBits == 0 ? 0 : 0x80;
        p[0] = (byte) (x | (start ? 0x10 : 0)); // X R N S R PID=0 (N=0: frame is a reference)
        if (pictureIdBits == 7) {
            p[1] = (byte) 0x80; // I
            p[2] = (byte) pictureId;
        } else if (pictureIdBits == 15) {
            p[1] = (byte) 0x80;
            p[2] = (byte) (0x80 | (pictureId >>> 8)); // M
            p[3] = (byte) pictureId;
        }
    }
}
