package org.jwebrtc.peerconnection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jwebrtc.sctp.DataChannelInit;
import org.jwebrtc.testsupport.ImpairmentProxy;
import org.jwebrtc.testsupport.ImpairmentProxy.Direction;
import org.jwebrtc.testsupport.ImpairmentProxy.Impairment;
import org.jwebrtc.testsupport.Loopback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * ICE restart between two Java peer connections (RFC 8445 §9, W3C restartIce / iceRestart): new ufrag/pwd on both
 * sides, DTLS and SCTP keep running, a reliable data channel loses nothing. One test restarts a healthy connection
 * while messages flow; the other cuts the only path (an {@link ImpairmentProxy} that drops everything), waits for
 * {@code DISCONNECTED}, and restarts over a second proxy (the new route) to get back to {@code CONNECTED}.
 */
class IceRestartTest {
    private static final Pattern HOST = Pattern.compile("candidate:\\S+ 1 udp \\d+ (127\\.0\\.0\\.1) (\\d+) typ host");
    private static final Pattern UFRAG = Pattern.compile("a=ice-ufrag:(\\S+)");
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    /** Records states and candidates; forwards candidates to {@code peer} when set (plain trickle). */
    static final class Observer implements PeerConnectionObserver {
        final List<String> candidates = new CopyOnWriteArrayList<>();
        final List<PeerConnectionState> states = new CopyOnWriteArrayList<>();
        final BlockingQueue<DataChannel> remoteChannels = new LinkedBlockingQueue<>();
        volatile PeerConnection peer;

        @Override
        public void onIceCandidate(Optional<IceCandidateInit> c) {
            c.ifPresent(i -> candidates.add(i.candidate()));
            PeerConnection p = peer;
            if (p != null) {
                p.addIceCandidate(c.orElse(new IceCandidateInit("", Optional.of("0"), Optional.of(0))));
            }
        }

        @Override
        public void onDataChannel(DataChannel channel) {
            remoteChannels.add(channel);
        }

        @Override
        public void onConnectionStateChange(PeerConnectionState state) {
            states.add(state);
        }
    }

    static final class Inbox implements DataChannelListener {
        final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        final CountDownLatch opened = new CountDownLatch(1);

        @Override
        public void onOpen() {
            opened.countDown();
        }

        @Override
        public void onMessage(DataChannel channel, boolean binary, byte[] data) {
            messages.add(new String(data, StandardCharsets.UTF_8));
        }
    }

    @Test
    void restartOnAHealthyConnectionChangesCredentialsOnBothSidesWhileMessagesKeepFlowing() throws Exception {
        Observer oe = new Observer();
        Observer ae = new Observer();
        PeerConnection offerer = connection(oe);
        PeerConnection answerer = connection(ae);
        oe.peer = answerer;
        ae.peer = offerer;
        DataChannel channel = offerer.createDataChannel(DataChannelInit.reliable("restart"));
        Inbox opened = new Inbox();
        channel.setListener(opened);
        String[] first = negotiate(offerer, answerer, RtcOfferOptions.DEFAULT);
        assertThat(opened.opened.await(30, TimeUnit.SECONDS)).as("channel opens").isTrue();
        Inbox in = new Inbox();
        DataChannel remote = ae.remoteChannels.poll(30, TimeUnit.SECONDS);
        assertThat(remote).isNotNull();
        remote.setListener(in);

        int n = 3_000;
        AtomicReference<Throwable> senderFailure = new AtomicReference<>();
        CountDownLatch halfway = new CountDownLatch(1);
        Thread sender = new Thread(() -> {
            try {
                for (int i = 0; i < n; i++) {
                    while (!channel.send("m" + i)) {
                        Thread.sleep(1);
                    }
                    if (i == n / 3) {
                        halfway.countDown();
                    }
                    if (i % 20 == 0) {
                        Thread.sleep(2);   // spread the messages over the restart
                    }
                }
            } catch (Throwable t) {
                senderFailure.set(t);
            }
        }, "restart-sender");
        sender.start();
        assertThat(halfway.await(30, TimeUnit.SECONDS)).isTrue();
        offerer.restartIce();
        String[] second = negotiate(offerer, answerer, RtcOfferOptions.DEFAULT);
        assertThat(second[0]).as("offerer ufrag after restartIce").isNotEqualTo(first[0]);
        assertThat(second[1]).as("answerer ufrag answering a restart offer").isNotEqualTo(first[1]);

        long maxGap = 0;
        long last = System.nanoTime();
        for (int i = 0; i < n; i++) {
            String m = in.messages.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(m).as("message %d", i).isEqualTo("m" + i);
            long now = System.nanoTime();
            maxGap = Math.max(maxGap, now - last);
            last = now;
        }
        System.out.printf("ICE restart under traffic: longest pause between messages %.0f ms%n", maxGap / 1e6);
        sender.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(senderFailure.get()).isNull();
        await(() -> transport(offerer).getLong("selectedCandidatePairChanges") == 2
                && transport(answerer).getLong("selectedCandidatePairChanges") == 2, "both select a new-generation pair");
        assertThat(transport(offerer).getString("iceLocalUsernameFragment")).isEqualTo(second[0]);
        assertThat(transport(answerer).getString("iceLocalUsernameFragment")).isEqualTo(second[1]);
        assertThat(oe.states).as("never left connected").doesNotContain(PeerConnectionState.DISCONNECTED,
                PeerConnectionState.FAILED);
        assertThat(ae.states).doesNotContain(PeerConnectionState.DISCONNECTED, PeerConnectionState.FAILED);
        assertThat(offerer.stats().get().droppedChannelMessages()).isZero();
    }

