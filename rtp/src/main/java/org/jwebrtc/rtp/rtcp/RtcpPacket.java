package org.jwebrtc.rtp.rtcp;

/**
 * One RTCP packet (RFC 3550 §6) inside a compound packet. Immutable records; unknown packet types and
 * feedback formats survive as {@link RawRtcpPacket}. Parse a datagram with {@link RtcpCompound#parse}.
 */
public sealed interface RtcpPacket permits SenderReport, ReceiverReport, SourceDescription, Goodbye,
        ApplicationDefined, GenericNack, PictureLossIndication, FullIntraRequest,
        ReceiverEstimatedMaxBitrate, TransportWideFeedback, ExtendedReport, RawRtcpPacket {

    int SR = 200;
    int RR = 201;
    int SDES = 202;
    int BYE = 203;
    int APP = 204;
    /** Transport-layer feedback (RFC 4585 §6.2). */
    int RTPFB = 205;
    /** Payload-specific feedback (RFC 4585 §6.3). */
    int PSFB = 206;
    /** Extended reports (RFC 3611). */
    int XR = 207;

    /** RTCP packet type (PT field). */
    int packetType();

    /** Exact encoded size in bytes, a multiple of 4, including the 4-byte common header. */
    int encodedLength();

    /** Writes the packet; returns bytes written. IllegalArgumentException if {@code dst} is too small. */
    int encode(byte[] dst, int off);

    default byte[] toBytes() {
        byte[] b = new byte[encodedLength()];
        encode(b, 0);
        return b;
    }
}
