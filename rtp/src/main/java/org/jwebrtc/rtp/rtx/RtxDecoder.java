package org.jwebrtc.rtp.rtx;

import java.util.Map;
import org.jwebrtc.rtp.RtpException;
import org.jwebrtc.rtp.RtpView;

/**
 * Restores original RTP packets from an RTX stream (RFC 4588 §4): sequence number from the OSN, the media
 * SSRC, and the original payload type via the {@code apt} mapping. Works in place. Allocation-free.
 * Not thread-safe; owned by one thread.
 */
public final class RtxDecoder {
    /** An RTX packet without OSN: padding only (sent for bandwidth probing), nothing to restore. */
    public static final int PADDING_ONLY = -1;
    /** Its payload type is not an RTX payload type of this stream. */
    public static final int UNKNOWN_PAYLOAD_TYPE = -2;

    private final long mediaSsrc;
    private final int[] aptFor = new int[128];
    private final RtpView view = new RtpView();

    /**
     * @param mediaSsrc the SSRC of the stream this RTX stream repairs ({@code a=ssrc-group:FID} or RRID)
     * @param apt RTX payload type → original payload type ({@code a=fmtp:<rtx> apt=<original>})
     */
    public RtxDecoder(long mediaSsrc, Map<Integer, Integer> apt) {
        this.mediaSsrc = mediaSsrc;
        java.util.Arrays.fill(aptFor, -1);
        apt.forEach((rtx, orig) -> aptFor[RtxEncoder.check(rtx)] = RtxEncoder.check(orig));
    }

    /**
     * Rewrites the RTX packet at {@code buf[off, off+len)} in place into the original packet and returns its
     * length (shorter by 2 plus any padding), or {@link #PADDING_ONLY} / {@link #UNKNOWN_PAYLOAD_TYPE}.
     *
     * @throws RtpException if the bytes are not valid RTP
     */
    public int decapsulate(byte[] buf, int off, int len) throws RtpException {
        view.wrap(buf, off, len);
        int orig = aptFor[view.payloadType()];
        if (orig < 0) {
            return UNKNOWN_PAYLOAD_TYPE;
        }
        if (view.payloadLength() < 2) {
            if (view.payloadLength() == 0) {
                return PADDING_ONLY;
            }
            throw new RtpException("RTX payload of 1 byte has no room for the OSN", view.payloadOffset() - off);
        }
        int p = view.payloadOffset();
        int osn = ((buf[p] & 0xFF) << 8) | (buf[p + 1] & 0xFF);
        int payload = view.payloadLength() - 2;
        System.arraycopy(buf, p + 2, buf, p, payload);
        buf[off] &= (byte) ~0x20; // padding (if any) is gone
        view.setSequenceNumber(osn);
        view.setSsrc(mediaSsrc);
        view.setPayloadType(orig);
        return p - off + payload;
    }
}
