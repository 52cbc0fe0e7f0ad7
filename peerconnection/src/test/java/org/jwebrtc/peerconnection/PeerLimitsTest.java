package org.jwebrtc.peerconnection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jwebrtc.sctp.DataChannelInit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Per-peer limits and bounded queues (issue 11, {@link PeerLimits}): a peer that stops reading bounds the sender's
 * bufferedAmount, oversized messages and descriptions, too many candidates and more channels than SCTP streams
 * all fail with clear errors, and the connection keeps working.
 */
class PeerLimitsTest {
    private final List<PeerConnection> open = new CopyOnWriteArrayList<>();
    private final List<EventLoopGroup> groups = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll() {
        open.forEach(PeerConnection::close);
        groups.forEach(g -> g.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly());
    }

    /** Offerer and answerer with trickle between them; the answerer on its own loop when {@code group} is given. */
    private PeerConnection[] pair(PeerConnectionConfig answererConfig, PeerConnectionObserver answererObserver,
                                  EventLoopGroup group) {
        PeerConnection[] p = new PeerConnection[2];
        PeerConnectionObserver trickleToAnswerer = new PeerConnectionObserver() {
            @Override
            public void onIceCandidate(Optional<IceCandidateInit> c) {
                p[1].addIceCandidate(c.orElse(new IceCandidateInit("", Optional.of("0"), Optional.of(0))));
            }
        };
        PeerConnectionObserver answerer = new PeerConnectionObserver() {
            @Override
            public void onIceCandidate(Optional<IceCandidateInit> c) {
                p[0].addIceCandidate(c.orElse(new IceCandidateInit("", Optional.of("0"), Optional.of(0))));
            }

            @Override
            public void onDataChannel(DataChannel channel) {
                answererObserver.onDataChannel(channel);
            }
        };
        p[0] = PeerConnection.create(PeerConnectionConfig.loopback(), trickleToAnswerer);
        p[1] = group == null ? PeerConnection.create(answererConfig, answerer)
                : PeerConnection.create(answererConfig, answerer, group);
        open.add(p[0]);
        open.add(p[1]);
        return p;
    }

    private static void negotiate(PeerConnection offerer, PeerConnection answerer) throws Exception {
        SessionDescriptionInit offer = offerer.createOffer().get(30, TimeUnit.SECONDS);
        offerer.setLocalDescription(offer).get(30, TimeUnit.SECONDS);
        answerer.setRemoteDescription(offer).get(30, TimeUnit.SECONDS);
        SessionDescriptionInit answer = answerer.createAnswer().get(30, TimeUnit.SECONDS);
        answerer.setLocalDescription(answer).get(30, TimeUnit.SECONDS);
        offerer.setRemoteDescription(answer).get(30, TimeUnit.SECONDS);
    }

