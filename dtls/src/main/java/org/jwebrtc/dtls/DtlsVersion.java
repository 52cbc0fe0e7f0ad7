package org.jwebrtc.dtls;

/** The highest DTLS version a {@link DtlsTransport} offers or accepts. */
public enum DtlsVersion {
    /** DTLS 1.2 (RFC 6347) on bctls; the default until DTLS 1.3 interop with browsers is proven. */
    DTLS_1_2,
    /**
     * DTLS 1.3 (RFC 9147) on the project's own sans-IO engine. A server falls back to the DTLS 1.2
     * path for a ClientHello without DTLS 1.3 (and then sets the RFC 8446 §4.1.3 downgrade
     * sentinel); a client offers 1.3 and 1.2 in one ClientHello (written by bctls, extended with the
     * 1.3 offer) and continues in whichever the server picks, aborting on a 1.2 ServerHello that
     * carries the sentinel.
     */
    DTLS_1_3
}
