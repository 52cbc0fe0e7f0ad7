package org.jwebrtc.benchmarks.peerconnection;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jwebrtc.peerconnection.DataChannel;
import org.jwebrtc.peerconnection.DataChannelListener;
import org.jwebrtc.peerconnection.IceCandidateInit;
import org.jwebrtc.peerconnection.PeerConnection;
import org.jwebrtc.peerconnection.PeerConnectionConfig;
import org.jwebrtc.peerconnection.PeerConnectionObserver;
import org.jwebrtc.peerconnection.SessionDescriptionInit;
import org.jwebrtc.sctp.DataChannelInit;

/**
 * Our PeerConnection on loopback as a throughput endpoint. The candidates travel in the SDP (as with Chromium's
 * gathered descriptions), so the trickled ones are ignored.
 */
final class JavaEndpoint implements Endpoint, PeerConnectionObserver {
    /** What a browser application keeps queued at most (throughput.js uses the same bound). */
    private static final long MAX_BUFFERED = 4 << 20;
    private static final long TIMEOUT_SECONDS = 30;

    private final PeerConnection pc = PeerConnection.create(PeerConnectionConfig.loopback(), this);
    private final BlockingQueue<DataChannel> remoteChannels = new LinkedBlockingQueue<>();
    private final CountDownLatch opened = new CountDownLatch(1);
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile long openNanos;
    private volatile long doneNanos;
    private long offerNanos;
    private DataChannel channel;

    @Override
    public void onDataChannel(DataChannel c) {
        remoteChannels.add(c);
    }

    @Override
    public void onIceCandidate(Optional<IceCandidateInit> candidate) {
        // in the SDP already
    }

    @Override
    public String offer() throws Exception {
        offerNanos = System.nanoTime();
        channel = pc.createDataChannel(DataChannelInit.reliable("bulk"));
        channel.setListener(new DataChannelListener() {
            @Override
            public void onOpen() {
                openNanos = System.nanoTime();
                opened.countDown();
            }

            @Override
            public void onMessage(DataChannel c, boolean binary, byte[] data) {
                if (!binary && "done".equals(new String(data, StandardCharsets.UTF_8))) {
                    doneNanos = System.nanoTime();
                    done.countDown();
                }
            }
        });
        SessionDescriptionInit offer = pc.createOffer().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        pc.setLocalDescription(offer).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return offer.sdp();
    }

    @Override
    public String answer(String offer) throws Exception {
        pc.setRemoteDescription(new SessionDescriptionInit("offer", offer)).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        SessionDescriptionInit answer = pc.createAnswer().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        pc.setLocalDescription(answer).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return answer.sdp();
    }

    @Override
    public void accept(String answer) throws Exception {
        pc.setRemoteDescription(new SessionDescriptionInit("answer", answer)).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public double awaitOpen() throws InterruptedException {
        if (!opened.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException("channel not open after " + TIMEOUT_SECONDS + " s: "
                    + pc.connectionState());
        }
        return (openNanos - offerNanos) / 1e6;
    }

    @Override
    public void expect(long bytes) throws InterruptedException {
        DataChannel c = remoteChannels.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (c == null) {
            throw new IllegalStateException("no remote channel after " + TIMEOUT_SECONDS + " s");
        }
        c.setListener(new DataChannelListener() {
            private long received;
            private boolean answered;

            @Override
            public void onMessage(DataChannel ch, boolean binary, byte[] data) {
                if (binary && (received += data.length) >= bytes && !answered) {
                    answered = true;
                    ch.send("done");
                }
            }
        });
    }

    @Override
    public double send(long bytes, int size) throws InterruptedException {
        byte[] message = new byte[size];
        long start = System.nanoTime();
        for (long sent = 0; sent < bytes; sent += size) {
            // send() owns the array it is given, hence a copy per message (Chromium copies too)
            while (channel.bufferedAmount() > MAX_BUFFERED || !channel.send(message.clone())) {
                LockSupport.parkNanos(100_000);
                if (channel.state() != DataChannel.State.OPEN) {
                    throw new IllegalStateException("channel " + channel.state() + " after " + sent + " bytes");
                }
            }
        }
        long limit = 60 + bytes * 8 / 1_000_000;   // seconds at 1 Mbit/s: the run is broken anyway
        if (!done.await(limit, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no 'done' from the receiver after " + limit + " s");
        }
        return (doneNanos - start) / 1e6;
    }

    @Override
    public String diagnostics() {
        try {
            return pc.stats().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).sctp().map(s -> String.format(
                    java.util.Locale.ROOT, "SCTP: %d packets sent, %d retransmissions (%d fast, %d T3), cwnd %d, "
                            + "ssthresh %d, peer rwnd %d, srtt %.1f ms, burst-limited %d", s.packetsSent(),
                    s.retransmissions(), s.fastRetransmits(), s.t3Expiries(), s.cwnd(), s.ssthresh(), s.peerRwnd(),
                    s.srttNanos() / 1e6, s.burstLimited())).orElse("");
        } catch (Exception e) {
            return "stats: " + e;
        }
    }

    @Override
    public void close() {
        pc.close();
    }
}
