package org.jwebrtc.peerconnection.internal;

import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Objects;
import org.jwebrtc.turn.TurnTransport;

/**
 * One TURN URL of an RTCIceServer, parsed (RFC 7065): the URL as configured (reported as {@code url} in getStats),
 * the server address ({@link InetSocketAddress#getHostString()} keeps the host name for TLS), the transport to the
 * server and the long-term credentials.
 */
public record TurnServerUrl(String url, InetSocketAddress server, TurnTransport transport, String username,
                            String credential) {
    public TurnServerUrl {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(credential, "credential");
    }

    /** W3C webrtc-stats RTCIceCandidateStats.relayProtocol: "udp", "tcp" or "tls". */
    public String relayProtocol() {
        return transport.name().toLowerCase(Locale.ROOT);
    }
}
