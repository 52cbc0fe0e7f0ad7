package org.jwebrtc.turn;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link TurnClient} needs: the server, the transport to it and long-term credentials
 * (RFC 8489 §9.2; for TURN REST credentials the username is {@code expiry:user} and the password
 * the server-issued base64 HMAC).
 *
 * @param server the TURN server's transport address
 * @param transport UDP, TCP or TLS to the server
 * @param username long-term username
 * @param password long-term password
 * @param lifetime lifetime to request for the allocation (RFC 8656 §7.2: the server may shorten it)
 * @param rto initial STUN retransmission timeout over UDP (RFC 8489 §6.2.1)
 */
public record TurnClientConfig(InetSocketAddress server, TurnTransport transport, String username, String password,
                               Duration lifetime, Duration rto) {
    /** RFC 8656 §7.2: the default allocation lifetime. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(10);

    public TurnClientConfig {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(lifetime, "lifetime");
        Objects.requireNonNull(rto, "rto");
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.toSeconds() > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("lifetime must be 1 s .. 2^32-1 s");
        }
        if (rto.isNegative() || rto.isZero()) {
            throw new IllegalArgumentException("rto must be positive");
        }
    }

    public static TurnClientConfig of(InetSocketAddress server, TurnTransport transport, String username, String password) {
        return new TurnClientConfig(server, transport, username, password, DEFAULT_LIFETIME, Duration.ofMillis(500));
    }

    public TurnClientConfig withLifetime(Duration d) {
        return new TurnClientConfig(server, transport, username, password, d, rto);
    }

    public TurnClientConfig withRto(Duration d) {
        return new TurnClientConfig(server, transport, username, password, lifetime, d);
    }
}
