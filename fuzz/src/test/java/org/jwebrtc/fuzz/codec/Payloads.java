package org.jwebrtc.fuzz.codec;

import java.util.ArrayList;
import java.util.List;
import org.jwebrtc.fuzz.Contract;
import org.jwebrtc.rtp.RtpException;
import org.jwebrtc.rtp.codec.Depacketizer;

/**
 * The depacketizer targets' input format: the RTP payloads of one frame, each as a 2-byte big-endian
 * length and that many bytes (a length past the end takes what is left). Seeds written by
 * {@code SeedCorpus} use the same framing.
 */
final class Payloads {
    private Payloads() {}

    static List<byte[]> split(byte[] input) {
        List<byte[]> out = new ArrayList<>();
        int p = 0;
        while (p + 2 <= input.length && out.size() < 64) {
            int n = Math.min(((input[p] & 0xFF) << 8) | (input[p + 1] & 0xFF), input.length - p - 2);
            byte[] payload = new byte[n];
            System.arraycopy(input, p + 2, payload, 0, n);
            out.add(payload);
            p += 2 + n;
        }
        return out;
    }

    static byte[] join(List<byte[]> payloads) {
        int n = 0;
        for (byte[] b : payloads) {
            n += 2 + b.length;
        }
        byte[] out = new byte[n];
        int p = 0;
        for (byte[] b : payloads) {
            out[p] = (byte) (b.length >>> 8);
            out[p + 1] = (byte) b.length;
            System.arraycopy(b, 0, out, p + 2, b.length);
            p += 2 + b.length;
        }
        return out;
    }

    /** The Depacketizer contract: probes never throw, depacketize gives a frame or RtpException. */
    static byte[] exercise(Depacketizer d, List<byte[]> payloads) throws RtpException {
        for (byte[] p : payloads) {
            d.isKeyframe(p);
            d.isFrameStart(p);
            if (p.length > 1) {
                d.isKeyframe(p, 1, p.length - 1);   // at an offset, as from a receive buffer
                d.isFrameStart(p, 1, p.length - 1);
            }
        }
        byte[] frame = d.depacketize(payloads);
        Contract.check(frame != null, "depacketize returned null");
        return frame;
    }
}
