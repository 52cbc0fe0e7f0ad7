package org.jwebrtc.rtp;

import java.nio.charset.StandardCharsets;

/**
 * Values of the header extensions WebRTC negotiates (RFC 8285 elements): mid (RFC 8843), rid and
 * repaired-rid (RFC 8852), abs-send-time (webrtc.org, 6.18 fixed-point seconds in 24 bits) and
 * transport-wide-cc (draft-holmer-rmcat-transport-wide-cc-extensions-01 §2, 16-bit sequence).
 * Audio level is {@link AudioLevel}.
 */
public final class HeaderExtensions {
    public static final String MID_URI = "urn:ietf:params:rtp-hdrext:sdes:mid";
    public static final String RID_URI = "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id";
    public static final String REPAIRED_RID_URI = "urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id";
    public static final String ABS_SEND_TIME_URI = "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time";
    public static final String TRANSPORT_CC_URI =
            "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01";

    private HeaderExtensions() {}

    /** mid/rid/repaired-rid: the SDES item text as UTF-8 bytes, 1..255 bytes. */
    public static RtpExtension sdesString(int id, String value) {
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        if (b.length == 0) {
            throw new IllegalArgumentException("empty SDES string extension");
        }
        return new RtpExtension(id, b);
    }

    /**
     * Reads mid/rid/repaired-rid. Trailing zero bytes are dropped: some senders pad the value inside
     * the element (RFC 8285 allows only inter-element padding, but libwebrtc tolerates this).
     */
    public static String sdesString(byte[] data, int off, int len) {
        int end = off + len;
        while (end > off && data[end - 1] == 0) {
            end--;
        }
        return new String(data, off, end - off, StandardCharsets.UTF_8);
    }

    /** 24-bit abs-send-time from a time in nanoseconds (wraps every 64 s). */
    public static int absSendTimeFromNanos(long nanos) {
        // 6.18 fixed point: seconds * 2^18, low 24 bits; split so the shift cannot overflow.
        long secs = Math.floorDiv(nanos, 1_000_000_000L);
        long rem = Math.floorMod(nanos, 1_000_000_000L);
        long units = ((secs << 18) + (rem << 18) / 1_000_000_000L) & 0xFFFFFF;
        return (int) units;
    }

    /** abs-send-time value to nanoseconds within its 64 s wrap period. */
    public static long absSendTimeToNanos(int value) {
        return ((value & 0xFFFFFFL) * 1_000_000_000L) >>> 18;
    }

    public static RtpExtension absSendTime(int id, int value24) {
        return new RtpExtension(id, new byte[] {(byte) (value24 >>> 16), (byte) (value24 >>> 8), (byte) value24});
    }

    public static int absSendTime(byte[] data, int off, int len) throws RtpException {
        if (len < 3) {
            throw new RtpException("abs-send-time needs 3 bytes, has " + len, off);
        }
        return ((data[off] & 0xFF) << 16) | ((data[off + 1] & 0xFF) << 8) | (data[off + 2] & 0xFF);
    }

    public static RtpExtension transportSequenceNumber(int id, int seq) {
        return new RtpExtension(id, new byte[] {(byte) (seq >>> 8), (byte) seq});
    }

    public static int transportSequenceNumber(byte[] data, int off, int len) throws RtpException {
        if (len < 2) {
            throw new RtpException("transport-wide sequence number needs 2 bytes, has " + len, off);
        }
        return ((data[off] & 0xFF) << 8) | (data[off + 1] & 0xFF);
    }

    /** Reads transport-wide-cc seq straight from a view; -1 if absent or short. Allocation-free. */
    public static int transportSequenceNumber(RtpView view, int id) {
        long found = view.find(id); // one scan: offset << 16 | length
        if (found < 0 || (found & 0xFFFF) < 2) {
            return -1;
        }
        int at = (int) (found >>> 16);
        byte[] b = view.buffer();
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }
}