    private static final class Opened implements DataChannelListener {
        final CountDownLatch opened = new CountDownLatch(1);
        final BlockingQueue<byte[]> messages = new LinkedBlockingQueue<>();

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
    void aPeerThatStopsReadingBoundsBufferedAmountAndSendReportsBackPressure() throws Exception {
        EventLoopGroup answererLoop = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        groups.add(answererLoop);
        CountDownLatch resume = new CountDownLatch(1);
        AtomicInteger received = new AtomicInteger();
        PeerConnection[] p = pair(PeerConnectionConfig.loopback(), new PeerConnectionObserver() {
            @Override
            public void onDataChannel(DataChannel channel) {
                channel.setListener((c, binary, data) -> {
                    if (received.getAndIncrement() == 0) {
                        try {
                            resume.await(20, TimeUnit.SECONDS);   // the peer stops reading: its loop is stuck here
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                });
            }
        }, answererLoop);
        DataChannel dc = p[0].createDataChannel(DataChannelInit.reliable("bounded"));
        Opened events = new Opened();
        dc.setListener(events);
        negotiate(p[0], p[1]);
        assertThat(events.opened.await(30, TimeUnit.SECONDS)).isTrue();
        try {
            byte[] chunk = new byte[64 * 1024];
            int accepted = 0;
            int attempts = 0;
            while (dc.send(chunk.clone())) {
                accepted++;
                attempts++;
                assertThat(attempts).as("send() never pushed back").isLessThan(2 * 16 * 16);
            }
            long limit = PeerLimits.MAX_BUFFERED_AMOUNT;
            assertThat(dc.bufferedAmount()).isLessThanOrEqualTo(limit).isGreaterThan(limit - 2L * chunk.length);
            assertThat((long) accepted * chunk.length).isLessThanOrEqualTo(limit);
            for (int i = 0; i < 20; i++) {
                assertThat(dc.send(chunk.clone())).as("still full").isFalse();
                Thread.sleep(50);
            }
            assertThat(dc.bufferedAmount()).isLessThanOrEqualTo(limit);

            resume.countDown();   // the peer reads again: everything accepted arrives, the buffer empties
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while ((received.get() < accepted || dc.bufferedAmount() > 0) && System.nanoTime() - deadline < 0) {
                Thread.sleep(50);
            }
            assertThat(received.get()).isEqualTo(accepted);
            assertThat(dc.bufferedAmount()).isZero();
            assertThat(dc.send(new byte[] {1})).as("sending again").isTrue();
        } finally {
            resume.countDown();
        }
    }

    @Test
    void aMessageOverTheMaxMessageSizeIsRefusedAndTheChannelKeepsWorking() throws Exception {
        BlockingQueue<byte[]> remote = new LinkedBlockingQueue<>();
        PeerConnectionConfig small = new PeerConnectionConfig(List.of(InetAddress.getLoopbackAddress()),
                Optional.empty(), 65_536, 64 * 1024);
        PeerConnection[] p = pair(small, new PeerConnectionObserver() {
            @Override
            public void onDataChannel(DataChannel channel) {
                channel.setListener((c, binary, data) -> remote.add(data));
            }
        }, null);
        DataChannel dc = p[0].createDataChannel(DataChannelInit.reliable("sizes"));
        Opened events = new Opened();
        dc.setListener(events);
        negotiate(p[0], p[1]);
        assertThat(events.opened.await(30, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> dc.send(new byte[64 * 1024 + 1])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exceeds the max-message-size 65536");
        assertThat(dc.bufferedAmount()).as("the refused message is not buffered").isLessThan(64 * 1024);
        assertThat(dc.send(new byte[64 * 1024])).isTrue();
        assertThat(remote.poll(30, TimeUnit.SECONDS)).hasSize(64 * 1024);
    }

    @Test
    void anOversizedRemoteDescriptionIsRefused() throws Exception {
        PeerConnection offerer = lone();
        PeerConnection answerer = lone();
        offerer.createDataChannel(DataChannelInit.reliable("x"));
        String sdp = offerer.createOffer().get(30, TimeUnit.SECONDS).sdp();
        StringBuilder big = new StringBuilder(sdp);
        while (big.length() <= PeerLimits.MAX_SDP_CHARS) {
            big.append("a=x-padding:").append("p".repeat(200)).append("\r\n");
        }
        assertThatThrownBy(() -> answerer.setRemoteDescription(new SessionDescriptionInit("offer", big.toString()))
                .get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class).cause()
                .hasMessageContaining("exceeds the limit of " + PeerLimits.MAX_SDP_CHARS);
        answerer.setRemoteDescription(new SessionDescriptionInit("offer", sdp)).get(30, TimeUnit.SECONDS);
    }

    @Test
    void remoteCandidatesAreCappedInTheSdpInTrickleAndBeforeTheDescription() throws Exception {
        PeerConnection offerer = lone();
        offerer.createDataChannel(DataChannelInit.reliable("x"));
        String sdp = offerer.createOffer().get(30, TimeUnit.SECONDS).sdp();
        int inOffer = sdp.split("a=candidate:", -1).length - 1;
        assertThat(inOffer).isPositive();

        StringBuilder many = new StringBuilder();
        for (int i = 0; i <= PeerLimits.MAX_REMOTE_CANDIDATES; i++) {
            many.append("a=").append(candidate(i)).append("\r\n");
        }
        PeerConnection a1 = lone();
        String flooded = sdp.replaceFirst("a=candidate:", many + "a=candidate:");
        assertThatThrownBy(() -> a1.setRemoteDescription(new SessionDescriptionInit("offer", flooded))
                .get(30, TimeUnit.SECONDS)).cause().hasMessageContaining("more than the limit of "
                + PeerLimits.MAX_REMOTE_CANDIDATES);

        PeerConnection a2 = lone();
        a2.setRemoteDescription(new SessionDescriptionInit("offer", sdp)).get(30, TimeUnit.SECONDS);
        for (int i = inOffer; i < PeerLimits.MAX_REMOTE_CANDIDATES; i++) {
            a2.addIceCandidate(IceCandidateInit.of(candidate(i), "0", 0)).get(30, TimeUnit.SECONDS);
        }
        assertThatThrownBy(() -> a2.addIceCandidate(IceCandidateInit.of(candidate(999), "0", 0))
                .get(30, TimeUnit.SECONDS)).cause().isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("more than " + PeerLimits.MAX_REMOTE_CANDIDATES + " remote candidates");

        PeerConnection a3 = lone();
        for (int i = 0; i < PeerLimits.MAX_REMOTE_CANDIDATES; i++) {
            a3.addIceCandidate(IceCandidateInit.of(candidate(i), "0", 0)).get(30, TimeUnit.SECONDS);
        }
        assertThatThrownBy(() -> a3.addIceCandidate(IceCandidateInit.of(candidate(999), "0", 0))
                .get(30, TimeUnit.SECONDS)).cause().hasMessageContaining("remote candidates");
    }

    /** A connection nobody talks to, closed after the test. */
    private PeerConnection lone() {
        PeerConnection pc = PeerConnection.create(PeerConnectionConfig.loopback(), new PeerConnectionObserver() { });
        open.add(pc);
        return pc;
    }

    /** A host candidate on a loopback port nobody listens on (checks to it go nowhere but 127.0.0.1). */
    private static String candidate(int i) {
        return "candidate:" + (1000 + i) + " 1 udp 2122260223 127.0.0.1 " + (20_000 + i) + " typ host";
    }

    @Test
    void moreChannelsThanSctpStreamsCloseTheExtraOnesAndTheRestOpen() throws Exception {
        AtomicInteger remoteChannels = new AtomicInteger();
        PeerConnection[] p = pair(PeerConnectionConfig.loopback(), new PeerConnectionObserver() {
            @Override
            public void onDataChannel(DataChannel channel) {
                remoteChannels.incrementAndGet();
            }
        }, null);
        // the offerer is the DTLS server here (the answer says setup:active): odd stream ids, half of the streams
        int available = PeerLimits.SCTP_STREAMS / 2;
        CountDownLatch settled = new CountDownLatch(available + 1);
        AtomicInteger opened = new AtomicInteger();
        AtomicInteger closed = new AtomicInteger();
        for (int i = 0; i <= available; i++) {
            DataChannel dc = p[0].createDataChannel(DataChannelInit.reliable("c" + i));
            dc.setListener(new DataChannelListener() {
                @Override
                public void onOpen() {
                    opened.incrementAndGet();
                    settled.countDown();
                }

                @Override
                public void onMessage(DataChannel channel, boolean binary, byte[] data) {
                }

                @Override
                public void onClose() {
                    closed.incrementAndGet();
                    settled.countDown();
                }
            });
        }
        negotiate(p[0], p[1]);
        assertThat(settled.await(120, TimeUnit.SECONDS)).as("opened %s closed %s", opened, closed).isTrue();
        assertThat(opened.get()).isEqualTo(available);
        assertThat(closed.get()).isEqualTo(1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (remoteChannels.get() < available && System.nanoTime() - deadline < 0) {
            Thread.sleep(20);
        }
        assertThat(remoteChannels.get()).isEqualTo(available);
    }
}
