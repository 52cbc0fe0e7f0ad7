package org.jwebrtc.turn;

import java.net.InetAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Settings of a {@link TurnServerCore}. Build with {@link #builder(String)}.
 *
 * @param realm the long-term credential realm (RFC 8489 §9.2)
 * @param users static long-term users: name → password
 * @param restSecret shared secret for TURN REST credentials ({@link TurnRestCredentials}), or null
 * @param relayAddress the interface relay sockets bind to
 * @param defaultLifetime allocation lifetime when the client asks for less (RFC 8656 §7.2: 10 min)
 * @param maxLifetime longest allocation lifetime granted (RFC 8656 §7.2: 1 h)
 * @param nonceLifetime how long a nonce stays valid before 438
 * @param maxAllocationsPerUser allocation quota per username (486 beyond)
 * @param bandwidthBytesPerSecond cap per allocation, both directions together; 0 = none
 * @param allowLoopbackPeers relay to 127.0.0.0/8 and ::1 (tests, local demos); off by default
 *        because a relay to loopback reaches the server host's own services
 * @param unixSeconds wall clock for TURN REST expiries (the only wall-clock input)
 */
public record TurnServerConfig(String realm, Map<String, String> users, String restSecret, InetAddress relayAddress,
                               Duration defaultLifetime, Duration maxLifetime, Duration nonceLifetime,
                               int maxAllocationsPerUser, long bandwidthBytesPerSecond, boolean allowLoopbackPeers,
                               LongSupplier unixSeconds) {
    public TurnServerConfig {
        Objects.requireNonNull(realm, "realm");
        users = Map.copyOf(users);
        Objects.requireNonNull(relayAddress, "relayAddress");
        Objects.requireNonNull(defaultLifetime, "defaultLifetime");
        Objects.requireNonNull(maxLifetime, "maxLifetime");
        Objects.requireNonNull(nonceLifetime, "nonceLifetime");
        Objects.requireNonNull(unixSeconds, "unixSeconds");
        if (defaultLifetime.toSeconds() < 1 || maxLifetime.compareTo(defaultLifetime) < 0) {
            throw new IllegalArgumentException("need 1 s <= defaultLifetime <= maxLifetime");
        }
        if (nonceLifetime.isNegative() || nonceLifetime.isZero() || maxAllocationsPerUser < 1
                || bandwidthBytesPerSecond < 0) {
            throw new IllegalArgumentException("nonce lifetime and quota must be positive, bandwidth >= 0");
        }
    }

    public static Builder builder(String realm) {
        return new Builder(realm);
    }

    /** Mutable builder; defaults: relay 127.0.0.1, lifetimes 10 min / 1 h, nonces 10 min, 10 allocations per user. */
    public static final class Builder {
        private final String realm;
        private final Map<String, String> users = new LinkedHashMap<>();
        private String restSecret;
        private InetAddress relayAddress = InetAddress.getLoopbackAddress();
        private Duration defaultLifetime = Duration.ofMinutes(10);
        private Duration maxLifetime = Duration.ofHours(1);
        private Duration nonceLifetime = Duration.ofMinutes(10);
        private int maxAllocationsPerUser = 10;
        private long bandwidth;
        private boolean allowLoopbackPeers;
        private LongSupplier unixSeconds = () -> System.currentTimeMillis() / 1000;

        private Builder(String realm) {
            this.realm = Objects.requireNonNull(realm, "realm");
        }

        public Builder user(String name, String password) {
            users.put(name, password);
            return this;
        }

        public Builder restSecret(String secret) {
            this.restSecret = secret;
            return this;
        }

        public Builder relayAddress(InetAddress a) {
            this.relayAddress = a;
            return this;
        }

        public Builder lifetimes(Duration defaultLifetime, Duration maxLifetime) {
            this.defaultLifetime = defaultLifetime;
            this.maxLifetime = maxLifetime;
            return this;
        }

        public Builder nonceLifetime(Duration d) {
            this.nonceLifetime = d;
            return this;
        }

        public Builder maxAllocationsPerUser(int n) {
            this.maxAllocationsPerUser = n;
            return this;
        }

        public Builder bandwidthBytesPerSecond(long n) {
            this.bandwidth = n;
            return this;
        }

        public Builder allowLoopbackPeers(boolean allow) {
            this.allowLoopbackPeers = allow;
            return this;
        }

        public Builder unixSeconds(LongSupplier clock) {
            this.unixSeconds = clock;
            return this;
        }

        public TurnServerConfig build() {
            return new TurnServerConfig(realm, users, restSecret, relayAddress, defaultLifetime, maxLifetime,
                    nonceLifetime, maxAllocationsPerUser, bandwidth, allowLoopbackPeers, unixSeconds);
        }
    }
}
