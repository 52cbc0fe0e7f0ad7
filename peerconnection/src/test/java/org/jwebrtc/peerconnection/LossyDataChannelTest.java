package org.jwebrtc.peerconnection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jwebrtc.sctp.DataChannelInit;
import org.jwebrtc.testsupport.ImpairmentProxy;
import org.jwebrtc.testsupport.ImpairmentProxy.Direction;
import org.jwebrtc.testsupport.ImpairmentProxy.Impairment;
import org.jwebrtc.testsupport.ImpairmentProxy.JitterDistribution;
import org.jwebrtc.testsupport.Loopback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two Java peer connections whose only path runs through an {@link ImpairmentProxy}: 10 % loss, 50 ms ± 20 ms
 * delay (uniform, so packets overtake each other), 5 % explicit swaps and 1 % duplicates, in both directions. The
 * answerer never sees a candidate: it learns the offerer as peer-reflexive from the checks that arrive from the
 * proxy; the offerer is given the answerer's candidate rewritten to the proxy port. The handshakes run over the
 * delayed, reordering path without loss (bctls's DTLS retransmission starts at 1 s and doubles, so a lossy handshake
 * alone can take 20-40 s on a loaded machine; lossy SCTP handshakes are simulated in the sctp module); the loss is
 * switched on once both channels are open.
 */
class LossyDataChannelTest {
    private static final Impairment LOSSY = Impairment.NONE.withLoss(0.10)
            .withDelay(Duration.ofMillis(50), Duration.ofMillis(20), JitterDistribution.UNIFORM)
            .withReorder(0.05)
            .withDuplicates(0.01);
    private static final Impairment HANDSHAKE = LOSSY.withLoss(0);
    private static final Pattern HOST = Pattern.compile("candidate:\\S+ 1 udp \\d+ (127\\.0\\.0\\.1) (\\d+) typ host");

    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    /** Keeps our trickled candidates instead of signalling them: the test decides what the peer learns. */
    static final class Observer implements PeerConnectionObserver {
        final List<String> candidates = new CopyOnWriteArrayList<>();
        final BlockingQueue<DataChannel> remoteChannels = new LinkedBlockingQueue<>();

        @Override
        public void onIceCandidate(Optional<IceCandidateInit> c) {
            c.ifPresent(i -> candidates.add(i.candidate()));
        }

        @Override
        public void onDataChannel(DataChannel channel) {
            remoteChannels.add(channel);
        }
    }

    static final class Inbox implements DataChannelListener {
        final BlockingQueue<byte[]> messages = new LinkedBlockingQueue<>();
        final CountDownLatch opened = new CountDownLatch(1);

        @Override
        public void onOpen() {
            opened.countDown();
        }

        @Override
        public void onMessage(DataChannel channel, boolean binary, byte[] data) {
            messages.add(data);
        }
    }

