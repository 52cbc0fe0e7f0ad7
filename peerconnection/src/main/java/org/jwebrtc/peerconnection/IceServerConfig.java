package org.jwebrtc.peerconnection;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * RTCIceServer (W3C webrtc §4.2.4): STUN/TURN URLs (RFC 7064 {@code stun:host[:port]}, RFC 7065
 * {@code turn:host[:port][?transport=udp]}) and the long-term credentials for TURN. Only UDP to the TURN server
 * is supported; {@code turns:} and {@code ?transport=tcp} are refused at construction.
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

    /** A parsed URL: whether it is TURN, and the server address (unresolved host names are resolved here). */
    record Url(boolean turn, InetSocketAddress server) {}

    static Url parse(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        boolean turn;
        String rest;
        if (lower.startsWith("stun:")) {
            turn = false;
            rest = url.substring(5);
        } else if (lower.startsWith("turn:")) {
            turn = true;
            rest = url.substring(5);
        } else {
            throw new IllegalArgumentException("unsupported ICE server URL (stun: or turn: only): " + url);
        }
        int q = rest.indexOf('?');
        if (q >= 0) {
            String query = rest.substring(q + 1).toLowerCase(Locale.ROOT);
            if (!turn || !query.equals("transport=udp")) {
                throw new IllegalArgumentException("only UDP to the TURN server is supported: " + url);
            }
            rest = rest.substring(0, q);
        }
        String host;
        int port = 3478;   // RFC 7064 §3.1, RFC 7065 §3.1 default port
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
        return new Url(turn, new InetSocketAddress(host, port));
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

    Optional<String> firstTurn() {
        return urls.stream().filter(u -> parse(u).turn()).findFirst();
    }
}
