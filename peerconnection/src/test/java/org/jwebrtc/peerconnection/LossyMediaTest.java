package org.jwebrtc.peerconnection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jwebrtc.sdp.Direction;
import org.jwebrtc.sdp.jsep.MediaKind;
import org.jwebrtc.testsupport.ImpairmentProxy;
import org.jwebrtc.testsupport.ImpairmentProxy.Impairment;
import org.jwebrtc.testsupport.Loopback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * VP8 from one Java peer connection to another through an {@link ImpairmentProxy} (put on the path as in
 * {@link LossyDataChannelTest}): at 5 % random loss in both directions (seeded) NACK and RTX (RFC 4585, RFC 4588)
 * repair the stream so that at least 99 % of the frames arrive byte for byte; then a 2 s outage loses packets
 * beyond the sender's history, the receiver gives the frames up, sends a PLI, the sender's application is asked
 * for a key frame and the stream resumes. Frames carry their index in their last two bytes.
 */
class LossyMediaTest {
    private static final Pattern HOST = Pattern.compile("candidate:\\S+ 1 udp \\d+ (127\\.0\\.0\\.1) (\\d+) typ host");
    private static final Impairment LOSSY = Impairment.NONE.withLoss(0.05);

    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    static final class Observer implements PeerConnectionObserver {
        final List<String> candidates = new CopyOnWriteArrayList<>();
        final BlockingQueue<RtpTransceiver> tracks = new LinkedBlockingQueue<>();
        final BlockingQueue<PeerConnectionState> states = new LinkedBlockingQueue<>();

        @Override
        public void onIceCandidate(Optional<IceCandidateInit> c) {
            c.ifPresent(i -> candidates.add(i.candidate()));
        }

        @Override
        public void onTrack(RtpTransceiver t) {
            tracks.add(t);
        }

        @Override
        public void onConnectionStateChange(PeerConnectionState state) {
            states.add(state);
        }
    }

    static byte[] frame(SplittableRandom r, int index, boolean key) {
        byte[] f = new byte[200 + r.nextInt(5000)];
        r.nextBytes(f);
        f[0] = (byte) (key ? 0x10 : 0x11);   // VP8 payload header: P bit 0 = key frame (RFC 6386 §9.1)
        f[f.length - 2] = (byte) (index >>> 8);
        f[f.length - 1] = (byte) index;
        return f;
    }

    static int index(byte[] f) {
        return (f[f.length - 2] & 0xFF) << 8 | f[f.length - 1] & 0xFF;
    }

