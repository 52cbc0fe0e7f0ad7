/** SDP (RFC 8866) parser and writer with the WebRTC attribute model, plus JSEP offer/answer helpers. */
module org.jwebrtc.sdp {
    exports org.jwebrtc.sdp;
    exports org.jwebrtc.sdp.jsep;
}
