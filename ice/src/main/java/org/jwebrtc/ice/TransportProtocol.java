package org.jwebrtc.ice;

import java.util.Locale;

/** Transport of a candidate: the {@code transport} token of {@code a=candidate} (RFC 8839 §5.1, RFC 6544 §4.5). */
public enum TransportProtocol {
    UDP,
    /** ICE-TCP (RFC 6544): STUN and data framed with a 2-byte length (RFC 4571, see {@link Rfc4571Framer}). */
    TCP;

    /** The SDP token: {@code udp} or {@code tcp}. */
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Case-insensitive lookup of an SDP token; {@link IllegalArgumentException} if neither udp nor tcp. */
    public static TransportProtocol fromToken(String token) {
        return switch (token.toLowerCase(Locale.ROOT)) {
            case "udp" -> UDP;
            case "tcp" -> TCP;
            default -> throw new IllegalArgumentException("unknown transport " + token);
        };
    }
}
