package org.jwebrtc.rtp.rtx;

import java.util.Map;
import org.jwebrtc.rtp.RtpException;
import org.jwebrtc.rtp.RtpView;

/**
 * Wraps an original RTP packet into an RTX packet (RFC 4588 §4): the RTX stream's SSRC, its own sequence
 * number, the RTX payload type associated (SDP {@code apt}) with the original one, and the original
 * sequence number (OSN) as the first two payload bytes. Header extensions and CSRCs are kept; padding of
 * the original is dropped. Allocation-free. Not thread-safe; owned by one thread.
 */
public final class RtxEncoder {
    private final long rtxSsrc;
    private final int[] rtxPtFor = new int[128];
    private final RtpView view = new RtpView();
    private int nextSeq;

    /**
     * @param rtxPayloadTypes original payload type → RTX payload type (the inverse of {@code a=fmtp:<rtx> apt=})
     * @param firstSequenceNumber the RTX stream's first sequence number (random, RFC 3550 §5.1)
     */
    public RtxEncoder(long rtxSsrc, Map<Integer, Integer> rtxPayloadTypes, int firstSequenceNumber) {
        this.rtxSsrc = rtxSsrc;
        java.util.Arrays.fill(rtxPtFor, -1);
        rtxPayloadTypes.forEach((orig, rtx) -> rtxPtFor[check(orig)] = check(rtx));
        this.nextSeq = firstSequenceNumber & 0xFFFF;
    }

    static int check(int pt) {
        if (pt < 0 || pt > 127) {
            throw new IllegalArgumentException("payload type " + pt);
        }
        return pt;
    }

    /** Bytes an RTX packet of {@code originalLength} needs at most (original + 2 for the OSN). */
    public static int maxEncodedLength(int originalLength) {
        return originalLength + 2;
    }

    /**
     * Writes the RTX packet for the original at {@code src[off, off+len)} into {@code dst} (not overlapping
     * the source) and returns its length.
     *
     * @throws RtpException if the original is not valid RTP
     * @throws IllegalArgumentException if its payload type has no RTX mapping or {@code dst} is too small
     */
    public int encapsulate(byte[] src, int off, int len, byte[] dst, int dstOff) throws RtpException {
        view.wrap(src, off, len);
        int rtxPt = rtxPtFor[view.payloadType()];
        if (rtxPt < 0) {
            throw new IllegalArgumentException("no RTX payload type for " + view.payloadType());
        }
        int header = view.headerLength();
        int payload = view.payloadLength();
        int out = header + 2 + payload;
        if (dst.length - dstOff < out) {
            throw new IllegalArgumentException("destination too small: " + out + " bytes needed");
        }
        System.arraycopy(src, off, dst, dstOff, header);
        dst[dstOff] &= (byte) ~0x20; // no padding in the RTX packet
        dst[dstOff + header] = (byte) (view.sequenceNumber() >>> 8); // §4: OSN first
        dst[dstOff + header + 1] = (byte) view.sequenceNumber();
        System.arraycopy(src, view.payloadOffset(), dst, dstOff + header + 2, payload);
        dst[dstOff + 1] = (byte) ((dst[dstOff + 1] & 0x80) | rtxPt);
        dst[dstOff + 2] = (byte) (nextSeq >>> 8);
        dst[dstOff + 3] = (byte) nextSeq;
        dst[dstOff + 8] = (byte) (rtxSsrc >>> 24);
        dst[dstOff + 9] = (byte) (rtxSsrc >>> 16);
        dst[dstOff + 10] = (byte) (rtxSsrc >>> 8);
        dst[dstOff + 11] = (byte) rtxSsrc;
        nextSeq = (nextSeq + 1) & 0xFFFF;
        return out;
    }

    /** The sequence number the next RTX packet gets. */
    public int nextSequenceNumber() {
        return nextSeq;
    }
}
