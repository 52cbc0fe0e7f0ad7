module org.jwebrtc.examples {
    requires org.jwebrtc.peerconnection;
    requires org.jwebrtc.signaling.kvs;
    requires org.jwebrtc.turn;
    requires info.picocli;
    requires jdk.httpserver;
    requires software.amazon.awssdk.auth;
    requires software.amazon.awssdk.regions;
    requires software.amazon.awssdk.identity.spi;
    requires software.amazon.awssdk.services.kinesisvideo;
    exports org.jwebrtc.examples;
    exports org.jwebrtc.examples.web;
    opens org.jwebrtc.examples to info.picocli;
}
