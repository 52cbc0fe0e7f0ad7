package org.jwebrtc.peerconnection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jwebrtc.ice.CandidateType;
import org.jwebrtc.ice.Foundation;
import org.jwebrtc.sctp.DataChannelInit;
import org.jwebrtc.sdp.jsep.MediaKind;
import org.jwebrtc.turn.TurnServer;
import org.jwebrtc.turn.TurnServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two Java peers on iceTransportPolicy RELAY through our TURN server over TCP and over TLS (RFC 8656 §3.1, RFC 7065
 * {@code turn:…?transport=tcp} and {@code turns:}): data channel and media through stream allocations, the relay
 * protocol and URL in getStats, UDP relays preferred over TCP ones (RFC 8445 §5.1.2.2), and an untrusted TLS
 * certificate giving no candidate.
 */
class TurnStreamRelayDataChannelTest {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();
    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    /** Records what is signalled; forwards it to the peer at once, or on {@link #release()} when held. */
    static final class Events implements PeerConnectionObserver {
        final List<String> signalled = new CopyOnWriteArrayList<>();
        final List<IceCandidateInit> held = new ArrayList<>();
        final BlockingQueue<PeerConnectionState> states = new LinkedBlockingQueue<>();
        final BlockingQueue<DataChannel> remoteChannels = new LinkedBlockingQueue<>();
        final BlockingQueue<RtpTransceiver> tracks = new LinkedBlockingQueue<>();
        final List<EncodedFrame> frames = new CopyOnWriteArrayList<>();
        final CountDownLatch endOfCandidates = new CountDownLatch(1);
        final boolean hold;
        volatile PeerConnection peer;

        Events(boolean hold) {
            this.hold = hold;
        }

        @Override
        public synchronized void onIceCandidate(Optional<IceCandidateInit> c) {
            c.ifPresentOrElse(x -> signalled.add(x.candidate()), endOfCandidates::countDown);
            IceCandidateInit init = c.orElse(new IceCandidateInit("", Optional.of("0"), Optional.of(0)));
            if (hold) {
                held.add(init);
            } else {
                peer.addIceCandidate(init);
            }
        }

        synchronized void release() {
            held.forEach(peer::addIceCandidate);
            held.clear();
        }

        @Override
        public void onDataChannel(DataChannel channel) {
            remoteChannels.add(channel);
        }

