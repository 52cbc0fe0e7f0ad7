module org.jwebrtc.stun {
    // exports org.jwebrtc.stun; (added with the first public type)
}
