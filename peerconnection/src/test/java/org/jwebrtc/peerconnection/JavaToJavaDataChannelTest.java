package org.jwebrtc.peerconnection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jwebrtc.sctp.DataChannelInit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two Java peer connections over loopback UDP: offer/answer, ICE, DTLS, SCTP, DCEP, messages. */
class JavaToJavaDataChannelTest {
    private final List<PeerConnection> open = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll() {
        open.forEach(PeerConnection::close);
    }

    static final class Events implements PeerConnectionObserver {
        final BlockingQueue<DataChannel> remoteChannels = new LinkedBlockingQueue<>();
        final BlockingQueue<PeerConnectionState> states = new LinkedBlockingQueue<>();
        final List<IceCandidateInit> candidates = new CopyOnWriteArrayList<>();
        volatile PeerConnection peer;

        @Override
        public void onIceCandidate(Optional<IceCandidateInit> c) {
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
        final BlockingQueue<byte[]> messages = new LinkedBlockingQueue<>();
        final CountDownLatch opened = new CountDownLatch(1);
        final CountDownLatch closed = new CountDownLatch(1);

        @Override
        public void onOpen() {
            opened.countDown();
        }

        @Override
        public void onMessage(DataChannel channel, boolean binary, byte[] data) {
            messages.add(data);
        }

        @Override
        public void onClose() {
            closed.countDown();
        }

        byte[] next() throws InterruptedException {
            byte[] m = messages.poll(20, TimeUnit.SECONDS);
            assertThat(m).as("a message within 20 s").isNotNull();
            return m;
        }
    }

    record Pair(PeerConnection offerer, Events offererEvents, PeerConnection answerer, Events answererEvents) {}

    private Pair connect(PeerConnectionConfig answererConfig, boolean tamperFingerprint) throws Exception {
        Events oe = new Events();
        Events ae = new Events();
        PeerConnection offerer = PeerConnection.create(PeerConnectionConfig.loopback(), oe);
        PeerConnection answerer = PeerConnection.create(answererConfig, ae);
        open.add(offerer);
        open.add(answerer);
        oe.peer = answerer;
        ae.peer = offerer;
        return new Pair(offerer, oe, answerer, ae);
    }

    private static void negotiate(Pair p, boolean tamperFingerprint) throws Exception {
        SessionDescriptionInit offer = p.offerer().createOffer().get(10, TimeUnit.SECONDS);
        p.offerer().setLocalDescription(offer).get(10, TimeUnit.SECONDS);
        p.answerer().setRemoteDescription(offer).get(10, TimeUnit.SECONDS);
        SessionDescriptionInit answer = p.answerer().createAnswer().get(10, TimeUnit.SECONDS);
        p.answerer().setLocalDescription(answer).get(10, TimeUnit.SECONDS);
        String sdp = answer.sdp();
        if (tamperFingerprint) {
            int i = sdp.indexOf("a=fingerprint:sha-256 ") + "a=fingerprint:sha-256 ".length();
            char c = sdp.charAt(i);
            sdp = sdp.substring(0, i) + (c == 'A' ? 'B' : 'A') + sdp.substring(i + 1);
        }
        p.offerer().setRemoteDescription(new SessionDescriptionInit("answer", sdp)).get(10, TimeUnit.SECONDS);
    }

