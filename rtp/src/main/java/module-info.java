module org.jwebrtc.rtp {
    // exports org.jwebrtc.rtp; (added with the first public type)
}
