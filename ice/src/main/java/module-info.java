module org.jwebrtc.ice {
    requires transitive org.jwebrtc.stun;
    exports org.jwebrtc.ice;
}
