/** JMH needs reflective access to the generated benchmark classes, hence open. */
open module org.jwebrtc.benchmarks {
    requires jmh.core;
    requires org.jwebrtc.sdp;
    requires org.jwebrtc.stun;
    requires org.jwebrtc.turn;
    requires org.jwebrtc.ice;
    requires org.jwebrtc.dtls;
    requires org.jwebrtc.srtp;
    requires org.jwebrtc.rtp;
    requires org.jwebrtc.sctp;
    requires org.jwebrtc.peerconnection;
    requires org.jctools.core;   // handoff: MpscArrayQueue against the JDK queues
    requires org.jwebrtc.testsupport;   // peerconnection: headless Chromium for the data-channel throughput run
    requires java.management;    // scale: heap and threads per connection
}
