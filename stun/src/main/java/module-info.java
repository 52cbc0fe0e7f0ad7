/** STUN (RFC 8489) codec, credentials, client transactions and a binding responder. JDK only. */
module org.jwebrtc.stun {
    exports org.jwebrtc.stun;
}