    @Test
    void restartOverANewRouteRecoversAConnectionWhosePathWasCutWithoutLosingReliableMessages() throws Exception {
        Observer oe = new Observer();
        Observer ae = new Observer();
        PeerConnection offerer = connection(oe);
        PeerConnection answerer = connection(ae);
        DataChannel channel = offerer.createDataChannel(DataChannelInit.reliable("cut"));
        Inbox opened = new Inbox();
        channel.setListener(opened);

        // the answerer learns the offerer only as peer-reflexive (checks from the proxy); the offerer is given the
        // answerer's host candidate rewritten to the proxy: the proxy is the only path
        SessionDescriptionInit offer = offerer.createOffer().get(10, TimeUnit.SECONDS);
        offerer.setLocalDescription(offer).get(10, TimeUnit.SECONDS);
        answerer.setRemoteDescription(new SessionDescriptionInit("offer", withoutCandidates(offer.sdp())))
                .get(10, TimeUnit.SECONDS);
        SessionDescriptionInit answer = answerer.createAnswer().get(10, TimeUnit.SECONDS);
        answerer.setLocalDescription(answer).get(10, TimeUnit.SECONDS);
        Matcher a = host(oe.candidates);
        Matcher b = host(ae.candidates);
        InetSocketAddress aAddress = new InetSocketAddress(Loopback.ipv4(), Integer.parseInt(a.group(2)));
        InetSocketAddress bAddress = new InetSocketAddress(Loopback.ipv4(), Integer.parseInt(b.group(2)));
        ImpairmentProxy route1 = ImpairmentProxy.start(Loopback.require(aAddress), Loopback.require(bAddress),
                Impairment.NONE, 11L);
        open.add(route1);
        offerer.setRemoteDescription(new SessionDescriptionInit("answer", withoutCandidates(answer.sdp())))
                .get(10, TimeUnit.SECONDS);
        offerer.addIceCandidate(IceCandidateInit.of(via(b, route1), "0", 0)).get(10, TimeUnit.SECONDS);
        assertThat(opened.opened.await(30, TimeUnit.SECONDS)).as("channel opens through route 1").isTrue();
        Inbox in = new Inbox();
        DataChannel remote = ae.remoteChannels.poll(30, TimeUnit.SECONDS);
        assertThat(remote).isNotNull();
        remote.setListener(in);

        int next = 0;
        for (; next < 200; next++) {
            assertThat(channel.send("m" + next)).isTrue();
        }
        expect(in, 0, 200);

        // cut: route 1 drops everything; consent freshness (RFC 7675) notices
        Impairment cut = Impairment.NONE.withLoss(1.0);
        route1.setImpairment(Direction.A_TO_B, cut);
        route1.setImpairment(Direction.B_TO_A, cut);
        await(() -> oe.states.contains(PeerConnectionState.DISCONNECTED), "offerer goes disconnected");
        await(() -> ae.states.contains(PeerConnectionState.DISCONNECTED), "answerer goes disconnected");
        for (; next < 400; next++) {
            assertThat(channel.send("m" + next)).isTrue();   // sent into the cut: SCTP keeps them
        }

        // a new route and an ICE restart
        ImpairmentProxy route2 = ImpairmentProxy.start(Loopback.require(aAddress), Loopback.require(bAddress),
                Impairment.NONE, 12L);
        open.add(route2);
        offerer.restartIce();
        SessionDescriptionInit offer2 = offerer.createOffer().get(10, TimeUnit.SECONDS);
        offerer.setLocalDescription(offer2).get(10, TimeUnit.SECONDS);
        answerer.setRemoteDescription(new SessionDescriptionInit("offer", withoutCandidates(offer2.sdp())))
                .get(10, TimeUnit.SECONDS);
        SessionDescriptionInit answer2 = answerer.createAnswer().get(10, TimeUnit.SECONDS);
        answerer.setLocalDescription(answer2).get(10, TimeUnit.SECONDS);
        assertThat(ufrag(offer2.sdp())).isNotEqualTo(ufrag(offer.sdp()));
        assertThat(ufrag(answer2.sdp())).isNotEqualTo(ufrag(answer.sdp()));
        offerer.setRemoteDescription(new SessionDescriptionInit("answer", withoutCandidates(answer2.sdp())))
                .get(10, TimeUnit.SECONDS);
        offerer.addIceCandidate(IceCandidateInit.of(via(b, route2), "0", 0)).get(10, TimeUnit.SECONDS);

        await(() -> offerer.connectionState() == PeerConnectionState.CONNECTED
                && answerer.connectionState() == PeerConnectionState.CONNECTED, "connected again over route 2");
        for (; next < 600; next++) {
            assertThat(channel.send("m" + next)).isTrue();
        }
        expect(in, 200, 600);
        assertThat(in.messages.poll(300, TimeUnit.MILLISECONDS)).as("no duplicate").isNull();
        assertThat(oe.states).containsSubsequence(PeerConnectionState.CONNECTED, PeerConnectionState.DISCONNECTED,
                PeerConnectionState.CONNECTED).doesNotContain(PeerConnectionState.FAILED);
        assertThat(route2.counters(Direction.A_TO_B).received()).isPositive();
        assertThat(transport(offerer).getLong("selectedCandidatePairChanges")).isEqualTo(2);
        assertThat(route1.failure()).isNull();
        assertThat(route2.failure()).isNull();
    }

