package org.jwebrtc.peerconnection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jwebrtc.sctp.DataChannelInit;
import org.jwebrtc.turn.TurnServer;
import org.jwebrtc.turn.TurnTransport;
import org.jwebrtc.turn.TurnServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two Java peers on iceTransportPolicy RELAY through our TURN server over loopback UDP (RFC 8656, RFC 8445). */
class TurnRelayDataChannelTest {
    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    /** Trickles to the other peer; records what was signalled. */
    static final class Events implements PeerConnectionObserver {
        final List<String> signalled = new CopyOnWriteArrayList<>();
        final BlockingQueue<PeerConnectionState> states = new LinkedBlockingQueue<>();
        final BlockingQueue<DataChannel> remoteChannels = new LinkedBlockingQueue<>();
        final CountDownLatch endOfCandidates = new CountDownLatch(1);
        volatile PeerConnection peer;

        @Override
        public void onIceCandidate(Optional<IceCandidateInit> c) {
            c.ifPresentOrElse(x -> signalled.add(x.candidate()), endOfCandidates::countDown);
            peer.addIceCandidate(c.orElse(new IceCandidateInit("", Optional.of("0"), Optional.of(0))));
        }

        @Override
        public void onDataChannel(DataChannel channel) {
            remoteChannels.add(channel);
        }

        @Override
        public void onConnectionStateChange(PeerConnectionState state) {
            states.add(state);
        }

