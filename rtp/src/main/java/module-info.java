/** RTP/RTCP codecs (RFC 3550, RFC 8285, RFC 4585, RFC 5104) and payload packetizers. JDK only. */
module org.jwebrtc.rtp {
    exports org.jwebrtc.rtp;
    exports org.jwebrtc.rtp.rtcp;
    exports org.jwebrtc.rtp.codec;
}
