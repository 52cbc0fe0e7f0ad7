module org.jwebrtc.srtp {
    // exports org.jwebrtc.srtp; (added with the first public type)
}
