package org.jwebrtc.rtp.codec;

import java.util.ArrayList;
import java.util.List;
import org.jwebrtc.rtp.RtpException;

/**
 * The VP9 payload descriptor (RFC 9628 §4.2) of one RTP payload: I|P|L|F|B|E|V|Z, optional PictureID
 * (7/15-bit, -1 if absent), layer indices (-1 if absent; TL0PICIDX only in non-flexible mode),
 * P_DIFF reference indices (flexible mode), and the scalability structure, which is validated and
 * skipped. {@code length} is where the VP9 data starts.
 */
public record Vp9PayloadDescriptor(boolean interPicturePredicted, boolean flexibleMode, boolean startOfFrame,
                                   boolean endOfFrame, boolean scalabilityStructure, boolean notReferenceForUpper,
                                   int pictureId, int pictureIdBits, int temporalId, boolean switchingUp,
                                   int spatialId, boolean interLayerDependency, int tl0PicIdx,
                                   List<Integer> referenceDiffs, int length) {

    public Vp9PayloadDescriptor {
        referenceDiffs = List.copyOf(referenceDiffs);
    }

    public static Vp9PayloadDescriptor parse(byte[] p, int off, int len) throws RtpException {
        if (len < 1) {
            throw new RtpException("empty VP9 payload", 0);
        }
        int b0 = p[off] & 0xFF;
        boolean i = (b0 & 0x80) != 0;
        boolean pBit = (b0 & 0x40) != 0;
        boolean l = (b0 & 0x20) != 0;
        boolean f = (b0 & 0x10) != 0;
        boolean v = (b0 & 0x02) != 0;
        int q = 1;
        int picId = -1;
        int picBits = 0;
        if (i) {
            need(len, q + 1, "PictureID");
            int m = p[off + q] & 0xFF;
            if ((m & 0x80) != 0) {
                need(len, q + 2, "15-bit PictureID");
                picId = ((m & 0x7F) << 8) | (p[off + q + 1] & 0xFF);
                picBits = 15;
                q += 2;
            } else {
                picId = m;
                picBits = 7;
                q += 1;
            }
        }
        int tid = -1;
        int sid = -1;
        boolean u = false;
        boolean d = false;
        int tl0 = -1;
        if (l) { // §4.2 layer indices
            need(len, q + 1, "layer indices");
            int x = p[off + q] & 0xFF;
            tid = x >>> 5;
            u = (x & 0x10) != 0;
            sid = (x >>> 1) & 0x07;
            d = (x & 0x01) != 0;
            q++;
            if (!f) {
                need(len, q + 1, "TL0PICIDX");
                tl0 = p[off + q] & 0xFF;
                q++;
            }
        }
        List<Integer> diffs = new ArrayList<>(0);
        if (f && pBit) { // §4.2: up to 3 P_DIFF octets, N bit chains them
            boolean more = true;
            while (more) {
                if (diffs.size() == 3) {
                    throw new RtpException("more than 3 VP9 reference indices", q);
                }
                need(len, q + 1, "P_DIFF");
                int x = p[off + q] & 0xFF;
                diffs.add(x >>> 1);
                more = (x & 0x01) != 0;
                q++;
            }
        }
        if (v) { // §4.2.1 scalability structure: validate and skip
            need(len, q + 1, "SS header");
            int ss = p[off + q] & 0xFF;
            int ns = (ss >>> 5) + 1;
            boolean y = (ss & 0x10) != 0;
            boolean g = (ss & 0x08) != 0;
            q++;
            if (y) {
                need(len, q + 4 * ns, "SS resolutions");
                q += 4 * ns;
            }
            if (g) {
                need(len, q + 1, "N_G");
                int ng = p[off + q] & 0xFF;
                q++;
                for (int k = 0; k < ng; k++) {
                    need(len, q + 1, "picture group entry");
                    int r = (p[off + q] >>> 2) & 0x03;
                    q += 1 + r;
                    need(len, q, "picture group P_DIFFs");
                }
            }
        }
        return new Vp9PayloadDescriptor(pBit, f, (b0 & 0x08) != 0, (b0 & 0x04) != 0, v, (b0 & 0x01) != 0,
                picId, picBits, tid, u, sid, d, tl0, diffs, q);
    }

    private static void need(int len, int n, String what) throws RtpException {
        if (len < n) {
            throw new RtpException("VP9 " + what + " truncated", Math.max(0, len));
        }
    }
}