        @Override
        public void onTrack(RtpTransceiver t) {
            t.receiver().setFrameListener(frames::add);
            tracks.add(t);
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

    private TurnServer turnServer(SelfSignedTls tls) {
        TurnServerConfig config = TurnServerConfig.builder("jwebrtc.test").user("alice", "wonderland")
                .allowLoopbackPeers(true).relayAddress(LO).build();
        TurnServer server = tls == null ? TurnServer.start(config, new InetSocketAddress(LO, 0))
                : TurnServer.start(config, new InetSocketAddress(LO, 0), new InetSocketAddress(LO, 0), tls.server());
        open.add(server);
        return server;
    }

    private static String hostPort(InetSocketAddress a) {
        return a.getAddress().getHostAddress() + ":" + a.getPort();
    }

    private static PeerConnectionConfig relayOnly(String... urls) {
        return PeerConnectionConfig.loopback()
                .withIceServers(List.of(new IceServerConfig(List.of(urls), "alice", "wonderland")))
                .withIceTransportPolicy(IceTransportPolicy.RELAY);
    }

    /** Offer/answer between two peers; held candidates are exchanged only once both have gathered everything. */
    private PeerConnection[] connect(PeerConnectionConfig config, Events oe, Events ae, boolean video)
            throws Exception {
        PeerConnection offerer = PeerConnection.create(config, oe);
        PeerConnection answerer = PeerConnection.create(config, ae);
        open.add(0, offerer);
        open.add(0, answerer);
        oe.peer = answerer;
        ae.peer = offerer;
        if (video) {
            offerer.addTrack(MediaKind.VIDEO, "relayed").useCodec("VP8");
        }
        SessionDescriptionInit offer = offerer.createOffer().get(10, TimeUnit.SECONDS);
        offerer.setLocalDescription(offer).get(10, TimeUnit.SECONDS);
        if (oe.hold) {
            assertThat(oe.endOfCandidates.await(20, TimeUnit.SECONDS)).isTrue();
        }
        answerer.setRemoteDescription(offer).get(10, TimeUnit.SECONDS);
        SessionDescriptionInit answer = answerer.createAnswer().get(10, TimeUnit.SECONDS);
        answerer.setLocalDescription(answer).get(10, TimeUnit.SECONDS);
        if (ae.hold) {
            assertThat(ae.endOfCandidates.await(20, TimeUnit.SECONDS)).isTrue();
        }
        offerer.setRemoteDescription(answer).get(10, TimeUnit.SECONDS);
        oe.release();
        ae.release();
        assertThat(oe.awaitState(PeerConnectionState.CONNECTED)).isEqualTo(PeerConnectionState.CONNECTED);
        assertThat(ae.awaitState(PeerConnectionState.CONNECTED)).isEqualTo(PeerConnectionState.CONNECTED);
        for (Events e : List.of(oe, ae)) {
            assertThat(e.endOfCandidates.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(e.signalled).isNotEmpty().allSatisfy(c -> assertThat(c).contains(" typ relay raddr "));
        }
        return new PeerConnection[] {offerer, answerer};
    }

    /** Opens a channel from the offerer, the answerer echoes; 50 messages make the round trip in order. */
    private static void echo(PeerConnection offerer, Events ae) throws Exception {
        DataChannel local = offerer.createDataChannel(DataChannelInit.reliable("relay"));
        BlockingQueue<String> inbox = new LinkedBlockingQueue<>();
        CountDownLatch opened = new CountDownLatch(1);
        local.setListener(new DataChannelListener() {
            @Override
            public void onOpen() {
                opened.countDown();
            }

            @Override
            public void onMessage(DataChannel channel, boolean binary, byte[] data) {
                inbox.add(new String(data, StandardCharsets.UTF_8));
            }
        });
        DataChannel remote = ae.remoteChannels.poll(20, TimeUnit.SECONDS);
        assertThat(remote).isNotNull();
        remote.setListener((channel, binary, data) -> channel.send(new String(data, StandardCharsets.UTF_8)));
        assertThat(opened.await(20, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 50; i++) {
            local.send("ping " + i);
        }
        for (int i = 0; i < 50; i++) {
            assertThat(inbox.poll(10, TimeUnit.SECONDS)).isEqualTo("ping " + i);
        }
    }

    private static RtcStats selectedLocal(PeerConnection p) throws Exception {
        List<RtcStats> local = p.getStats().get(10, TimeUnit.SECONDS).ofType("local-candidate");
        assertThat(local).hasSize(1);
        return local.get(0);
    }

    @Test
    void relayPolicyPeersExchangeDataAndVideoThroughOurTurnServerOverTcp() throws Exception {
        TurnServer server = turnServer(null);
        String url = "turn:" + hostPort(server.tcpAddress()) + "?transport=tcp";
        Events oe = new Events(false);
        Events ae = new Events(false);
        PeerConnection[] peers = connect(relayOnly(url), oe, ae, true);
        echo(peers[0], ae);
        // a few VP8 frames, byte for byte, through the TCP allocations both ways of the TURN server
        RtpSender video = peers[0].getTransceivers().get(0).sender();
        List<byte[]> vp8 = MediaFiles.vp8Frames().subList(0, 10);
        assertThat(ae.tracks.poll(10, TimeUnit.SECONDS)).isNotNull();
        for (int i = 0; i < vp8.size(); i++) {
            assertThat(video.sendFrame(vp8.get(i).clone(), i * 33_000L)).isTrue();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (ae.frames.size() < vp8.size() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(ae.frames).hasSize(vp8.size());
        for (int i = 0; i < vp8.size(); i++) {
            assertThat(ae.frames.get(i).data()).as("frame " + i).isEqualTo(vp8.get(i));
        }
        for (PeerConnection p : peers) {
            RtcStats c = selectedLocal(p);
            assertThat(c.getString("candidateType")).isEqualTo("relay");
            assertThat(c.getString("relayProtocol")).isEqualTo("tcp");
            assertThat(c.getString("url")).isEqualTo(url);
        }
        assertThat(server.stats().activeAllocations()).isEqualTo(2);
        assertThat(server.stats().relayedToPeers()).isGreaterThan(20);
        assertThat(server.stats().relayedToClients()).isGreaterThan(20);
        peers[0].close();
        peers[1].close();
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.stats().activeAllocations() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(server.stats().activeAllocations()).isZero();
    }

    @Test
    void relayPolicyPeersExchangeDataThroughOurTurnServerOverTls() throws Exception {
        SelfSignedTls tls = SelfSignedTls.create();
        TurnServer server = turnServer(tls);
        String url = "turns:" + hostPort(server.tlsAddress().orElseThrow()) + "?transport=tcp";
        Events oe = new Events(false);
        Events ae = new Events(false);
        PeerConnection[] peers = connect(relayOnly(url).withTurnTlsContext(tls.client()), oe, ae, false);
        echo(peers[0], ae);
        for (PeerConnection p : peers) {
            RtcStats c = selectedLocal(p);
            assertThat(c.getString("relayProtocol")).isEqualTo("tls");
            assertThat(c.getString("url")).isEqualTo(url);
        }
        assertThat(server.stats().activeAllocations()).isEqualTo(2);
    }

    @Test
    void aUdpRelayWinsOverATcpRelayWhenBothWork() throws Exception {
        TurnServer server = turnServer(null);
        // TCP listed first: the preference comes from the transport, not the order
        PeerConnectionConfig config = relayOnly("turn:" + hostPort(server.tcpAddress()) + "?transport=tcp",
                "turn:" + hostPort(server.udpAddress()));
        Events oe = new Events(true);
        Events ae = new Events(true);
        PeerConnection[] peers = connect(config, oe, ae, false);
        // RFC 8445 §5.1.1.3: the UDP relay's foundation is the plain one for (relay, 127.0.0.1, server 127.0.0.1);
        // the TCP relay's differs (other transport to the server)
        String udpFoundation = Foundation.of(CandidateType.RELAYED, LO, LO);
        for (Events e : List.of(oe, ae)) {
            assertThat(e.signalled).hasSize(2);
            String udp = e.signalled.stream().filter(c -> foundation(c).equals(udpFoundation)).findFirst()
                    .orElseThrow();
            String tcp = e.signalled.stream().filter(c -> !foundation(c).equals(udpFoundation)).findFirst()
                    .orElseThrow();
            assertThat(priority(udp)).isGreaterThan(priority(tcp));   // same type: the local preference decides
        }
        echo(peers[0], ae);
        for (PeerConnection p : peers) {
            assertThat(selectedLocal(p).getString("relayProtocol")).isEqualTo("udp");
        }
        assertThat(server.stats().activeAllocations()).isEqualTo(4);
    }

    @Test
    void aTcpConnectionToTheServerThatDropsTakesTheRelayCandidateAway() throws Exception {
        TurnServer server = turnServer(null);
        Events oe = new Events(false);
        Events ae = new Events(false);
        connect(relayOnly("turn:" + hostPort(server.tcpAddress()) + "?transport=tcp"), oe, ae, false);
        // RFC 8656 §3.1: a TCP allocation lives as long as its connection; the server going away closes both
        server.close();
        for (Events e : List.of(oe, ae)) {
            assertThat(e.awaitState(PeerConnectionState.DISCONNECTED)).isIn(PeerConnectionState.DISCONNECTED,
                    PeerConnectionState.FAILED);
        }
    }

    @Test
    void anUntrustedTlsServerGivesNoRelayCandidateButGatheringEnds() throws Exception {
        SelfSignedTls tls = SelfSignedTls.create();
        TurnServer server = turnServer(tls);
        Events e = new Events(true);
        PeerConnection other = PeerConnection.create(PeerConnectionConfig.loopback(), new Events(true));
        // the JDK's default trust store does not know the test's self-signed certificate
        PeerConnection p = PeerConnection.create(relayOnly("turns:" + hostPort(server.tlsAddress().orElseThrow())),
                e);
        open.add(0, other);
        open.add(0, p);
        e.peer = other;
        p.setLocalDescription(p.createOffer().get(10, TimeUnit.SECONDS)).get(10, TimeUnit.SECONDS);
        assertThat(e.endOfCandidates.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(e.signalled).isEmpty();
        assertThat(server.stats().activeAllocations()).isZero();
    }

    private static String foundation(String candidate) {
        return candidate.split(" ")[0].substring("candidate:".length());
    }

    private static long priority(String candidate) {
        return Long.parseLong(candidate.split(" ")[3]);
    }
}
