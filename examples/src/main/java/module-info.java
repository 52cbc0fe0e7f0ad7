module org.jwebrtc.examples {
    requires org.jwebrtc.peerconnection;
    requires org.jwebrtc.signaling.kvs;
    requires info.picocli;
    // exports org.jwebrtc.examples; (added with the first public type)
    // opens org.jwebrtc.examples to info.picocli;
}
