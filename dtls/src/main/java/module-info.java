module org.jwebrtc.dtls {
    requires org.bouncycastle.tls;
    requires org.bouncycastle.provider;
    requires org.bouncycastle.pkix;
    requires org.bouncycastle.util;
    exports org.jwebrtc.dtls;
}
