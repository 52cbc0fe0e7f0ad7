package org.jwebrtc.dtls;

/**
 * Which side of the DTLS handshake we play. In WebRTC the SDP {@code a=setup} attribute decides
 * (RFC 8842 §5): {@code active} is the DTLS client, {@code passive} the server.
 */
public enum DtlsRole {
    CLIENT,
    SERVER
}
