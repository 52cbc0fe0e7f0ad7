package org.jwebrtc.peerconnection.internal;

/** RFC 7983 §7 demultiplexing of one UDP datagram by its first byte. */
public enum PacketKind {
    STUN, DTLS, TURN_CHANNEL, RTP_RTCP, UNKNOWN;

    public static PacketKind of(byte first) {
        int b = first & 0xff;
        if (b <= 3) {
            return STUN;
        }
        if (b >= 20 && b <= 63) {
            return DTLS;
        }
        if (b >= 64 && b <= 79) {
            return TURN_CHANNEL;
        }
        if (b >= 128 && b <= 191) {
            return RTP_RTCP;
        }
        return UNKNOWN;
    }
}
