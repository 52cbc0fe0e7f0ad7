module org.jwebrtc.examples {
    requires org.jwebrtc.peerconnection;
    requires org.jwebrtc.signaling.kvs;
    requires org.jwebrtc.turn;
    requires info.picocli;
    requires software.amazon.awssdk.auth;
    requires software.amazon.awssdk.regions;
    requires software.amazon.awssdk.identity.spi;
    exports org.jwebrtc.examples;
    opens org.jwebrtc.examples to info.picocli;
}
