package org.jwebrtc.dtls;

import java.util.Locale;

/**
 * Which side of the DTLS handshake we play. In WebRTC the SDP {@code a=setup} attribute decides
 * (RFC 8842 §5.2, RFC 4145 §4): the endpoint that ends up {@code active} is the DTLS client, the
 * {@code passive} one the server. The offerer says {@code actpass}; the answer fixes the roles.
 */
public enum DtlsRole {
    CLIENT,
    SERVER;

    /**
     * Our role from our own final {@code a=setup} value ("active" or "passive"); "actpass" is not
     * a role yet and is refused, as are unknown values.
     */
    public static DtlsRole forLocalSetup(String setup) {
        return switch (setup.trim().toLowerCase(Locale.ROOT)) {
            case "active" -> CLIENT;
            case "passive" -> SERVER;
            default -> throw new IllegalArgumentException("a=setup:" + setup
                    + " does not fix a DTLS role (need active or passive; RFC 8842 §5.2)");
        };
    }

    /** Our role when the peer's final {@code a=setup} is {@code remoteSetup}. */
    public static DtlsRole forRemoteSetup(String remoteSetup) {
        return forLocalSetup(remoteSetup) == CLIENT ? SERVER : CLIENT;
    }
}
