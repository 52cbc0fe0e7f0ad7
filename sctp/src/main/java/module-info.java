module org.jwebrtc.sctp {
    // exports org.jwebrtc.sctp; (added with the first public type)
}
