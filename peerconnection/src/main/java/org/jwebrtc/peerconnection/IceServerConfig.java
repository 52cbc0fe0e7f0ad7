package org.jwebrtc.peerconnection;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jwebrtc.peerconnection.internal.TurnServerUrl;
import org.jwebrtc.turn.TurnTransport;

/**
 * RTCIceServer (W3C webrtc §4.2.4): STUN/TURN URLs (RFC 7064 {@code stun:host[:port]}, RFC 7065
 * {@code turn:host[:port][?transport=udp|tcp]} and {@code turns:host[:port][?transport=tcp]}) and the long-term
 * credentials for TURN. {@code turn:} is UDP unless {@code ?transport=tcp} (default port 3478), {@code turns:} is TLS
 * over TCP (default port 5349, RFC 7065 §3); DTLS to the server ({@code turns:…?transport=udp}) and {@code stuns:}
 * are refused at construction. Every TURN URL gets its own allocation.
 */
public record IceServerConfig(List<String> urls, String username, String credential) {
    public IceServerConfig {
        urls = List.copyOf(urls);
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(credential, "credential");
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("no urls");
        }
        for (String u : urls) {
            parse(u);   // fail early on a URL we cannot use
        }
    }

    public static IceServerConfig stun(String url) {
        return new IceServerConfig(List.of(url), "", "");
    }

    public static IceServerConfig turn(String url, String username, String credential) {
        return new IceServerConfig(List.of(url), username, credential);
    }

    /**
     * A parsed URL: whether it is TURN, the server address (host names are resolved here) and the transport to it
     * (UDP for {@code stun:}).
     */
    record Url(boolean turn, InetSocketAddress server, TurnTransport transport) {}

    static Url parse(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        boolean turn;
        boolean secure = false;
        String rest;
        if (lower.startsWith("stun:")) {
            turn = false;
            rest = url.substring(5);
        } else if (lower.startsWith("turn:")) {
            turn = true;
            rest = url.substring(5);
        } else if (lower.startsWith("turns:")) {
            turn = true;
            secure = true;
            rest = url.substring(6);
        } else {
            throw new IllegalArgumentException("unsupported ICE server URL (stun:, turn: or turns: only): " + url);
        }
        TurnTransport transport = secure ? TurnTransport.TLS : TurnTransport.UDP;
        int q = rest.indexOf('?');
        if (q >= 0) {
            String query = rest.substring(q + 1).toLowerCase(Locale.ROOT);
            // RFC 7065 §3.1: transport=udp|tcp; turns: is TLS over TCP (DTLS to the server is not supported)
            if (turn && query.equals("transport=tcp")) {
                transport = secure ? TurnTransport.TLS : TurnTransport.TCP;
            } else if (!turn || secure || !query.equals("transport=udp")) {
                throw new IllegalArgumentException("unsupported transport (turn:?transport=udp|tcp, turns: over "
                        + "TCP): " + url);
            }
            rest = rest.substring(0, q);
        }
        String host;
        int port = secure ? 5349 : 3478;   // RFC 7064 §3.1, RFC 7065 §3 default ports
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("bad IPv6 literal: " + url);
            }
            host = rest.substring(1, close);
            if (close + 1 < rest.length()) {
                port = port(rest.substring(close + 2), url);
            }
        } else {
            int colon = rest.lastIndexOf(':');
            host = colon < 0 ? rest : rest.substring(0, colon);
            if (colon >= 0) {
                port = port(rest.substring(colon + 1), url);
            }
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("no host: " + url);
        }
        return new Url(turn, new InetSocketAddress(host, port), transport);
    }

    private static int port(String s, String url) {
        try {
            int p = Integer.parseInt(s);
            if (p < 1 || p > 65_535) {
                throw new IllegalArgumentException("bad port: " + url);
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port: " + url, e);
        }
    }

    /** The TURN URLs, in order, as the relay gathering needs them. */
    List<TurnServerUrl> turnUrls() {
        return urls.stream().filter(u -> parse(u).turn()).map(u -> {
            Url p = parse(u);
            return new TurnServerUrl(u, p.server(), p.transport(), username, credential);
        }).toList();
    }
}