    @Test
    void channelOpensAndCarriesTextBinaryLargeAndManyOrderedMessages() throws Exception {
        Pair p = connect(PeerConnectionConfig.loopback(), false);
        DataChannel local = p.offerer().createDataChannel(DataChannelInit.reliable("chat"));
        Inbox localInbox = new Inbox();
        local.setListener(localInbox);
        long start = System.nanoTime();
        negotiate(p, false);
        assertThat(p.offererEvents().awaitState(PeerConnectionState.CONNECTED)).isEqualTo(PeerConnectionState.CONNECTED);
        assertThat(localInbox.opened.await(20, TimeUnit.SECONDS)).isTrue();
        System.out.printf("Java<->Java: createOffer -> channel open in %.1f ms%n", (System.nanoTime() - start) / 1e6);
        DataChannel remote = p.answererEvents().remoteChannels.poll(20, TimeUnit.SECONDS);
        assertThat(remote).isNotNull();
        assertThat(remote.label()).isEqualTo("chat");
        Inbox remoteInbox = new Inbox();
        remote.setListener(remoteInbox);

        assertThat(local.send("hello")).isTrue();
        assertThat(new String(remoteInbox.next(), StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(remote.send(new byte[] {1, 2, 3})).isTrue();
        assertThat(localInbox.next()).containsExactly(1, 2, 3);
        assertThat(local.send("")).isTrue();
        assertThat(remoteInbox.next()).isEmpty();

        byte[] big = new byte[256 * 1024];
        new java.util.Random(7).nextBytes(big);
        assertThat(local.send(big.clone())).isTrue();
        assertThat(remoteInbox.next()).isEqualTo(big);

        int n = 10_000;
        for (int i = 0; i < n; i++) {
            while (!local.send(Integer.toString(i))) {
                Thread.sleep(1);
            }
        }
        for (int i = 0; i < n; i++) {
            byte[] m = remoteInbox.messages.poll(20, TimeUnit.SECONDS);
            if (m == null) {
                throw new AssertionError("message " + i + " missing; sender " + p.offerer().stats().get()
                        + "; receiver " + p.answerer().stats().get() + "; local buffered " + local.bufferedAmount());
            }
            assertThat(new String(m, StandardCharsets.UTF_8)).isEqualTo(Integer.toString(i));
        }

        // throughput of one reliable channel: 64 KiB messages, 64 MiB
        byte[] chunk = new byte[64 * 1024];
        int count = 1024;
        CountDownLatch all = new CountDownLatch(count);
        remote.setListener((c, b, d) -> all.countDown());
        long t0 = System.nanoTime();
        for (int i = 0; i < count; i++) {
            while (local.bufferedAmount() > 4 * 1024 * 1024 || !local.send(chunk.clone())) {
                Thread.sleep(0, 200_000);
            }
        }
        assertThat(all.await(120, TimeUnit.SECONDS)).isTrue();
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("Java<->Java reliable channel: %.1f MiB/s (%.0f Mbit/s)%n", count / 16.0 / secs,
                count * 64.0 * 1024 * 8 / secs / 1e6);
        System.out.println("sender after the transfer: " + p.offerer().stats().get().sctp().orElseThrow());
    }

    @Test
    void unorderedNoRetransmitChannelAndCloseFromEitherSide() throws Exception {
        Pair p = connect(PeerConnectionConfig.loopback(), false);
        DataChannel lossy = p.offerer().createDataChannel(new DataChannelInit("lossy", "", false, 0, -1, 0, -1));
        Inbox lossyInbox = new Inbox();
        lossy.setListener(lossyInbox);
        DataChannel second = p.offerer().createDataChannel(DataChannelInit.reliable("second"));
        Inbox secondInbox = new Inbox();
        second.setListener(secondInbox);
        negotiate(p, false);
        assertThat(lossyInbox.opened.await(20, TimeUnit.SECONDS)).isTrue();
        List<DataChannel> remotes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            remotes.add(p.answererEvents().remoteChannels.poll(20, TimeUnit.SECONDS));
        }
        DataChannel remoteLossy = remotes.stream().filter(c -> c.label().equals("lossy")).findFirst().orElseThrow();
        DataChannel remoteSecond = remotes.stream().filter(c -> c.label().equals("second")).findFirst().orElseThrow();
        assertThat(remoteLossy.init().ordered()).isFalse();
        assertThat(remoteLossy.init().maxRetransmits()).isZero();
        Inbox rl = new Inbox();
        remoteLossy.setListener(rl);
        Inbox rs = new Inbox();
        remoteSecond.setListener(rs);
        lossy.send("u1");
        assertThat(new String(rl.next(), StandardCharsets.UTF_8)).isEqualTo("u1");

        lossy.close();          // closed by the opener
        assertThat(rl.closed.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(lossyInbox.closed.await(10, TimeUnit.SECONDS)).isTrue();
        remoteSecond.close();   // closed by the receiving side
        assertThat(secondInbox.closed.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(rs.closed.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(second.state()).isEqualTo(DataChannel.State.CLOSED);
    }

    @Test
    void aWrongFingerprintInTheAnswerFailsTheConnectionCleanly() throws Exception {
        Pair p = connect(PeerConnectionConfig.loopback(), true);
        DataChannel dc = p.offerer().createDataChannel(DataChannelInit.reliable("x"));
        Inbox inbox = new Inbox();
        dc.setListener(inbox);
        negotiate(p, true);
        assertThat(p.offererEvents().awaitState(PeerConnectionState.CONNECTED)).isEqualTo(PeerConnectionState.FAILED);
        assertThat(inbox.opened.getCount()).isEqualTo(1);
        assertThat(dc.send("never")).isFalse();
    }

    @Test
    void aWrongIcePasswordFailsTheConnectionCleanly() throws Exception {
        Pair p = connect(PeerConnectionConfig.loopback(), false);
        p.offerer().createDataChannel(DataChannelInit.reliable("x"));
        SessionDescriptionInit offer = p.offerer().createOffer().get(10, TimeUnit.SECONDS);
        p.offerer().setLocalDescription(offer).get(10, TimeUnit.SECONDS);
        // the answerer learns a wrong password: its checks carry a MESSAGE-INTEGRITY the offerer must reject
        String wrong = offer.sdp().replaceAll("a=ice-pwd:(\\S)", "a=ice-pwd:X$1");
        p.answerer().setRemoteDescription(new SessionDescriptionInit("offer", wrong)).get(10, TimeUnit.SECONDS);
        SessionDescriptionInit answer = p.answerer().createAnswer().get(10, TimeUnit.SECONDS);
        p.answerer().setLocalDescription(answer).get(10, TimeUnit.SECONDS);
        p.offerer().setRemoteDescription(answer).get(10, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (p.offerer().connectionState() != PeerConnectionState.FAILED && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(p.offerer().connectionState()).isEqualTo(PeerConnectionState.FAILED);
        assertThat(p.offererEvents().states).doesNotContain(PeerConnectionState.CONNECTED);
        TransportStats stats = p.offerer().stats().get(5, TimeUnit.SECONDS);
        assertThat(stats.ice().badIntegrity()).as("rejected checks are counted").isPositive();
    }

    @Test
    void bufferedAmountCountsUnacknowledgedBytesAndSignalsLow() throws Exception {
        Pair p = connect(PeerConnectionConfig.loopback(), false);
        DataChannel dc = p.offerer().createDataChannel(DataChannelInit.reliable("bulk"));
        CountDownLatch low = new CountDownLatch(1);
        CountDownLatch opened = new CountDownLatch(1);
        dc.setListener(new DataChannelListener() {
            @Override
            public void onOpen() {
                opened.countDown();
            }

            @Override
            public void onMessage(DataChannel c, boolean b, byte[] d) {
            }

            @Override
            public void onBufferedAmountLow() {
                low.countDown();
            }
        });
        negotiate(p, false);
        assertThat(opened.await(20, TimeUnit.SECONDS)).isTrue();
        dc.setBufferedAmountLowThreshold(16 * 1024);
        // the DCEP OPEN itself is counted on the stream until the peer acknowledges it
        long settle = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (dc.bufferedAmount() > 0 && System.nanoTime() < settle) {
            Thread.sleep(5);
        }
        assertThat(dc.bufferedAmount()).isZero();
        for (int i = 0; i < 16; i++) {
            assertThat(dc.send(new byte[64 * 1024])).isTrue();
        }
        assertThat(dc.bufferedAmount()).as("1 MiB cannot be acknowledged in the time it takes to hand it over").isPositive();
        assertThat(low.await(30, TimeUnit.SECONDS)).as("bufferedamountlow after the peer acknowledged").isTrue();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (dc.bufferedAmount() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(dc.bufferedAmount()).isZero();
    }

    @Test
    void futuresCompleteFromAnyThread() throws Exception {
        Pair p = connect(PeerConnectionConfig.loopback(), false);
        CompletableFuture<SessionDescriptionInit> offer = CompletableFuture.supplyAsync(() ->
                p.offerer().createOffer().join());
        assertThat(offer.get(10, TimeUnit.SECONDS).sdp()).contains("m=application").contains("a=setup:actpass");
    }
}
