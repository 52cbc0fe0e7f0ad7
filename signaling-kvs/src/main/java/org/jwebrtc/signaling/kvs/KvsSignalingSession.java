package org.jwebrtc.signaling.kvs;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.kinesisvideo.KinesisVideoClient;
import software.amazon.awssdk.services.kinesisvideo.KinesisVideoClientBuilder;
import software.amazon.awssdk.services.kinesisvideo.model.ChannelProtocol;
import software.amazon.awssdk.services.kinesisvideo.model.ChannelRole;
import software.amazon.awssdk.services.kinesisvideo.model.ResourceEndpointListItem;
import software.amazon.awssdk.services.kinesisvideo.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesisvideosignaling.KinesisVideoSignalingClient;

/**
 * A master's or viewer's connection to a KVS signaling channel that stays up: resolves the channel and its
 * endpoints with the AWS SDK, fetches ICE servers (and refetches them before their Ttl), opens the presigned
 * WebSocket, pings under the 10-minute idle limit, reconnects before the 1-hour limit, on GO_AWAY and on drops
 * (exponential backoff, full jitter), refetches ICE servers on RECONNECT_ICE_SERVER, and corrects its clock from
 * the server's Date header when a signature is refused as expired. Thread-safe; callbacks run on I/O threads.
 */
