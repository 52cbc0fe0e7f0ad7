package org.jwebrtc.signaling.kvs;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * How a {@link KvsSignalingSession} reaches its channel. Credentials and region default to the AWS SDK's
 * chains, as users of KVS already configure them; {@code endpointOverride} points at a local server.
 */
public record KvsSignalingOptions(String channelName, Role role, Optional<String> clientId, Region region,
                                  AwsCredentialsProvider credentials, Optional<URI> endpointOverride,
                                  boolean createChannelIfMissing, Duration pingInterval, Duration reconnectBefore,
                                  Duration backoffBase, Duration backoffMax, Duration iceRefreshGrace, Clock clock) {
    public KvsSignalingOptions {
        Objects.requireNonNull(channelName, "channelName");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(clientId, "clientId");
        if (role == Role.VIEWER && clientId.isEmpty()) {
            throw new IllegalArgumentException("a viewer needs a client id");
        }
        if (role == Role.MASTER && clientId.isPresent()) {
            throw new IllegalArgumentException("the master has no client id");
        }
    }

    public static Builder master(String channelName) {
        return new Builder(channelName, Role.MASTER, Optional.empty());
    }

    public static Builder viewer(String channelName, String clientId) {
        return new Builder(channelName, Role.VIEWER, Optional.of(clientId));
    }

    public static final class Builder {
        private final String channelName;
        private final Role role;
        private final Optional<String> clientId;
        private Region region;
        private AwsCredentialsProvider credentials;
        private Optional<URI> endpointOverride = Optional.empty();
        private boolean createChannelIfMissing;
        private Duration pingInterval = Duration.ofSeconds(10);
        private Duration reconnectBefore = Duration.ofMinutes(55);
        private Duration backoffBase = Duration.ofMillis(100);
        private Duration backoffMax = Duration.ofSeconds(10);
        private Duration iceRefreshGrace = Duration.ofSeconds(30);
        private Clock clock = Clock.systemUTC();

        Builder(String channelName, Role role, Optional<String> clientId) {
            this.channelName = channelName;
            this.role = role;
            this.clientId = clientId;
        }

        public Builder region(Region v) { region = v; return this; }
        public Builder credentials(AwsCredentialsProvider v) { credentials = v; return this; }
        public Builder endpointOverride(URI v) { endpointOverride = Optional.of(v); return this; }
        public Builder createChannelIfMissing(boolean v) { createChannelIfMissing = v; return this; }
        /** WebSocket ping period; keeps the connection under the service's 10-minute idle limit. */
        public Builder pingInterval(Duration v) { pingInterval = v; return this; }
        /** Reconnect proactively this long after connecting, before the service's 1-hour limit. */
        public Builder reconnectBefore(Duration v) { reconnectBefore = v; return this; }
        public Builder backoff(Duration base, Duration max) { backoffBase = base; backoffMax = max; return this; }
        /** Refetch ICE servers this long before their Ttl runs out. */
        public Builder iceRefreshGrace(Duration v) { iceRefreshGrace = v; return this; }
        public Builder clock(Clock v) { clock = v; return this; }

        public KvsSignalingOptions build() {
            return new KvsSignalingOptions(channelName, role, clientId,
                    region != null ? region : new software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain().getRegion(),
                    credentials != null ? credentials : DefaultCredentialsProvider.builder().build(), endpointOverride,
                    createChannelIfMissing, pingInterval, reconnectBefore, backoffBase, backoffMax, iceRefreshGrace,
                    clock);
        }
    }
}
