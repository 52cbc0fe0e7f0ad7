module org.jwebrtc.sdp {
    // exports org.jwebrtc.sdp; (added with the first public type)
}
