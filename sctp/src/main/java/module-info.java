/** Sans-IO SCTP association (RFC 9260 over DTLS, RFC 8261) and DCEP (RFC 8832). JDK only. */
module org.jwebrtc.sctp {
    exports org.jwebrtc.sctp;
}
