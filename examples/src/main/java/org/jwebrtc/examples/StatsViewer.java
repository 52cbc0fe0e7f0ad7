package org.jwebrtc.examples;

import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.jwebrtc.peerconnection.DataChannel;
import org.jwebrtc.peerconnection.DataChannelListener;
import org.jwebrtc.peerconnection.EncodedFrame;
import org.jwebrtc.peerconnection.IceCandidateInit;
import org.jwebrtc.peerconnection.PeerConnection;
import org.jwebrtc.peerconnection.PeerConnectionConfig;
import org.jwebrtc.peerconnection.PeerConnectionObserver;
import org.jwebrtc.peerconnection.PeerConnectionState;
import org.jwebrtc.peerconnection.RtcStats;
import org.jwebrtc.peerconnection.RtpTransceiver;
import org.jwebrtc.peerconnection.SessionDescriptionInit;
import org.jwebrtc.peerconnection.StatsReport;
import org.jwebrtc.sctp.DataChannelInit;
import org.jwebrtc.sdp.Direction;
import org.jwebrtc.sdp.jsep.MediaKind;
import org.jwebrtc.signaling.kvs.InboundMessage;
import org.jwebrtc.signaling.kvs.KvsSignalingOptions;
import org.jwebrtc.signaling.kvs.KvsSignalingSession;
import org.jwebrtc.signaling.kvs.MessageType;
import org.jwebrtc.signaling.kvs.SessionDescriptionPayload;
import org.jwebrtc.signaling.kvs.SignalingException;

/**
 * A KVS viewer that receives the camera's video, audio and telemetry and prints live stats once a second:
 * connection time, frames, bitrate, RTT and the selected candidate pair.
 */
public final class StatsViewer implements KvsSignalingSession.Listener, PeerConnectionObserver, AutoCloseable {
    private final PrintStream out;
    private final PeerConnection pc;
    private final KvsSignalingSession session;
    private final CountDownLatch connected = new CountDownLatch(1);
    /** Counted down on CONNECTED or FAILED: whichever comes first settles the wait for a connection. */
    private final CountDownLatch settled = new CountDownLatch(1);
    private final CountDownLatch opened = new CountDownLatch(1);
    private final AtomicLong videoFrames = new AtomicLong();
    private final AtomicLong keyframes = new AtomicLong();
    private final AtomicLong videoBytes = new AtomicLong();
    private final AtomicLong audioPackets = new AtomicLong();
    private final AtomicLong telemetry = new AtomicLong();
    private final AtomicLong lastRttNanos = new AtomicLong(-1);
    /** When the offer went to signaling: connection times count from here. */
    private volatile long offerNanos = System.nanoTime();
    private volatile long connectedNanos;
    private volatile String videoCodec = "-";

    public StatsViewer(PeerConnectionConfig config, KvsSignalingOptions options, PrintStream out) throws Exception {
        this(config, options, out, false);
    }

    /** With {@code relayOnly}, only relay candidates from KVS's TURN servers are used. */
    public StatsViewer(PeerConnectionConfig config, KvsSignalingOptions options, PrintStream out, boolean relayOnly)
            throws Exception {
        this(config, options, out, CandidatePolicy.of(relayOnly));
    }

    /** {@code policy} decides whether KVS's TURN servers are used (always, only them, or not at all). */
    public StatsViewer(PeerConnectionConfig config, KvsSignalingOptions options, PrintStream out,
                       CandidatePolicy policy) throws Exception {
        this.out = out;
        this.session = KvsSignalingSession.start(options, this);
        session.awaitOpen(Duration.ofSeconds(60));   // a cold JVM on a busy machine: the SDK alone takes seconds
        out.println("viewer connected to signaling as " + options.clientId().orElse("?")
                + switch (policy) {
                    case ALL -> "";
                    case RELAY_ONLY -> " (relay only)";
                    case NO_RELAY -> " (no relay)";
                });
        this.pc = PeerConnection.create(IceServers.apply(config, session.iceServers(), policy), this);
        pc.addTransceiver(MediaKind.VIDEO, Direction.RECVONLY);
        pc.addTransceiver(MediaKind.AUDIO, Direction.RECVONLY);
        DataChannel channel = pc.createDataChannel(DataChannelInit.reliable("telemetry"));
        channel.setListener(new Telemetry());
        SessionDescriptionInit offer = pc.createOffer().get(10, TimeUnit.SECONDS);
        pc.setLocalDescription(offer).get(10, TimeUnit.SECONDS);
        offerNanos = System.nanoTime();
        session.sendSdp(MessageType.SDP_OFFER, Optional.empty(), offer.sdp());
    }

    @Override
    public void onMessage(InboundMessage m) {
        try {
            if (m.type() == MessageType.SDP_ANSWER) {
                pc.setRemoteDescription(new SessionDescriptionInit("answer",
                        SessionDescriptionPayload.parse(m.payloadJson().orElseThrow()).sdp()));
            } else if (m.type() == MessageType.ICE_CANDIDATE) {
                pc.addIceCandidate(SignalingCandidates.fromPayload(m));
            }
        } catch (SignalingException e) {
            out.println("viewer: bad message: " + e.getMessage());
        }
    }