        PeerConnectionState awaitState(PeerConnectionState wanted) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                PeerConnectionState s = states.poll(100, TimeUnit.MILLISECONDS);
                if (s == wanted || s == PeerConnectionState.FAILED) {
                    return s;
                }
            }
            return null;
        }
    }

    static final class Inbox implements DataChannelListener {
        final CountDownLatch opened = new CountDownLatch(1);
        final BlockingQueue<String> messages = new LinkedBlockingQueue<>();

        @Override
        public void onOpen() {
            opened.countDown();
        }

        @Override
        public void onMessage(DataChannel channel, boolean binary, byte[] data) {
            messages.add(new String(data, StandardCharsets.UTF_8));
        }
    }

    /** Echoes every message back on the channel it came from. */
    static final class Echo implements DataChannelListener {
        @Override
        public void onMessage(DataChannel channel, boolean binary, byte[] data) {
            channel.send(new String(data, StandardCharsets.UTF_8));
        }
    }

    private TurnServer turnServer() {
        TurnServer server = TurnServer.start(TurnServerConfig.builder("jwebrtc.test").user("alice", "wonderland")
                        .allowLoopbackPeers(true).relayAddress(InetAddress.getLoopbackAddress()).build(),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        open.add(server);
        return server;
    }

    static PeerConnectionConfig relayConfig(InetSocketAddress turn, String user, String pass) {
        return PeerConnectionConfig.loopback()
                .withIceServers(List.of(IceServerConfig.turn("turn:" + turn.getAddress().getHostAddress() + ":"
                        + turn.getPort() + "?transport=udp", user, pass)))
                .withIceTransportPolicy(IceTransportPolicy.RELAY);
    }

    /** Connects two RELAY peers through {@code turn}, opens a channel, echoes messages; returns the offerer. */
    static PeerConnection[] connectAndEcho(InetSocketAddress turn, String user, String pass,
                                           List<AutoCloseable> open) throws Exception {
        return connectAndEcho(relayConfig(turn, user, pass), open);
    }

    /** As above with any RELAY {@code config} (e.g. a TCP or TLS TURN URL). */
    static PeerConnection[] connectAndEcho(PeerConnectionConfig config, List<AutoCloseable> open) throws Exception {
        Events oe = new Events();
        Events ae = new Events();
        PeerConnection offerer = PeerConnection.create(config, oe);
        PeerConnection answerer = PeerConnection.create(config, ae);
        open.add(0, offerer);
        open.add(0, answerer);
        oe.peer = answerer;
        ae.peer = offerer;
        DataChannel local = offerer.createDataChannel(DataChannelInit.reliable("relay"));
        Inbox inbox = new Inbox();
        local.setListener(inbox);
        SessionDescriptionInit offer = offerer.createOffer().get(10, TimeUnit.SECONDS);
        offerer.setLocalDescription(offer).get(10, TimeUnit.SECONDS);
        answerer.setRemoteDescription(offer).get(10, TimeUnit.SECONDS);
        SessionDescriptionInit answer = answerer.createAnswer().get(10, TimeUnit.SECONDS);
        answerer.setLocalDescription(answer).get(10, TimeUnit.SECONDS);
        offerer.setRemoteDescription(answer).get(10, TimeUnit.SECONDS);

        assertThat(oe.awaitState(PeerConnectionState.CONNECTED)).isEqualTo(PeerConnectionState.CONNECTED);
        assertThat(oe.endOfCandidates.await(10, TimeUnit.SECONDS)).isTrue();
        // RELAY: nothing but relay candidates leaves either peer, in trickle or SDP
        for (Events e : List.of(oe, ae)) {
            assertThat(e.signalled).isNotEmpty().allSatisfy(c -> assertThat(c).contains(" typ relay raddr "));
        }
        assertThat(offer.sdp()).doesNotContain("typ host");
        assertThat(answer.sdp()).doesNotContain("typ host");

        DataChannel remote = ae.remoteChannels.poll(20, TimeUnit.SECONDS);
        assertThat(remote).isNotNull();
        remote.setListener(new Echo());
        assertThat(inbox.opened.await(20, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 50; i++) {
            local.send("ping " + i);
        }
        for (int i = 0; i < 50; i++) {
            assertThat(inbox.messages.poll(10, TimeUnit.SECONDS)).isEqualTo("ping " + i);
        }
        for (PeerConnection p : List.of(offerer, answerer)) {
            StatsReport stats = p.getStats().get(10, TimeUnit.SECONDS);
            assertThat(stats.ofType("local-candidate")).singleElement()
                    .satisfies(c -> assertThat(c.getString("candidateType")).isEqualTo("relay"));
            assertThat(stats.ofType("remote-candidate")).singleElement()
                    .satisfies(c -> assertThat(c.getString("candidateType")).isIn("relay", "prflx"));
        }
        return new PeerConnection[] {offerer, answerer};
    }

    @Test
    void relayPolicyPeersConnectThroughOurTurnServerAndEcho() throws Exception {
        TurnServer server = turnServer();
        connectAndEcho(server.udpAddress(), "alice", "wonderland", open);
        // every check, DTLS record and SCTP packet went through the relays, both ways
        assertThat(server.stats().relayedToPeers()).isGreaterThan(20);
        assertThat(server.stats().relayedToClients()).isGreaterThan(20);
        assertThat(server.stats().activeAllocations()).isEqualTo(2);
    }

    @Test
    void allPolicySignalsHostAndRelayAndPrefersTheHostPair() throws Exception {
        TurnServer server = turnServer();
        PeerConnectionConfig config = relayConfig(server.udpAddress(), "alice", "wonderland")
                .withIceTransportPolicy(IceTransportPolicy.ALL);
        Events oe = new Events();
        Events ae = new Events();
        PeerConnection offerer = PeerConnection.create(config, oe);
        PeerConnection answerer = PeerConnection.create(config, ae);
        open.add(0, offerer);
        open.add(0, answerer);
        oe.peer = answerer;
        ae.peer = offerer;
        DataChannel local = offerer.createDataChannel(DataChannelInit.reliable("all"));
        Inbox inbox = new Inbox();
        local.setListener(inbox);
        SessionDescriptionInit offer = offerer.createOffer().get(10, TimeUnit.SECONDS);
        offerer.setLocalDescription(offer).get(10, TimeUnit.SECONDS);
        answerer.setRemoteDescription(offer).get(10, TimeUnit.SECONDS);
        SessionDescriptionInit answer = answerer.createAnswer().get(10, TimeUnit.SECONDS);
        answerer.setLocalDescription(answer).get(10, TimeUnit.SECONDS);
        offerer.setRemoteDescription(answer).get(10, TimeUnit.SECONDS);
        assertThat(inbox.opened.await(20, TimeUnit.SECONDS)).isTrue();
        for (Events e : List.of(oe, ae)) {
            assertThat(e.endOfCandidates.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(e.signalled).anySatisfy(c -> assertThat(c).contains(" typ host"))
                    .anySatisfy(c -> assertThat(c).contains(" typ relay raddr "));
        }
        // host pairs outrank relayed ones (type preference 126 vs 0, RFC 8445 §5.1.2.2)
        StatsReport stats = offerer.getStats().get(10, TimeUnit.SECONDS);
        assertThat(stats.ofType("local-candidate")).singleElement()
                .satisfies(c -> assertThat(c.getString("candidateType")).isEqualTo("host"));
    }

    @Test
    void closeDeletesTheAllocations() throws Exception {
        TurnServer server = turnServer();
        PeerConnection[] peers = connectAndEcho(server.udpAddress(), "alice", "wonderland", open);
        peers[0].close();
        peers[1].close();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (server.stats().activeAllocations() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(server.stats().activeAllocations()).isZero();
    }

    @Test
    void wrongCredentialsGiveNoRelayCandidateButStillEndGathering() throws Exception {
        TurnServer server = turnServer();
        Events e = new Events();
        Events sinkEvents = new Events();
        PeerConnection other = PeerConnection.create(PeerConnectionConfig.loopback(), sinkEvents);
        PeerConnection p = PeerConnection.create(relayConfig(server.udpAddress(), "alice", "wrong"), e);
        open.add(0, other);
        open.add(0, p);
        e.peer = other;
        SessionDescriptionInit offer = p.createOffer().get(10, TimeUnit.SECONDS);
        p.setLocalDescription(offer).get(10, TimeUnit.SECONDS);
        assertThat(e.endOfCandidates.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(e.signalled).isEmpty();
        assertThat(server.stats().authFailures()).isPositive();
    }

    @Test
    void iceServerUrlsFollowRfc7064And7065() {
        assertThat(IceServerConfig.parse("stun:127.0.0.1").server().getPort()).isEqualTo(3478);
        assertThat(IceServerConfig.parse("turn:127.0.0.1:5000?transport=udp").turn()).isTrue();
        assertThat(IceServerConfig.parse("turn:[::1]:5001").server().getPort()).isEqualTo(5001);
        assertThat(IceServerConfig.parse("turn:127.0.0.1:5000").transport()).isEqualTo(TurnTransport.UDP);
        assertThat(IceServerConfig.parse("turn:127.0.0.1?transport=tcp").transport()).isEqualTo(TurnTransport.TCP);
        assertThat(IceServerConfig.parse("turn:127.0.0.1?transport=tcp").server().getPort()).isEqualTo(3478);
        assertThat(IceServerConfig.parse("TURNS:127.0.0.1").transport()).isEqualTo(TurnTransport.TLS);
        assertThat(IceServerConfig.parse("turns:127.0.0.1").server().getPort()).isEqualTo(5349);
        assertThat(IceServerConfig.parse("turns:[::1]:443?transport=tcp").transport()).isEqualTo(TurnTransport.TLS);
        assertThat(IceServerConfig.turn("turns:localhost:443", "u", "p").turnUrls()).singleElement()
                .satisfies(u -> assertThat(u.server().getHostString()).isEqualTo("localhost"));
        // DTLS to the server, secure STUN and unknown transports are refused
        assertThatThrownBy(() -> IceServerConfig.turn("turns:127.0.0.1?transport=udp", "u", "p"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IceServerConfig.turn("turn:127.0.0.1?transport=sctp", "u", "p"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IceServerConfig.stun("stuns:127.0.0.1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IceServerConfig.stun("stun:127.0.0.1?transport=tcp"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IceServerConfig.stun("stun:127.0.0.1:0"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
