module org.jwebrtc.srtp {
    exports org.jwebrtc.srtp;
}