    @Test
    void videoSurvivesFivePercentLossWithNackAndRtxAndAnOutageEndsInAKeyframeRequest() throws Exception {
        Observer oe = new Observer();
        Observer ae = new Observer();
        PeerConnection sender = PeerConnection.create(PeerConnectionConfig.loopback(), oe);
        open.add(sender::close);
        PeerConnection receiver = PeerConnection.create(PeerConnectionConfig.loopback(), ae);
        open.add(receiver::close);
        RtpTransceiver t = sender.addTransceiver(MediaKind.VIDEO, Direction.SENDONLY);
        t.sender().useCodec("VP8");
        AtomicInteger keyframeRequests = new AtomicInteger();
        AtomicBoolean sendKey = new AtomicBoolean();
        t.sender().setListener(() -> {
            keyframeRequests.incrementAndGet();
            sendKey.set(true);
        });

        SessionDescriptionInit offer = sender.createOffer().get(10, TimeUnit.SECONDS);
        sender.setLocalDescription(offer).get(10, TimeUnit.SECONDS);
        receiver.setRemoteDescription(new SessionDescriptionInit("offer", withoutCandidates(offer.sdp())))
                .get(10, TimeUnit.SECONDS);
        SessionDescriptionInit answer = receiver.createAnswer().get(10, TimeUnit.SECONDS);
        assertThat(answer.sdp()).as("RTX accepted").contains("a=rtpmap:97 rtx/90000", "a=fmtp:97 apt=96");
        receiver.setLocalDescription(answer).get(10, TimeUnit.SECONDS);
        Matcher a = host(oe.candidates);
        Matcher b = host(ae.candidates);
        ImpairmentProxy proxy = ImpairmentProxy.start(
                Loopback.require(new InetSocketAddress(Loopback.ipv4(), Integer.parseInt(a.group(2)))),
                Loopback.require(new InetSocketAddress(Loopback.ipv4(), Integer.parseInt(b.group(2)))),
                Impairment.NONE, 20_261_125L);
        open.add(proxy);
        String viaProxy = b.group(0).replace(" " + b.group(2) + " typ", " " + proxy.addressForA().getPort() + " typ");
        sender.setRemoteDescription(new SessionDescriptionInit("answer", withoutCandidates(answer.sdp())))
                .get(10, TimeUnit.SECONDS);
        sender.addIceCandidate(IceCandidateInit.of(viaProxy, "0", 0)).get(10, TimeUnit.SECONDS);
        assertThat(awaitConnected(oe)).as("connected through the proxy").isTrue();
        RtpTransceiver remote = ae.tracks.poll(10, TimeUnit.SECONDS);
        assertThat(remote).isNotNull();
        Map<Integer, byte[]> sent = new ConcurrentHashMap<>();
        Map<Integer, byte[]> received = new ConcurrentHashMap<>();
        List<Integer> order = new CopyOnWriteArrayList<>();
        remote.receiver().setFrameListener(f -> {
            received.put(index(f.data()), f.data());
            order.add(index(f.data()));
        });
        // the first key frame over a clean path, so the loss phase measures repair, not the start
        SplittableRandom r = new SplittableRandom(11);
        int next = 0;
        next = send(t.sender(), r, next, 1, sent, sendKey, true);
        awaitReceived(received, 1);

        proxy.setImpairment(ImpairmentProxy.Direction.A_TO_B, LOSSY);
        proxy.setImpairment(ImpairmentProxy.Direction.B_TO_A, LOSSY);
        int lossyFrom = next;
        next = send(t.sender(), r, next, 300, sent, sendKey, false);
        awaitReceived(received, next, 10);
        proxy.setImpairment(ImpairmentProxy.Direction.A_TO_B, Impairment.NONE);
        proxy.setImpairment(ImpairmentProxy.Direction.B_TO_A, Impairment.NONE);
        int intact = 0;
        for (int i = lossyFrom; i < next; i++) {
            if (received.containsKey(i)) {
                assertThat(received.get(i)).as("frame %d is intact", i).isEqualTo(sent.get(i));
                intact++;
            }
        }
        RtcStats in = inbound(receiver);
        RtcStats out = sender.getStats().get(5, TimeUnit.SECONDS).ofType("outbound-rtp").get(0);
        System.out.printf("Java->Java video at 5 %% loss: %d of %d frames intact; proxy A->B %s; B->A %s;%n"
                        + "  receiver %s%n  sender %s%n", intact, next - lossyFrom,
                proxy.counters(ImpairmentProxy.Direction.A_TO_B), proxy.counters(ImpairmentProxy.Direction.B_TO_A),
                in.members(), out.members());
        assertThat(proxy.counters(ImpairmentProxy.Direction.A_TO_B).lost()).isPositive();
        assertThat(intact).as("at least 99 %% of %d frames", next - lossyFrom)
                .isGreaterThanOrEqualTo((next - lossyFrom) * 99 / 100);
        assertThat(order).as("in order").isSorted();
        assertThat(in.getLong("nackCount")).isPositive();
        assertThat(in.getLong("retransmittedPacketsReceived")).isPositive();
        assertThat(out.getLong("nackCount")).isPositive();
        assertThat(out.getLong("retransmittedPacketsSent")).isPositive();

        // an outage longer than the retransmission history: unrecoverable, so a PLI and a new key frame
        int requestsBefore = keyframeRequests.get();
        long plisBefore = in.getLong("pliCount");
        proxy.setImpairment(ImpairmentProxy.Direction.A_TO_B, Impairment.NONE.withLoss(1.0));
        next = send(t.sender(), r, next, 60, sent, sendKey, false);   // 2 s: beyond the 1 s history
        proxy.setImpairment(ImpairmentProxy.Direction.A_TO_B, Impairment.NONE);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int resumed = -1;
        while (System.nanoTime() < deadline) {
            next = send(t.sender(), r, next, 5, sent, sendKey, false);
            int last = order.isEmpty() ? -1 : order.get(order.size() - 1);
            if (keyframeRequests.get() > requestsBefore && last >= next - 5) {
                resumed = last;
                break;
            }
        }
        RtcStats after = inbound(receiver);
        System.out.printf("after a 2 s outage: %d key-frame requests, receiver %s%n",
                keyframeRequests.get() - requestsBefore, after.members());
        assertThat(keyframeRequests.get()).as("the sender's application was asked for a key frame")
                .isGreaterThan(requestsBefore);
        assertThat(after.getLong("pliCount")).isGreaterThan(plisBefore);
        assertThat(after.getLong("framesDropped")).isPositive();
        assertThat(resumed).as("frames flow again after the key frame").isPositive();
        assertThat(received.get(resumed)).isEqualTo(sent.get(resumed));
        assertThat(proxy.failure()).isNull();
    }

    /** Sends {@code n} frames 33 ms apart (a key frame when asked for); returns the next index. */
    private static int send(RtpSender s, SplittableRandom r, int from, int n, Map<Integer, byte[]> sent,
                            AtomicBoolean sendKey, boolean firstIsKey) throws InterruptedException {
        for (int i = from; i < from + n; i++) {
            boolean key = i == from && firstIsKey || sendKey.getAndSet(false);
            byte[] f = frame(r, i, key);
            sent.put(i, f);
            while (!s.sendFrame(f.clone(), i * 33_333L)) {
                Thread.sleep(1);
            }
            Thread.sleep(33);
        }
        return from + n;
    }

    private static RtcStats inbound(PeerConnection pc) throws Exception {
        return pc.getStats().get(5, TimeUnit.SECONDS).ofType("inbound-rtp").get(0);
    }

    private static void awaitReceived(Map<Integer, byte[]> received, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (received.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(received).hasSizeGreaterThanOrEqualTo(n);
    }

    /** Waits until {@code n} frames arrived or nothing new came for {@code quietSeconds}. */
    private static void awaitReceived(Map<Integer, byte[]> received, int n, int quietSeconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(quietSeconds);
        int seen = received.size();
        while (received.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(20);
            if (received.size() != seen) {
                seen = received.size();
                deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(quietSeconds);
            }
        }
    }

    private static boolean awaitConnected(Observer o) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            PeerConnectionState s = o.states.poll(100, TimeUnit.MILLISECONDS);
            if (s == PeerConnectionState.CONNECTED) {
                return true;
            }
            if (s == PeerConnectionState.FAILED) {
                return false;
            }
        }
        return false;
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
