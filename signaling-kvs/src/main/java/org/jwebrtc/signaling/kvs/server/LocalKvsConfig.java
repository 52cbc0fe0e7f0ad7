package org.jwebrtc.signaling.kvs.server;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of the local KVS-compatible server. Every KVS limit (PROTOCOL.md §7) is here so tests can hit them
 * in milliseconds; the defaults are the service's.
 */
public record LocalKvsConfig(InetSocketAddress bind, String region, String accountId,
                             Map<String, String> credentials, int maxViewers, int maxPayloadChars,
                             int connectsPerSecondPerChannel, int sdpPerSecondPerConnection,
                             int icePerSecondPerConnection, Duration idleTimeout, Duration maxConnectionDuration,
                             Duration goAwayGrace, Duration allowedClockSkew, Duration alexaAnswerTimeout,
                             List<String> turnUris, Optional<String> turnSharedSecret, Duration iceServerTtl,
                             boolean replaceMaster, Clock clock) {
    public LocalKvsConfig {
        Objects.requireNonNull(bind, "bind");
        credentials = Map.copyOf(credentials);
        turnUris = List.copyOf(turnUris);
        Objects.requireNonNull(turnSharedSecret, "turnSharedSecret");
        Objects.requireNonNull(clock, "clock");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The fake keys the AWS docs use; the local server accepts them by default. */
    public static final String EXAMPLE_ACCESS_KEY = "AKIDEXAMPLE";
    public static final String EXAMPLE_SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    public static final class Builder {
        private InetSocketAddress bind = new InetSocketAddress("127.0.0.1", 0);
        private String region = "us-west-2";
        private String accountId = "123456789012";
        private final Map<String, String> credentials = new LinkedHashMap<>(Map.of(EXAMPLE_ACCESS_KEY, EXAMPLE_SECRET_KEY));
        private int maxViewers = 10;
        private int maxPayloadChars = 10_000;
        private int connectsPerSecondPerChannel = 3;
        private int sdpPerSecondPerConnection = 5;
        private int icePerSecondPerConnection = 20;
        private Duration idleTimeout = Duration.ofMinutes(10);
        private Duration maxConnectionDuration = Duration.ofHours(1);
        private Duration goAwayGrace = Duration.ofMinutes(1);
        private Duration allowedClockSkew = Duration.ofMinutes(5);
        private Duration alexaAnswerTimeout = Duration.ofSeconds(5);
        private List<String> turnUris = List.of();
        private Optional<String> turnSharedSecret = Optional.empty();
        private Duration iceServerTtl = Duration.ofSeconds(300);
        private boolean replaceMaster = true;
        private Clock clock = Clock.systemUTC();

        public Builder bind(InetSocketAddress v) { bind = v; return this; }
        public Builder region(String v) { region = v; return this; }
        public Builder accountId(String v) { accountId = v; return this; }
        public Builder credentials(String accessKeyId, String secret) { credentials.put(accessKeyId, secret); return this; }
        public Builder maxViewers(int v) { maxViewers = v; return this; }
        public Builder maxPayloadChars(int v) { maxPayloadChars = v; return this; }
        public Builder connectsPerSecondPerChannel(int v) { connectsPerSecondPerChannel = v; return this; }
        public Builder sdpPerSecondPerConnection(int v) { sdpPerSecondPerConnection = v; return this; }
        public Builder icePerSecondPerConnection(int v) { icePerSecondPerConnection = v; return this; }
        public Builder idleTimeout(Duration v) { idleTimeout = v; return this; }
        public Builder maxConnectionDuration(Duration v) { maxConnectionDuration = v; return this; }
        public Builder goAwayGrace(Duration v) { goAwayGrace = v; return this; }
        public Builder allowedClockSkew(Duration v) { allowedClockSkew = v; return this; }
        public Builder alexaAnswerTimeout(Duration v) { alexaAnswerTimeout = v; return this; }
        /** TURN servers handed out by GetIceServerConfig with TURN-REST credentials from {@code sharedSecret}. */
        public Builder turn(List<String> uris, String sharedSecret) {
            turnUris = uris;
            turnSharedSecret = Optional.of(sharedSecret);
            return this;
        }
        public Builder iceServerTtl(Duration v) { iceServerTtl = v; return this; }
        public Builder clock(Clock v) { clock = v; return this; }
        /** True (the service's behaviour): a new master connection replaces the old; false: it is refused. */
        public Builder replaceMaster(boolean v) { replaceMaster = v; return this; }

        public LocalKvsConfig build() {
            return new LocalKvsConfig(bind, region, accountId, credentials, maxViewers, maxPayloadChars,
                    connectsPerSecondPerChannel, sdpPerSecondPerConnection, icePerSecondPerConnection, idleTimeout,
                    maxConnectionDuration, goAwayGrace, allowedClockSkew, alexaAnswerTimeout, turnUris,
                    turnSharedSecret, iceServerTtl, replaceMaster, clock);
        }
    }
}
