package org.jwebrtc.examples;

import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jwebrtc.examples.media.SampleMedia;
import org.jwebrtc.peerconnection.DataChannel;
import org.jwebrtc.peerconnection.IceCandidateInit;
import org.jwebrtc.peerconnection.PeerConnection;
import org.jwebrtc.peerconnection.PeerConnectionConfig;
import org.jwebrtc.peerconnection.PeerConnectionObserver;
import org.jwebrtc.peerconnection.PeerConnectionState;
import org.jwebrtc.peerconnection.RtpSender;
import org.jwebrtc.peerconnection.SessionDescriptionInit;
import org.jwebrtc.sdp.jsep.MediaKind;
import org.jwebrtc.signaling.kvs.InboundMessage;
import org.jwebrtc.signaling.kvs.KvsSignalingOptions;
import org.jwebrtc.signaling.kvs.KvsSignalingSession;
import org.jwebrtc.signaling.kvs.MessageType;
import org.jwebrtc.signaling.kvs.SessionDescriptionPayload;
import org.jwebrtc.signaling.kvs.SignalingException;

/**
 * The camera: a KVS master that answers every viewer (up to the channel's limit) with its own peer connection and
 * streams one shared "encoder" output to all of them, the way a camera does: the bundled clip, looped, as H.264
 * or VP8 (whatever each viewer accepts, {@code preferredVideo} first) at 30 fps, Opus audio in 20 ms packets, and
 * a telemetry data channel that also echoes the viewer's RTT probes.
 */
public final class CameraMaster implements KvsSignalingSession.Listener, AutoCloseable {
    private static final long FRAME_MICROS = 1_000_000 / 30;
    private static final long AUDIO_MICROS = 20_000;

