module org.jwebrtc.peerconnection {
    requires transitive org.jwebrtc.sdp;
    requires transitive org.jwebrtc.stun;
    requires transitive org.jwebrtc.turn;
    requires transitive org.jwebrtc.ice;
    requires transitive org.jwebrtc.dtls;
    requires transitive org.jwebrtc.srtp;
    requires transitive org.jwebrtc.rtp;
    requires transitive org.jwebrtc.sctp;
    requires io.netty.transport;
    requires io.netty.buffer;
    requires io.netty.common;
    requires io.netty.handler;
    requires org.jctools.core;
    exports org.jwebrtc.peerconnection;
    exports org.jwebrtc.peerconnection.internal to org.jwebrtc.benchmarks;   // JMH of the sans-IO media session
}
