/** RTP/RTCP codecs (RFC 3550, RFC 8285, RFC 4585, RFC 5104), payload packetizers, jitter buffer and RTX. JDK only. */
module org.jwebrtc.rtp {
    exports org.jwebrtc.rtp;
    exports org.jwebrtc.rtp.rtcp;
    exports org.jwebrtc.rtp.codec;
    exports org.jwebrtc.rtp.jitter;
    exports org.jwebrtc.rtp.rtx;
    exports org.jwebrtc.rtp.cc;
}
