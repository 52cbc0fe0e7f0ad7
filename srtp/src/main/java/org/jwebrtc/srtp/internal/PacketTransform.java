package org.jwebrtc.srtp.internal;

/**
 * The cryptographic transform of one key set (SRTP keys or SRTCP keys) applied in place.
 * Offsets and lengths have been validated by the caller; {@code index} is the 48-bit SRTP packet
 * index or the 31-bit SRTCP index. Unprotect methods return -1 when authentication fails and then
 * leave the payload undecrypted. Not thread-safe.
 */
public interface PacketTransform {
    /** Bytes appended to an RTP packet. */
    int rtpTagLength();

    /** Bytes appended to an RTCP packet (E||SRTCP index word plus tag). */
    int rtcpTrailerLength();

    /** Offset, relative to the packet start, of the E||SRTCP index word in a protected packet of {@code len}. */
    int rtcpIndexWordOffset(int len);

    int protectRtp(byte[] buf, int off, int len, int headerLen, int ssrc, long index, boolean encrypt);

    int unprotectRtp(byte[] buf, int off, int len, int headerLen, int ssrc, long index, boolean encrypted);

    int protectRtcp(byte[] buf, int off, int len, int ssrc, int index, boolean encrypt);

    int unprotectRtcp(byte[] buf, int off, int len, int ssrc, int index, boolean encrypted);
}