    private final PeerConnectionConfig config;
    private final PrintStream out;
    private final String preferredVideo;
    private final CandidatePolicy policy;
    private final KvsSignalingSession session;
    private final Map<String, Viewer> viewers = new ConcurrentHashMap<>();
    /** Every viewer's connection from its offer on; candidates go here even before the answer is done. */
    private final Map<String, PeerConnection> connections = new ConcurrentHashMap<>();
    /** Candidates that arrived before their viewer's offer (KVS does not order them; both SDKs buffer too). */
    private final Map<String, List<IceCandidateInit>> early = new ConcurrentHashMap<>();
    private final ScheduledExecutorService camera = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "camera");
        t.setDaemon(true);
        return t;
    });
    private final List<byte[]> h264 = SampleMedia.h264AccessUnits();
    private final List<byte[]> vp8 = SampleMedia.vp8Frames();
    private final List<byte[]> opus = SampleMedia.opusPackets();
    private final long startMicros = System.nanoTime() / 1000;
    private final AtomicLong videoFrame = new AtomicLong();
    private final AtomicLong audioPacket = new AtomicLong();

    /** One connected viewer: its connection and senders. */
    private record Viewer(PeerConnection pc, RtpSender video, RtpSender audio) {}

    public CameraMaster(PeerConnectionConfig config, KvsSignalingOptions options, PrintStream out,
                        String preferredVideo) throws SignalingException, InterruptedException {
        this(config, options, out, preferredVideo, false);
    }

    /** With {@code relayOnly}, every viewer connection uses only relay candidates from KVS's TURN servers. */
    public CameraMaster(PeerConnectionConfig config, KvsSignalingOptions options, PrintStream out,
                        String preferredVideo, boolean relayOnly) throws SignalingException, InterruptedException {
        this(config, options, out, preferredVideo, CandidatePolicy.of(relayOnly));
    }

    /** {@code policy} decides whether KVS's TURN servers are used (always, only them, or not at all). */
    public CameraMaster(PeerConnectionConfig config, KvsSignalingOptions options, PrintStream out,
                        String preferredVideo, CandidatePolicy policy) throws SignalingException, InterruptedException {
        this.config = config;
        this.out = out;
        this.preferredVideo = preferredVideo;
        this.policy = policy;
        this.session = KvsSignalingSession.start(options, this);
        session.awaitOpen(Duration.ofSeconds(60));   // a cold JVM on a busy machine: the SDK alone takes seconds
        out.println("master connected to signaling channel " + session.channelArn());
        camera.scheduleAtFixedRate(this::videoTick, 0, FRAME_MICROS, TimeUnit.MICROSECONDS);
        camera.scheduleAtFixedRate(this::audioTick, 0, AUDIO_MICROS, TimeUnit.MICROSECONDS);
    }

    public KvsSignalingSession session() {
        return session;
    }

    @Override
    public void onMessage(InboundMessage m) {
        String viewerId = m.senderClientId().orElse("?");
        try {
            if (m.type() == MessageType.SDP_OFFER) {
                answer(viewerId, SessionDescriptionPayload.parse(m.payloadJson().orElseThrow()).sdp());
            } else if (m.type() == MessageType.ICE_CANDIDATE) {
                IceCandidateInit c = SignalingCandidates.fromPayload(m);
                PeerConnection pc = connections.get(viewerId);
                if (pc != null) {
                    pc.addIceCandidate(c);
                } else {
                    early.computeIfAbsent(viewerId, k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(c);
                }
            }
        } catch (SignalingException e) {
            out.println("master: bad message from " + viewerId + ": " + e.getMessage());
        }
    }

    private void answer(String viewerId, String offer) {
        Viewer old = viewers.remove(viewerId);
        PeerConnection oldPc = connections.remove(viewerId);
        if (old != null) {
            old.pc().close();   // the same viewer offers again: it reconnected
        }
        if (oldPc != null) {
            oldPc.close();
        }
        // TURN credentials are short-lived (KVS: 5 min): each viewer gets the session's current ones
        PeerConnectionConfig viewerConfig = IceServers.apply(config, session.iceServers(), policy);
        PeerConnection pc = PeerConnection.create(viewerConfig, new PeerConnectionObserver() {
            @Override
            public void onIceCandidate(Optional<IceCandidateInit> c) {
                session.sendCandidate(Optional.of(viewerId), SignalingCandidates.toPayload(c));
            }

            @Override
            public void onDataChannel(DataChannel channel) {
                channel.setListener((c, binary, data) -> c.send(data));   // echo RTT probes
                telemetry(channel);
            }

            @Override
            public void onConnectionStateChange(PeerConnectionState state) {
                out.println("master: " + viewerId + " " + state.name().toLowerCase(java.util.Locale.ROOT));
                if (state == PeerConnectionState.FAILED || state == PeerConnectionState.CLOSED) {
                    viewers.computeIfPresent(viewerId, (k, v) -> null);
                }
            }
        });
        connections.put(viewerId, pc);
        List<IceCandidateInit> waiting = early.remove(viewerId);
        if (waiting != null) {
            waiting.forEach(pc::addIceCandidate);   // the connection buffers them until its remote description
        }
        pc.setRemoteDescription(new SessionDescriptionInit("offer", offer)).thenRun(() -> {
            // The viewer's recvonly transceivers become ours to send on (addTrack reuses them).
            RtpSender video = offerHas(offer, "video") ? pc.addTrack(MediaKind.VIDEO, "camera") : null;
            RtpSender audio = offerHas(offer, "audio") ? pc.addTrack(MediaKind.AUDIO, "camera") : null;
            if (video != null) {
                video.useCodec(preferredVideo);
            }
            viewers.put(viewerId, new Viewer(pc, video, audio));
        }).thenCompose(v -> pc.createAnswer())
                .thenCompose(a -> pc.setLocalDescription(a).thenApply(v -> a))
                .thenAccept(a -> session.sendSdp(MessageType.SDP_ANSWER, Optional.of(viewerId), a.sdp()))
                .exceptionally(e -> {
                    out.println("master: cannot answer " + viewerId + ": " + e.getMessage());
                    pc.close();
                    return null;
                });
    }

    private static boolean offerHas(String sdp, String media) {
        return sdp.contains("\nm=" + media + " ") || sdp.startsWith("m=" + media + " ");
    }

    private void videoTick() {
        long n = videoFrame.getAndIncrement();
        long ts = startMicros + n * FRAME_MICROS;
        for (Viewer v : viewers.values()) {
            if (v.video() == null || v.pc().connectionState() != PeerConnectionState.CONNECTED) {
                continue;
            }
            String codec = v.video().codec().map(c -> c.name()).orElse("");
            List<byte[]> clip = codec.equalsIgnoreCase("VP8") ? vp8 : h264;
            v.video().sendFrame(clip.get((int) (n % clip.size())), ts);
        }
    }

    private void audioTick() {
        long n = audioPacket.getAndIncrement();
        long ts = startMicros + n * AUDIO_MICROS;
        for (Viewer v : viewers.values()) {
            if (v.audio() != null && v.pc().connectionState() == PeerConnectionState.CONNECTED) {
                v.audio().sendFrame(opus.get((int) (n % opus.size())), ts);
            }
        }
    }

    /** Ten small telemetry messages a second: frame counter and send time. */
    private void telemetry(DataChannel channel) {
        camera.scheduleAtFixedRate(() -> {
            if (channel.state() == DataChannel.State.OPEN && channel.bufferedAmount() < 1 << 20) {
                byte[] m = new byte[64];
                ByteBuffer.wrap(m).putLong(videoFrame.get()).putLong(System.nanoTime());
                channel.send(m);
            }
        }, 100, 100, TimeUnit.MILLISECONDS);
    }

    public int viewerCount() {
        return viewers.size();
    }

    @Override
    public void close() {
        camera.shutdownNow();
        connections.values().forEach(PeerConnection::close);
        session.close();
    }
}