    @Test
    void reliableChannelIsExactAndPartiallyReliableChannelOnlyLosesUnderLossJitterAndReordering() throws Exception {
        long start = System.nanoTime();
        Observer oe = new Observer();
        Observer ae = new Observer();
        PeerConnection offerer = PeerConnection.create(PeerConnectionConfig.loopback(), oe);
        open.add(offerer::close);
        PeerConnection answerer = PeerConnection.create(PeerConnectionConfig.loopback(), ae);
        open.add(answerer::close);
        DataChannel reliable = offerer.createDataChannel(DataChannelInit.reliable("reliable"));
        Inbox reliableOpen = new Inbox();
        reliable.setListener(reliableOpen);
        // ordered, maxRetransmits 0 (RFC 8831 §6.1 "partially reliable with limited retransmissions")
        DataChannel partial = offerer.createDataChannel(new DataChannelInit("partial", "", true, 0, -1, 256, -1));
        Inbox partialOpen = new Inbox();
        partial.setListener(partialOpen);

        SessionDescriptionInit offer = offerer.createOffer().get(10, TimeUnit.SECONDS);
        offerer.setLocalDescription(offer).get(10, TimeUnit.SECONDS);
        answerer.setRemoteDescription(new SessionDescriptionInit("offer", withoutCandidates(offer.sdp())))
                .get(10, TimeUnit.SECONDS);
        SessionDescriptionInit answer = answerer.createAnswer().get(10, TimeUnit.SECONDS);
        answerer.setLocalDescription(answer).get(10, TimeUnit.SECONDS);

        Matcher a = host(oe.candidates);
        Matcher b = host(ae.candidates);
        ImpairmentProxy proxy = ImpairmentProxy.start(
                Loopback.require(new java.net.InetSocketAddress(Loopback.ipv4(), Integer.parseInt(a.group(2)))),
                Loopback.require(new java.net.InetSocketAddress(Loopback.ipv4(), Integer.parseInt(b.group(2)))),
                HANDSHAKE, 20_251_125L);
        open.add(proxy);
        String viaProxy = b.group(0).replace(" " + b.group(2) + " typ", " " + proxy.addressForA().getPort() + " typ");
        offerer.setRemoteDescription(new SessionDescriptionInit("answer", withoutCandidates(answer.sdp())))
                .get(10, TimeUnit.SECONDS);
        offerer.addIceCandidate(IceCandidateInit.of(viaProxy, "0", 0)).get(10, TimeUnit.SECONDS);

        boolean open = reliableOpen.opened.await(30, TimeUnit.SECONDS);
        assertThat(open).as("reliable channel opens through the proxy; offerer %s %s; answerer %s %s; proxy %s / %s",
                offerer.connectionState(), offerer.stats().get(), answerer.connectionState(), answerer.stats().get(),
                proxy.counters(Direction.A_TO_B), proxy.counters(Direction.B_TO_A)).isTrue();
        assertThat(partialOpen.opened.await(10, TimeUnit.SECONDS)).isTrue();
        System.out.printf("lossy Java<->Java: channel open after %.0f ms%n", (System.nanoTime() - start) / 1e6);
        proxy.setImpairment(Direction.A_TO_B, LOSSY);
        proxy.setImpairment(Direction.B_TO_A, LOSSY);
        Inbox reliableIn = new Inbox();
        Inbox partialIn = new Inbox();
        for (int i = 0; i < 2; i++) {
            DataChannel c = ae.remoteChannels.poll(20, TimeUnit.SECONDS);
            assertThat(c).isNotNull();
            c.setListener(c.label().equals("reliable") ? reliableIn : partialIn);
        }

        // reliable, ordered: 10 000 messages, each exactly once, in order
        long t0 = System.nanoTime();
        int n = 10_000;
        for (int i = 0; i < n; i++) {
            while (!reliable.send("m" + i)) {
                Thread.sleep(1);
            }
        }
        for (int i = 0; i < n; i++) {
            byte[] m = reliableIn.messages.poll(30, TimeUnit.SECONDS);
            assertThat(m).as("message %d; proxy %s / %s; sender %s", i, proxy.counters(Direction.A_TO_B),
                    proxy.counters(Direction.B_TO_A), offerer.stats().get().sctp()).isNotNull();
            assertThat(new String(m, StandardCharsets.UTF_8)).isEqualTo("m" + i);
        }
        double reliableSecs = (System.nanoTime() - t0) / 1e9;
        assertThat(reliableIn.messages.poll(500, TimeUnit.MILLISECONDS)).as("no duplicate after the last").isNull();

        // partially reliable, ordered: messages may be lost, never duplicated or delivered out of order
        int sent = 2_000;
        byte[] pad = new byte[180];
        for (int i = 0; i < sent; i++) {
            byte[] m = new byte[4 + pad.length];
            java.nio.ByteBuffer.wrap(m).putInt(i);
            while (!partial.send(m)) {
                Thread.sleep(1);
            }
            if (i % 100 == 99) {
                Thread.sleep(5);   // spread over many packets and round trips
            }
        }
        List<Integer> got = new ArrayList<>();
        for (byte[] m; (m = partialIn.messages.poll(3, TimeUnit.SECONDS)) != null; ) {
            got.add(java.nio.ByteBuffer.wrap(m).getInt());
        }
        System.out.printf("lossy Java<->Java: 10 000 reliable messages in %.1f s; partially reliable %d of %d;"
                        + " proxy A->B %s, B->A %s; offerer SCTP %s; total %.1f s%n", reliableSecs, got.size(), sent,
                proxy.counters(Direction.A_TO_B), proxy.counters(Direction.B_TO_A),
                offerer.stats().get().sctp().orElseThrow(), (System.nanoTime() - start) / 1e9);
        assertThat(got).as("strictly increasing: no duplicate, no reordering").isSorted().doesNotHaveDuplicates();
        assertThat(got.size()).as("some lost, most delivered").isLessThan(sent).isGreaterThan(sent / 2);
        assertThat(proxy.counters(Direction.A_TO_B).lost()).isPositive();
        assertThat(proxy.counters(Direction.A_TO_B).reordered()).isPositive();
        assertThat(proxy.counters(Direction.B_TO_A).lost()).isPositive();
        assertThat(proxy.failure()).isNull();
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
        return sdp.replaceAll("(?m)^a=candidate:.*\\r?\\n", "");
    }
}
