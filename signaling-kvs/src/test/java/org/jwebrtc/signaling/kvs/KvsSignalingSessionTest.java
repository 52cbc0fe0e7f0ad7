package org.jwebrtc.signaling.kvs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jwebrtc.signaling.kvs.server.LocalKvsConfig;
import org.jwebrtc.signaling.kvs.server.LocalKvsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;

/** Our signaling client against our local KVS-compatible server: routing, limits, GO_AWAY, reconnects, skew. */
class KvsSignalingSessionTest {
    private LocalKvsServer server;
    private final List<AutoCloseable> toClose = new CopyOnWriteArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
        if (server != null) {
            server.close();
        }
    }

    static final class Recorder implements KvsSignalingSession.Listener {
        final BlockingQueue<InboundMessage> messages = new LinkedBlockingQueue<>();
        final BlockingQueue<String> events = new LinkedBlockingQueue<>();
        volatile List<IceServer> ice = List.of();

        @Override
        public void onMessage(InboundMessage m) {
            messages.add(m);
        }

        @Override
        public void onOpen() {
            events.add("open");
        }

        @Override
        public void onClose(int code, String reason) {
            events.add("close " + code);
        }

        @Override
        public void onError(SignalingException e) {
            events.add("error " + e.getMessage());
        }

        @Override
        public void onIceServers(List<IceServer> servers) {
            ice = servers;
        }

        @Override
        public void onReconnecting(Duration delay, String why) {
            events.add("reconnecting " + why);
        }

        InboundMessage next() throws InterruptedException {
            InboundMessage m = messages.poll(5, TimeUnit.SECONDS);
            assertThat(m).as("a message within 5 s").isNotNull();
            return m;
        }

        String awaitEvent(String prefix) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                String e = events.poll(100, TimeUnit.MILLISECONDS);
                if (e != null && e.startsWith(prefix)) {
                    return e;
                }
            }
            throw new AssertionError("no event starting with " + prefix);
        }
    }

    private LocalKvsServer start(LocalKvsConfig.Builder b) throws Exception {
        server = LocalKvsServer.start(b.turn(List.of("turn:127.0.0.1:3478?transport=udp"), "s3cret").build());
        return server;
    }

    private KvsSignalingSession session(KvsSignalingOptions.Builder b, Recorder r) {
        KvsSignalingSession s = KvsSignalingSession.start(b.region(Region.US_WEST_2)
                .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        LocalKvsConfig.EXAMPLE_ACCESS_KEY, LocalKvsConfig.EXAMPLE_SECRET_KEY)))
                .endpointOverride(server.httpEndpoint()).createChannelIfMissing(true).build(), r);
        toClose.add(s);
        return s;
    }

    @Test
    void masterAndTwoViewersExchangeOffersAnswersAndCandidates() throws Exception {
        start(LocalKvsConfig.builder());
        Recorder m = new Recorder();
        KvsSignalingSession master = session(KvsSignalingOptions.master("demo"), m);
        master.awaitOpen(Duration.ofSeconds(30));
        assertThat(m.ice).hasSize(1);
        assertThat(m.ice.get(0).username()).endsWith(":master");
        Recorder v1 = new Recorder();
        Recorder v2 = new Recorder();
        KvsSignalingSession viewer1 = session(KvsSignalingOptions.viewer("demo", "viewer-1"), v1);
        KvsSignalingSession viewer2 = session(KvsSignalingOptions.viewer("demo", "viewer-2"), v2);
        viewer1.awaitOpen(Duration.ofSeconds(30));
        viewer2.awaitOpen(Duration.ofSeconds(30));
        assertThat(server.viewerCount(master.channelArn())).isEqualTo(2);

        for (KvsSignalingSession v : List.of(viewer1, viewer2)) {
            assertThat(v.sendSdp(MessageType.SDP_OFFER, Optional.empty(), "v=0\r\no=viewer\r\n")).isTrue();
        }
        for (int i = 0; i < 2; i++) {
            InboundMessage offer = m.next();
            assertThat(offer.type()).isEqualTo(MessageType.SDP_OFFER);
            String viewer = offer.senderClientId().orElseThrow();
            assertThat(SessionDescriptionPayload.parse(offer.payloadJson().orElseThrow()).sdp()).startsWith("v=0");
            master.sendSdp(MessageType.SDP_ANSWER, Optional.of(viewer), "v=0\r\no=answer-for-" + viewer + "\r\n");
            master.sendCandidate(Optional.of(viewer), new IceCandidatePayload(
                    "candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host", Optional.of("0"), Optional.of(0),
                    Optional.empty()));
        }
        for (var pair : List.of(List.of(v1, "viewer-1"), List.of(v2, "viewer-2"))) {
            Recorder r = (Recorder) pair.get(0);
            InboundMessage answer = r.next();
            assertThat(answer.type()).isEqualTo(MessageType.SDP_ANSWER);
            assertThat(SessionDescriptionPayload.parse(answer.payloadJson().orElseThrow()).sdp())
                    .contains("answer-for-" + pair.get(1));
            InboundMessage cand = r.next();
            assertThat(cand.type()).isEqualTo(MessageType.ICE_CANDIDATE);
            IceCandidatePayload c = IceCandidatePayload.parse(cand.payloadJson().orElseThrow());
            assertThat(c.candidate()).contains("typ host");
            assertThat(c.sdpMLineIndex()).contains(0);
        }
        viewer1.sendCandidate(Optional.empty(), new IceCandidatePayload("", Optional.of("0"), Optional.of(0),
                Optional.empty()));
        InboundMessage end = m.next();
        assertThat(end.senderClientId()).contains("viewer-1");
        assertThat(IceCandidatePayload.parse(end.payloadJson().orElseThrow()).candidate()).isEmpty();
    }

    @Test
    void masterServesTenViewersAtOnceAndTheEleventhIsRefused() throws Exception {
        // 10 answers in a burst: above the service's 5 SDP/s per connection, so raise that limit here
        start(LocalKvsConfig.builder().connectsPerSecondPerChannel(100).sdpPerSecondPerConnection(20));
        Recorder m = new Recorder();
        KvsSignalingSession master = session(KvsSignalingOptions.master("ten"), m);
        master.awaitOpen(Duration.ofSeconds(30));
        io.netty.channel.EventLoopGroup group = new io.netty.channel.MultiThreadIoEventLoopGroup(1,
                io.netty.channel.nio.NioIoHandler.newFactory());
        try {
            List<BlockingQueue<InboundMessage>> inboxes = new java.util.ArrayList<>();
            List<SignalingWebSocket> viewers = new java.util.ArrayList<>();
            for (int i = 0; i < 10; i++) {
                BlockingQueue<InboundMessage> inbox = new LinkedBlockingQueue<>();
                inboxes.add(inbox);
                viewers.add(SignalingWebSocket.open(ConnectUrlSigner.sign(server.wsEndpoint(), master.channelArn(),
                        Optional.of("viewer-" + i), example(), "us-west-2", Instant.now()), group, inbox::add)
                        .get(10, TimeUnit.SECONDS));
            }
            assertRefused(ConnectUrlSigner.sign(server.wsEndpoint(), master.channelArn(), Optional.of("viewer-10"),
                    example(), "us-west-2", Instant.now()), group, 400, "already has 10 viewers");
            assertThat(server.refusals().viewerLimit()).isEqualTo(1);
            for (int i = 0; i < 10; i++) {
                viewers.get(i).send(new OutboundFrame(MessageType.SDP_OFFER, "{\"n\":" + i + "}", Optional.empty(),
                        Optional.empty()));
            }
            java.util.Set<String> senders = new java.util.HashSet<>();
            for (int i = 0; i < 10; i++) {
                InboundMessage offer = m.next();
                senders.add(offer.senderClientId().orElseThrow());
                master.send(new OutboundFrame(MessageType.SDP_ANSWER, "{\"to\":\"" + offer.senderClientId().get() + "\"}",
                        offer.senderClientId(), Optional.empty()));
            }
            assertThat(senders).hasSize(10);
            for (int i = 0; i < 10; i++) {
                InboundMessage answer = inboxes.get(i).poll(5, TimeUnit.SECONDS);
                assertThat(answer).isNotNull();
                assertThat(answer.payloadJson().orElseThrow()).contains("viewer-" + i + "\"");
                assertThat(answer.senderClientId()).isEmpty();
            }
            viewers.forEach(SignalingWebSocket::close);
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }

    @Test
    void goAwayMakesTheClientReconnectWithAFreshUrl() throws Exception {
        start(LocalKvsConfig.builder().connectsPerSecondPerChannel(100));
        Recorder m = new Recorder();
        KvsSignalingSession master = session(KvsSignalingOptions.master("goaway"), m);
        master.awaitOpen(Duration.ofSeconds(30));
        m.awaitEvent("open");
        assertThat(server.goAway(master.channelArn(), Optional.empty())).isEqualTo(1);
        m.awaitEvent("reconnecting GO_AWAY");
        m.awaitEvent("open");
        assertThat(master.isOpen()).isTrue();
        assertThat(server.masterConnected(master.channelArn())).isTrue();
    }

    @Test
    void droppedConnectionsReconnectWithBackoff() throws Exception {
        start(LocalKvsConfig.builder().idleTimeout(Duration.ofMillis(300)).connectsPerSecondPerChannel(100));
        Recorder v = new Recorder();
        KvsSignalingSession viewer = session(KvsSignalingOptions.viewer("idle", "viewer-1")
                .pingInterval(Duration.ofHours(1)), v);
        viewer.awaitOpen(Duration.ofSeconds(30));
        v.awaitEvent("open");
        v.awaitEvent("close");
        v.awaitEvent("reconnecting closed");
        v.awaitEvent("open");
    }

    @Test
    void reconnectIceServerMakesTheClientRefetchIceServers() throws Exception {
        start(LocalKvsConfig.builder());
        Recorder v = new Recorder();
        KvsSignalingSession viewer = session(KvsSignalingOptions.viewer("ice", "viewer-1"), v);
        viewer.awaitOpen(Duration.ofSeconds(30));
        List<IceServer> before = v.ice;
        Thread.sleep(1100);   // the TURN-REST username carries the expiry second: make it differ
        assertThat(server.reconnectIceServer(viewer.channelArn(), Optional.of("viewer-1"))).isEqualTo(1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (v.ice == before && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(v.ice).isNotSameAs(before);
        assertThat(v.ice.get(0).username()).isNotEqualTo(before.get(0).username());
        assertThat(viewer.isOpen()).as("the WebSocket itself stays").isTrue();
    }

    @Test
    void reconnectsBeforeTheConnectionAgeLimitAndRefreshesIceServersBeforeTheirTtl() throws Exception {
        start(LocalKvsConfig.builder().connectsPerSecondPerChannel(100).iceServerTtl(Duration.ofSeconds(2)));
        Recorder m = new Recorder();
        KvsSignalingSession master = session(KvsSignalingOptions.master("age")
                .reconnectBefore(Duration.ofMillis(400)).iceRefreshGrace(Duration.ofSeconds(1)), m);
        master.awaitOpen(Duration.ofSeconds(30));
        m.awaitEvent("open");
        m.awaitEvent("reconnecting connection age limit");
        m.awaitEvent("open");
        List<IceServer> first = m.ice;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (m.ice == first && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(m.ice).as("refetched about 1 s before the 2 s Ttl").isNotSameAs(first);
    }

    @Test
    void theServerSendsGoAwayAtTheMaximumDurationAndClosesAfterTheGrace() throws Exception {
        start(LocalKvsConfig.builder().maxConnectionDuration(Duration.ofMillis(300)).goAwayGrace(Duration.ofMillis(200)));
        Recorder m = new Recorder();
        KvsSignalingSession master = session(KvsSignalingOptions.master("duration"), m);
        master.awaitOpen(Duration.ofSeconds(30));
        io.netty.channel.EventLoopGroup group = new io.netty.channel.MultiThreadIoEventLoopGroup(1,
                io.netty.channel.nio.NioIoHandler.newFactory());
        try {
            BlockingQueue<Object> seen = new LinkedBlockingQueue<>();
            SignalingWebSocket.open(ConnectUrlSigner.sign(server.wsEndpoint(), master.channelArn(),
                    Optional.of("v"), example(), "us-west-2", Instant.now()), group, new SignalingListener() {
                        @Override
                        public void onMessage(InboundMessage message) {
                            seen.add(message.type());
                        }

                        @Override
                        public void onClose(int code, String reason) {
                            seen.add("closed: " + reason);
                        }
                    }).get(10, TimeUnit.SECONDS);
            assertThat(seen.poll(5, TimeUnit.SECONDS)).isEqualTo(MessageType.GO_AWAY);
            assertThat((String) seen.poll(5, TimeUnit.SECONDS)).contains("maximum connection duration");
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }

    @Test
    void pingsKeepAnIdleConnectionOpen() throws Exception {
        start(LocalKvsConfig.builder().idleTimeout(Duration.ofMillis(500)));
        Recorder m = new Recorder();
        KvsSignalingSession master = session(KvsSignalingOptions.master("ping").pingInterval(Duration.ofMillis(100)), m);
        master.awaitOpen(Duration.ofSeconds(30));
        Thread.sleep(1500);
        assertThat(m.events).doesNotContain("close 1000");
        assertThat(master.isOpen()).isTrue();
    }

    @Test
    void clockSkewIsCorrectedFromTheServerDate() throws Exception {
        start(LocalKvsConfig.builder().clock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(20)))
                .allowedClockSkew(Duration.ofHours(1)));
        // the control plane tolerates an hour here; the presigned URL (299 s) does not
        Recorder m = new Recorder();
        KvsSignalingSession master = session(KvsSignalingOptions.master("skew"), m);
        master.awaitOpen(Duration.ofSeconds(30));
        assertThat(master.isOpen()).isTrue();
    }

    @Test
    void oversizePayloadAndOfflineRecipientGetStatusResponses() throws Exception {
        start(LocalKvsConfig.builder().maxPayloadChars(100));
        Recorder m = new Recorder();
        KvsSignalingSession master = session(KvsSignalingOptions.master("limits"), m);
        master.awaitOpen(Duration.ofSeconds(30));
        master.send(new OutboundFrame(MessageType.SDP_ANSWER, "x".repeat(200), Optional.of("viewer-1"),
                Optional.of("big-1")));
        InboundMessage s = m.next();
        assertThat(s.type()).isEqualTo(MessageType.STATUS_RESPONSE);
        assertThat(s.statusResponse().orElseThrow().correlationId()).contains("big-1");
        assertThat(s.statusResponse().orElseThrow().statusCode()).isEqualTo(400);
        master.send(new OutboundFrame(MessageType.SDP_ANSWER, "{}", Optional.of("nobody"), Optional.of("c-2")));
        InboundMessage s2 = m.next();
        assertThat(s2.statusResponse().orElseThrow().correlationId()).contains("c-2");
        assertThat(s2.statusResponse().orElseThrow().description().orElseThrow()).contains("not connected");
        master.send(new OutboundFrame(MessageType.SDP_ANSWER, "{}", Optional.of("nobody"), Optional.empty()));
        assertThat(m.messages.poll(300, TimeUnit.MILLISECONDS)).as("no report without a correlationId").isNull();
        assertThat(server.refusals().oversizedPayloads()).isEqualTo(1);
    }

    @Test
    void perConnectionRateLimitReportsClientLimitExceeded() throws Exception {
        start(LocalKvsConfig.builder().sdpPerSecondPerConnection(2));
        Recorder m = new Recorder();
        KvsSignalingSession master = session(KvsSignalingOptions.master("tps"), m);
        master.awaitOpen(Duration.ofSeconds(30));
        for (int i = 0; i < 3; i++) {
            master.send(new OutboundFrame(MessageType.SDP_OFFER, "{}", Optional.of("v"), Optional.of("c" + i)));
        }
        List<String> types = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            types.add(m.next().statusResponse().orElseThrow().errorType().orElseThrow());
        }
        assertThat(types).containsExactly("InvalidArgumentException", "InvalidArgumentException",
                "ClientLimitExceededException");
        assertThat(server.refusals().rateLimitedFrames()).isEqualTo(1);
    }

    @Test
    void badSignatureSecondMasterAndViewerLimitAreRefusedAtTheUpgrade() throws Exception {
        start(LocalKvsConfig.builder().maxViewers(1).replaceMaster(false).connectsPerSecondPerChannel(100));
        Recorder m = new Recorder();
        KvsSignalingSession master = session(KvsSignalingOptions.master("refuse"), m);
        master.awaitOpen(Duration.ofSeconds(30));
        String arn = master.channelArn();
        URI ws = server.wsEndpoint();
        io.netty.channel.EventLoopGroup group = new io.netty.channel.MultiThreadIoEventLoopGroup(1,
                io.netty.channel.nio.NioIoHandler.newFactory());
        try {
            URI wrongKey = ConnectUrlSigner.sign(ws, arn, Optional.of("v1"),
                    AwsCredentialsIdentity.create(LocalKvsConfig.EXAMPLE_ACCESS_KEY, "wrong"), "us-west-2", Instant.now());
            assertRefused(wrongKey, group, 403, "signature we calculated does not match");
            URI secondMaster = ConnectUrlSigner.sign(ws, arn, Optional.empty(), example(), "us-west-2", Instant.now());
            assertRefused(secondMaster, group, 400, "master is already connected");
            URI viewer1 = ConnectUrlSigner.sign(ws, arn, Optional.of("v1"), example(), "us-west-2", Instant.now());
            SignalingWebSocket ok = SignalingWebSocket.open(viewer1, group, msg -> { }).get(5, TimeUnit.SECONDS);
            URI viewer2 = ConnectUrlSigner.sign(ws, arn, Optional.of("v2"), example(), "us-west-2", Instant.now());
            assertRefused(viewer2, group, 400, "already has 1 viewers");
            ok.close();
            URI expired = ConnectUrlSigner.sign(ws, arn, Optional.of("v3"), example(), "us-west-2",
                    Instant.now().minus(Duration.ofMinutes(10)));
            assertRefused(expired, group, 403, "Signature expired");
            assertThat(server.refusedSignatures()).as("wrong key and expired, counted").isEqualTo(2);
            assertThat(server.refusals()).isEqualTo(new org.jwebrtc.signaling.kvs.server.SignalingRefusals(0, 0, 1, 1, 0));
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }

    private static AwsCredentialsIdentity example() {
        return AwsCredentialsIdentity.create(LocalKvsConfig.EXAMPLE_ACCESS_KEY, LocalKvsConfig.EXAMPLE_SECRET_KEY);
    }

    private static void assertRefused(URI url, io.netty.channel.EventLoopGroup io, int status, String text) {
        assertThatThrownBy(() -> SignalingWebSocket.open(url, io, msg -> { }).get(5, TimeUnit.SECONDS))
                .cause().isInstanceOf(SignalingWebSocket.UpgradeRefused.class)
                .hasMessageContaining(text)
                .satisfies(e -> assertThat(((SignalingWebSocket.UpgradeRefused) e).status()).isEqualTo(status));
    }
}
