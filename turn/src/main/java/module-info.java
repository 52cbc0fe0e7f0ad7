module org.jwebrtc.turn {
    requires transitive org.jwebrtc.stun;
    requires io.netty.transport;
    requires io.netty.buffer;
    requires io.netty.common;
    requires io.netty.handler;
    exports org.jwebrtc.turn;
}
