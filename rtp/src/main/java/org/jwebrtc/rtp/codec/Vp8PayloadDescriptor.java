package org.jwebrtc.rtp.codec;

import org.jwebrtc.rtp.RtpException;

/**
 * The VP8 payload descriptor (RFC 7741 §4.2) of one RTP payload. {@code pictureId} is -1 when absent,
 * {@code tl0PicIdx}, {@code temporalId} and {@code keyIdx} likewise; {@code length} is the descriptor
 * size, i.e. where the VP8 payload starts.
 */
public record Vp8PayloadDescriptor(boolean nonReference, boolean startOfPartition, int partitionIndex,
                                   int pictureId, int pictureIdBits, int tl0PicIdx, int temporalId,
                                   boolean layerSync, int keyIdx, int length) {

    public static Vp8PayloadDescriptor parse(byte[] p, int off, int len) throws RtpException {
        if (len < 1) {
            throw new RtpException("empty VP8 payload", 0);
        }
        int b0 = p[off] & 0xFF;
        int q = 1;
        int picId = -1;
        int picBits = 0;
        int tl0 = -1;
        int tid = -1;
        boolean y = false;
        int keyIdx = -1;
        if ((b0 & 0x80) != 0) { // X: extension octet
            if (len < 2) {
                throw new RtpException("VP8 extension octet missing", 1);
            }
            int x = p[off + 1] & 0xFF;
            q = 2;
            if ((x & 0x80) != 0) { // I: PictureID
                if (len < q + 1) {
                    throw new RtpException("VP8 PictureID missing", q);
                }
                int m = p[off + q] & 0xFF;
                if ((m & 0x80) != 0) {
                    if (len < q + 2) {
                        throw new RtpException("VP8 15-bit PictureID truncated", q);
                    }
                    picId = ((m & 0x7F) << 8) | (p[off + q + 1] & 0xFF);
                    picBits = 15;
                    q += 2;
                } else {
                    picId = m;
                    picBits = 7;
                    q += 1;
                }
            }
            if ((x & 0x40) != 0) { // L: TL0PICIDX
                if (len < q + 1) {
                    throw new RtpException("VP8 TL0PICIDX missing", q);
                }
                tl0 = p[off + q] & 0xFF;
                q++;
            }
            if ((x & 0x30) != 0) { // T or K: TID|Y|KEYIDX octet
                if (len < q + 1) {
                    throw new RtpException("VP8 TID/KEYIDX octet missing", q);
                }
                int t = p[off + q] & 0xFF;
                if ((x & 0x20) != 0) {
                    tid = t >>> 6;
                    y = (t & 0x20) != 0;
                }
                if ((x & 0x10) != 0) {
                    keyIdx = t & 0x1F;
                }
                q++;
            }
        }
        return new Vp8PayloadDescriptor((b0 & 0x20) != 0, (b0 & 0x10) != 0, b0 & 0x07, picId, picBits, tl0, tid, y,
                keyIdx, q);
    }
}