public final class KvsSignalingSession implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(KvsSignalingSession.class.getName());

    /** Session callbacks; run on internal threads, must not block. */
    public interface Listener extends SignalingListener {
        default void onIceServers(List<IceServer> servers) {}

        default void onReconnecting(Duration delay, String why) {}
    }

    private final KvsSignalingOptions options;
    private final Listener listener;
    private final ScheduledExecutorService control;
    private final EventLoopGroup io;
    private final KinesisVideoClient kvs;
    private KinesisVideoSignalingClient signaling;
    private String channelArn;
    private URI wssEndpoint;
    private volatile SignalingWebSocket socket;
    private volatile List<IceServer> iceServers = List.of();
    private volatile Duration clockSkew = Duration.ZERO;
    private volatile boolean closed;
    private int attempt;
    private long generation;
    private final List<ScheduledFuture<?>> connectionTimers = new ArrayList<>();
    private ScheduledFuture<?> iceRefresh;
    private CompletableFuture<Void> firstOpen = new CompletableFuture<>();

    private KvsSignalingSession(KvsSignalingOptions options, Listener listener) {
        this.options = options;
        this.listener = listener;
        this.control = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kvs-signaling-" + options.channelName());
            t.setDaemon(true);
            return t;
        });
        this.io = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        KinesisVideoClientBuilder b = KinesisVideoClient.builder().region(options.region())
                .credentialsProvider(options.credentials());
        options.endpointOverride().ifPresent(b::endpointOverride);
        this.kvs = b.build();
    }

    /** Starts resolving and connecting in the background; see {@link #awaitOpen}. */
    public static KvsSignalingSession start(KvsSignalingOptions options, Listener listener) {
        KvsSignalingSession s = new KvsSignalingSession(options, listener);
        s.control.execute(s::resolveAndConnect);
        return s;
    }

    /** Waits for the first successful connection. */
    public void awaitOpen(Duration timeout) throws SignalingException, InterruptedException {
        try {
            firstOpen.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof SignalingException se ? se
                    : new SignalingException("signaling failed", e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new SignalingException("signaling did not open within " + timeout);
        }
    }

    public String channelArn() {
        return channelArn;
    }

    public List<IceServer> iceServers() {
        return iceServers;
    }

    public boolean isOpen() {
        SignalingWebSocket s = socket;
        return s != null && s.isOpen();
    }

    /** Sends a frame; false when not connected (the caller decides whether to retry after onOpen). */
    public boolean send(OutboundFrame frame) {
        if (options.role() == Role.MASTER && frame.recipientClientId().isEmpty()) {
            throw new IllegalArgumentException("the master must address a viewer (recipientClientId)");
        }
        SignalingWebSocket s = socket;
        if (s == null || !s.isOpen()) {
            return false;
        }
        s.send(frame);
        return true;
    }

    /** SDP offer or answer to {@code recipient} (a viewer id for the master; ignored for viewers). */
    public boolean sendSdp(MessageType type, Optional<String> recipient, String sdp) {
        String kind = type == MessageType.SDP_OFFER ? "offer" : "answer";
        return send(new OutboundFrame(type, new SessionDescriptionPayload(kind, sdp).toJson(),
                options.role() == Role.MASTER ? recipient : Optional.empty(), Optional.empty()));
    }

    public boolean sendCandidate(Optional<String> recipient, IceCandidatePayload candidate) {
        return send(new OutboundFrame(MessageType.ICE_CANDIDATE, candidate.toJson(),
                options.role() == Role.MASTER ? recipient : Optional.empty(), Optional.empty()));
    }

    private void resolveAndConnect() {
        try {
            resolveChannel();
            fetchIceServers();
            connect();
        } catch (RuntimeException e) {
            SignalingException se = new SignalingException("cannot resolve channel " + options.channelName()
                    + ": " + e.getMessage(), e);
            listener.onError(se);
            if (!firstOpen.isDone()) {
                firstOpen.completeExceptionally(se);
            }
            scheduleReconnect("control plane failed: " + e.getMessage(), true);
        }
    }

    private void resolveChannel() {
        try {
            channelArn = kvs.describeSignalingChannel(r -> r.channelName(options.channelName()))
                    .channelInfo().channelARN();
        } catch (ResourceNotFoundException e) {
            if (!options.createChannelIfMissing()) {
                throw e;
            }
            channelArn = kvs.createSignalingChannel(r -> r.channelName(options.channelName())).channelARN();
        }
        ChannelRole role = options.role() == Role.MASTER ? ChannelRole.MASTER : ChannelRole.VIEWER;
        URI https = null;
        for (ResourceEndpointListItem item : kvs.getSignalingChannelEndpoint(r -> r.channelARN(channelArn)
                .singleMasterChannelEndpointConfiguration(c -> c.role(role)
                        .protocols(ChannelProtocol.WSS, ChannelProtocol.HTTPS))).resourceEndpointList()) {
            if (item.protocolAsString().equals("WSS")) {
                wssEndpoint = URI.create(item.resourceEndpoint());
            } else if (item.protocolAsString().equals("HTTPS")) {
                https = URI.create(item.resourceEndpoint());
            }
        }
        if (wssEndpoint == null || https == null) {
            throw new IllegalStateException("GetSignalingChannelEndpoint returned no WSS/HTTPS endpoint");
        }
        if (signaling != null) {
            signaling.close();
        }
        signaling = KinesisVideoSignalingClient.builder().region(options.region())
                .credentialsProvider(options.credentials()).endpointOverride(https).build();
    }

    private void fetchIceServers() {
        List<IceServer> list = new ArrayList<>();
        int minTtl = Integer.MAX_VALUE;
        for (var s : signaling.getIceServerConfig(r -> r.channelARN(channelArn).service("TURN")
                .clientId(options.clientId().orElse(null))).iceServerList()) {
            list.add(new IceServer(s.uris(), s.username(), s.password(), s.ttl()));
            minTtl = Math.min(minTtl, s.ttl());
        }
        iceServers = List.copyOf(list);
        listener.onIceServers(iceServers);
        if (iceRefresh != null) {
            iceRefresh.cancel(false);
        }
        if (minTtl != Integer.MAX_VALUE) {
            long refreshIn = Math.max(1, minTtl - options.iceRefreshGrace().toSeconds());
            iceRefresh = control.schedule(this::refreshIceQuietly, refreshIn, TimeUnit.SECONDS);
        }
    }

    private void refreshIceQuietly() {
        try {
            fetchIceServers();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "ICE server refresh failed; retrying in 5 s: " + e.getMessage());
            iceRefresh = control.schedule(this::refreshIceQuietly, 5, TimeUnit.SECONDS);
        }
    }

    private void connect() {
        if (closed) {
            return;
        }
        long gen = ++generation;
        Instant now = options.clock().instant().plus(clockSkew);
        URI url = ConnectUrlSigner.sign(wssEndpoint, channelArn, options.clientId(),
                options.credentials().resolveCredentials(), options.region().id(), now);
        SignalingWebSocket.open(url, io, new SocketEvents(gen)).whenComplete((ws, err) -> control.execute(() -> {
            if (gen != generation || closed) {
                if (ws != null) {
                    ws.close();
                }
                return;
            }
            if (err == null) {
                opened(ws);
                return;
            }
            Throwable cause = err instanceof java.util.concurrent.CompletionException ? err.getCause() : err;
            if (cause instanceof SignalingWebSocket.UpgradeRefused r && r.isClockSkew()
                    && r.serverDate().isPresent()) {
                clockSkew = Duration.between(options.clock().instant(), r.serverDate().get());
                LOG.log(System.Logger.Level.INFO, "clock skew corrected by " + clockSkew);
                connect();
                return;
            }
            scheduleReconnect("connect failed: " + cause.getMessage(), false);
        }));
    }

    private void opened(SignalingWebSocket ws) {
        socket = ws;
        attempt = 0;
        cancelConnectionTimers();
        long ping = options.pingInterval().toMillis();
        connectionTimers.add(control.scheduleAtFixedRate(ws::ping, ping, ping, TimeUnit.MILLISECONDS));
        connectionTimers.add(control.schedule(() -> reconnectNow("connection age limit", false),
                options.reconnectBefore().toMillis(), TimeUnit.MILLISECONDS));
        firstOpen.complete(null);
        listener.onOpen();   // after `socket` is set, so a listener may send at once
    }

    private void reconnectNow(String why, boolean refreshEndpoints) {
        SignalingWebSocket old = socket;
        socket = null;
        generation++;
        cancelConnectionTimers();
        if (old != null) {
            old.close();
        }
        listener.onReconnecting(Duration.ZERO, why);
        if (refreshEndpoints) {
            resolveAndConnect();
        } else {
            connect();
        }
    }

    private void scheduleReconnect(String why, boolean resolve) {
        if (closed) {
            return;
        }
        long cap = Math.min(options.backoffMax().toMillis(), options.backoffBase().toMillis() << Math.min(attempt, 20));
        long delay = ThreadLocalRandom.current().nextLong(cap + 1);
        attempt++;
        listener.onReconnecting(Duration.ofMillis(delay), why);
        control.schedule(resolve ? this::resolveAndConnect : this::connect, delay, TimeUnit.MILLISECONDS);
    }

    private void cancelConnectionTimers() {
        connectionTimers.forEach(t -> t.cancel(false));
        connectionTimers.clear();
    }

    /** Events of one connection attempt; stale generations are ignored. */
    private final class SocketEvents implements SignalingListener {
        private final long gen;

        SocketEvents(long gen) {
            this.gen = gen;
        }

        @Override
        public void onMessage(InboundMessage m) {
            switch (m.type()) {
                case GO_AWAY -> control.execute(() -> {
                    if (gen == generation) {
                        reconnectNow("GO_AWAY", true);
                    }
                });
                case RECONNECT_ICE_SERVER -> control.execute(KvsSignalingSession.this::refreshIceQuietly);
                default -> listener.onMessage(m);
            }
        }

        @Override
        public void onClose(int code, String reason) {
            control.execute(() -> {
                if (gen != generation || closed) {
                    return;
                }
                socket = null;
                cancelConnectionTimers();
                listener.onClose(code, reason);
                scheduleReconnect("closed (" + code + " " + reason + ")", false);
            });
        }

        @Override
        public void onError(SignalingException error) {
            listener.onError(error);
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            control.submit(() -> {
                cancelConnectionTimers();
                if (iceRefresh != null) {
                    iceRefresh.cancel(false);
                }
                SignalingWebSocket s = socket;
                if (s != null) {
                    s.close();
                }
            }).get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.DEBUG, "close: " + e);
        }
        control.shutdownNow();
        io.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        kvs.close();
        if (signaling != null) {
            signaling.close();
        }
    }
}