    @Override
    public void onIceCandidate(Optional<IceCandidateInit> c) {
        c.ifPresent(i -> out.println("viewer: local candidate " + describe(i.candidate())));
        session.sendCandidate(Optional.empty(), SignalingCandidates.toPayload(c));
    }

    @Override
    public void onTrack(RtpTransceiver transceiver) {
        transceiver.receiver().setFrameListener(this::frame);
    }

    private void frame(EncodedFrame f) {
        if (f.codec().equalsIgnoreCase("opus") || f.codec().startsWith("PCM")) {
            audioPackets.incrementAndGet();
            return;
        }
        videoCodec = f.codec();
        videoFrames.incrementAndGet();
        videoBytes.addAndGet(f.data().length);
        if (f.keyframe()) {
            keyframes.incrementAndGet();
        }
    }

    @Override
    public void onConnectionStateChange(PeerConnectionState state) {
        out.println("viewer: connection " + state.name().toLowerCase());
        if (state == PeerConnectionState.CONNECTED) {
            connectedNanos = System.nanoTime();
            connected.countDown();
            settled.countDown();
        } else if (state == PeerConnectionState.FAILED) {
            settled.countDown();
        }
    }

    /** Telemetry from the camera, and our RTT probes coming back. */
    private final class Telemetry implements DataChannelListener {
        @Override
        public void onOpen() {
            opened.countDown();
        }

        @Override
        public void onMessage(DataChannel channel, boolean binary, byte[] data) {
            if (data.length == 16) {
                lastRttNanos.set(System.nanoTime() - ByteBuffer.wrap(data).getLong(8));
            } else {
                telemetry.incrementAndGet();
            }
        }
    }

    /** Watches for {@code duration}, printing a line a second; returns the number of video frames received. */
    public long watch(Duration duration) throws InterruptedException {
        if (!connected.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no connection within 30 s");
        }
        return stream(duration);
    }

    /**
     * Waits up to {@code connectTimeout} for the connection, then watches for {@code duration}; returns the number
     * of video frames received, 0 when the connection failed (ICE found no working pair) or did not come up in time.
     */
    public long watch(Duration connectTimeout, Duration duration) throws InterruptedException {
        boolean done = settled.await(connectTimeout.toMillis(), TimeUnit.MILLISECONDS);
        if (connected.getCount() > 0) {
            out.printf(done ? "viewer: gave up: ICE failed %.0f ms after the offer (no candidate pair works)%n"
                    : "viewer: no connection within %2$d s%n", (System.nanoTime() - offerNanos) / 1e6,
                    connectTimeout.toSeconds());
            return 0;
        }
        return stream(duration);
    }

    private long stream(Duration duration) throws InterruptedException {
        out.printf("viewer: connected %.0f ms after the offer%n", (connectedNanos - offerNanos) / 1e6);
        DataChannel probe = pc.createDataChannel(DataChannelInit.reliable("rtt"));
        probe.setListener(new Telemetry());
        long lastBytes = 0;
        for (int s = 1; s <= duration.toSeconds(); s++) {
            byte[] ping = new byte[16];
            ByteBuffer.wrap(ping).putLong(8, System.nanoTime());
            probe.send(ping);
            Thread.sleep(1000);
            long b = videoBytes.get();
            long rtt = lastRttNanos.get();
            out.printf("[%2ds] video %s %5d frames (%d key) %6.1f kbit/s | audio %5d packets | telemetry %4d | "
                            + "rtt %s | pair %s%n", s, videoCodec, videoFrames.get(), keyframes.get(),
                    (b - lastBytes) * 8 / 1000.0, audioPackets.get(), telemetry.get(),
                    rtt < 0 ? "-" : String.format("%.2f ms", rtt / 1e6), selectedPair());
            lastBytes = b;
        }
        out.printf("done: %d video frames, %d audio packets, %.1f KiB of video%n", videoFrames.get(),
                audioPackets.get(), videoBytes.get() / 1024.0);
        return videoFrames.get();
    }

    private String selectedPair() {
        try {
            StatsReport report = pc.getStats().get(2, TimeUnit.SECONDS);
            for (RtcStats s : report.ofType("candidate-pair")) {
                return candidate(report, "local-candidate") + " -> " + candidate(report, "remote-candidate");
            }
        } catch (ExecutionException | TimeoutException e) {
            return "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return pc.iceConnectionState().name().toLowerCase();
    }

    /** "srflx 198.18.0.12:40000" from an SDP candidate attribute (RFC 8839 §5.1), the raw text if it is odd. */
    static String describe(String candidate) {
        String[] f = candidate.split(" ");
        for (int i = 6; i + 1 < f.length; i++) {
            if (f[i].equals("typ")) {
                return f[i + 1] + " " + f[4] + ":" + f[5] + " " + f[2].toLowerCase(java.util.Locale.ROOT);
            }
        }
        return candidate;
    }

    private static String candidate(StatsReport report, String type) {
        for (RtcStats c : report.ofType(type)) {
            return c.members().getOrDefault("candidateType", "?") + " " + c.members().getOrDefault("address", "?")
                    + ":" + c.members().getOrDefault("port", "?");
        }
        return "?";
    }

    public long videoFrames() {
        return videoFrames.get();
    }

    public long audioPackets() {
        return audioPackets.get();
    }

    @Override
    public void close() {
        pc.close();
        session.close();
    }
}