    private PeerConnection connection(Observer o) {
        PeerConnection pc = PeerConnection.create(PeerConnectionConfig.loopback(), o);
        open.add(pc::close);
        return pc;
    }

    /** One offer/answer round with trickle; returns the offer's and the answer's ufrag. */
    private static String[] negotiate(PeerConnection offerer, PeerConnection answerer, RtcOfferOptions options)
            throws Exception {
        SessionDescriptionInit offer = offerer.createOffer(options).get(10, TimeUnit.SECONDS);
        offerer.setLocalDescription(offer).get(10, TimeUnit.SECONDS);
        answerer.setRemoteDescription(offer).get(10, TimeUnit.SECONDS);
        SessionDescriptionInit answer = answerer.createAnswer().get(10, TimeUnit.SECONDS);
        answerer.setLocalDescription(answer).get(10, TimeUnit.SECONDS);
        offerer.setRemoteDescription(answer).get(10, TimeUnit.SECONDS);
        return new String[] {ufrag(offer.sdp()), ufrag(answer.sdp())};
    }

    private static void expect(Inbox in, int from, int to) throws InterruptedException {
        for (int i = from; i < to; i++) {
            String m = in.messages.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(m).as("message %d", i).isEqualTo("m" + i);
        }
    }

    private static RtcStats transport(PeerConnection pc) {
        try {
            return pc.getStats().get(10, TimeUnit.SECONDS).ofType("transport").get(0);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as(what).isNegative();
            Thread.sleep(20);
        }
    }

    private static String via(Matcher host, ImpairmentProxy proxy) {
        return host.group(0).replace(" " + host.group(2) + " typ", " " + proxy.addressForA().getPort() + " typ");
    }

    private static String ufrag(String sdp) {
        Matcher m = UFRAG.matcher(sdp);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static Matcher host(List<String> candidates) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            for (String c : candidates) {
                Matcher m = HOST.matcher(c);
                if (m.find()) {
                    return m;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no 127.0.0.1 host candidate in " + candidates);
    }

    private static String withoutCandidates(String sdp) {
        return sdp.replaceAll("(?m)^a=candidate:.*\\r?\\n", "").replaceAll("(?m)^a=end-of-candidates\\r?\\n", "");
    }
}
