package org.jwebrtc.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jwebrtc.examples.web.ViewerPageServer;
import org.jwebrtc.examples.web.ViewerTickets;
import org.jwebrtc.dtls.DtlsCertificate;
import org.jwebrtc.peerconnection.DataChannel;
import org.jwebrtc.peerconnection.DataChannelListener;
import org.jwebrtc.peerconnection.IceCandidateInit;
import org.jwebrtc.peerconnection.PeerConnection;
import org.jwebrtc.peerconnection.PeerConnectionConfig;
import org.jwebrtc.peerconnection.PeerConnectionObserver;
import org.jwebrtc.peerconnection.PeerConnectionState;
import org.jwebrtc.peerconnection.SessionDescriptionInit;
import org.jwebrtc.sctp.DataChannelInit;
import org.jwebrtc.signaling.kvs.IceCandidatePayload;
import org.jwebrtc.signaling.kvs.IceServer;
import org.jwebrtc.signaling.kvs.InboundMessage;
import org.jwebrtc.signaling.kvs.KvsSignalingOptions;
import org.jwebrtc.signaling.kvs.KvsSignalingSession;
import org.jwebrtc.signaling.kvs.MessageType;
import org.jwebrtc.signaling.kvs.SessionDescriptionPayload;
import org.jwebrtc.signaling.kvs.SignalingException;
import org.jwebrtc.signaling.kvs.server.LocalKvsConfig;
import org.jwebrtc.signaling.kvs.server.LocalKvsServer;
import org.jwebrtc.turn.StunServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The local demo: an embedded KVS-compatible signaling server and STUN server, a Java master ("camera") and a
 * Java viewer that meet through KVS signaling exactly as they would on AWS, connect (ICE, DTLS, SCTP) and stream
 * over a data channel while the viewer prints live stats. Loopback only unless real interfaces are asked for.
 * Media (H.264/VP8 + Opus over SRTP) joins this demo when the media path lands in peerconnection.
 */
public final class LocalDemo {
    static final String CHANNEL = "demo-camera";
    private final PrintStream out;
    private final Duration duration;
    private final List<InetAddress> hosts;
    private InetSocketAddress pageAddress;
    private Consumer<URI> pageListener = uri -> { };

    public LocalDemo(PrintStream out, Duration duration, boolean realInterfaces) throws SocketException {
        this.out = out;
        this.duration = duration;
        this.hosts = realInterfaces ? interfaces() : List.of(InetAddress.getLoopbackAddress());
    }

    /** Also serve the browser viewer page on {@code bind}; {@code listener} learns its address once it is up. */
    public LocalDemo withViewerPage(InetSocketAddress bind, Consumer<URI> listener) {
        this.pageAddress = bind;
        this.pageListener = listener;
        return this;
    }

    /** Runs the demo; returns the number of frames the viewer received. */
    public long run() throws Exception {
        DtlsCertificate cert = DtlsCertificate.generate();
        PeerConnectionConfig pcConfig = PeerConnectionConfig.loopback().withHostAddresses(hosts).withCertificate(cert);
        try (StunServer stun = StunServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             LocalKvsServer signaling = LocalKvsServer.start(LocalKvsConfig.builder().build())) {
            out.println("embedded STUN server   " + stun.localAddress());
            out.println("embedded KVS signaling " + signaling.httpEndpoint() + " (control plane), "
                    + signaling.wsEndpoint() + " (WebSocket)");
            StaticCredentialsProvider creds = StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    LocalKvsConfig.EXAMPLE_ACCESS_KEY, LocalKvsConfig.EXAMPLE_SECRET_KEY));
            try (Master master = new Master(pcConfig, signaling, creds);
                 ViewerPage page = pageAddress == null ? null : new ViewerPage(master, signaling, creds, stun);
                 Viewer viewer = new Viewer(pcConfig, signaling, creds)) {
                return viewer.watch();
            }
        }
    }

    private static List<InetAddress> interfaces() throws SocketException {
        List<InetAddress> list = new ArrayList<>();
        for (NetworkInterface ni : NetworkInterface.networkInterfaces().toList()) {
            if (ni.isUp() && !ni.isLoopback()) {
                ni.inetAddresses().filter(a -> a.getAddress().length == 4).forEach(list::add);
            }
        }
        return list.isEmpty() ? List.of(InetAddress.getLoopbackAddress()) : list;
    }

    private static KvsSignalingOptions.Builder common(KvsSignalingOptions.Builder b, LocalKvsServer s,
                                                      StaticCredentialsProvider creds) {
        return b.region(Region.US_WEST_2).credentials(creds).endpointOverride(s.httpEndpoint())
                .createChannelIfMissing(true);
    }

    /** The browser viewer page next to the Java viewer: any number of browsers may join the camera. */
    private final class ViewerPage implements AutoCloseable {
        private final ViewerTickets tickets;
        private final ViewerPageServer server;

        ViewerPage(Master master, LocalKvsServer signaling, StaticCredentialsProvider creds, StunServer stun)
                throws IOException {
            String stunUrl = "stun:" + stun.localAddress().getAddress().getHostAddress() + ":"
                    + stun.localAddress().getPort();
            this.tickets = new ViewerTickets(creds, Region.US_WEST_2, Optional.of(signaling.httpEndpoint()),
                    CHANNEL, () -> {
                        List<IceServer> servers = new ArrayList<>();
                        servers.add(new IceServer(List.of(stunUrl), null, null, 0));
                        servers.addAll(master.session.iceServers());
                        return servers;
                    }, false, false);
            this.server = ViewerPageServer.start(pageAddress, tickets);
            out.println("browser viewer page    " + server.uri());
            pageListener.accept(server.uri());
        }

        @Override
        public void close() {
            server.close();
            tickets.close();
        }
    }

    /** The camera: answers every viewer with its own peer connection and streams frames when the channel opens. */
    private final class Master implements KvsSignalingSession.Listener, AutoCloseable {
        private final PeerConnectionConfig config;
        private final KvsSignalingSession session;
        private final Map<String, PeerConnection> viewers = new ConcurrentHashMap<>();
        private final List<Thread> streams = new ArrayList<>();

        Master(PeerConnectionConfig config, LocalKvsServer s, StaticCredentialsProvider creds)
                throws SignalingException, InterruptedException {
            this.config = config;
            this.session = KvsSignalingSession.start(common(KvsSignalingOptions.master(CHANNEL), s, creds)
                    .build(), this);
            session.awaitOpen(Duration.ofSeconds(20));
            out.println("master connected to signaling channel " + session.channelArn());
        }

        @Override
        public void onMessage(InboundMessage m) {
            String viewerId = m.senderClientId().orElse("?");
            try {
                if (m.type() == MessageType.SDP_OFFER) {
                    PeerConnection pc = PeerConnection.create(config, new PeerConnectionObserver() {
                        @Override
                        public void onIceCandidate(Optional<IceCandidateInit> c) {
                            session.sendCandidate(Optional.of(viewerId), toPayload(c));
                        }

                        @Override
                        public void onDataChannel(DataChannel channel) {
                            stream(channel);
                        }
                    });
                    viewers.put(viewerId, pc);
                    String offer = SessionDescriptionPayload.parse(m.payloadJson().orElseThrow()).sdp();
                    pc.setRemoteDescription(new SessionDescriptionInit("offer", offer))
                            .thenCompose(v -> pc.createAnswer())
                            .thenCompose(a -> pc.setLocalDescription(a).thenApply(v -> a))
                            .thenAccept(a -> session.sendSdp(MessageType.SDP_ANSWER, Optional.of(viewerId), a.sdp()));
                } else if (m.type() == MessageType.ICE_CANDIDATE && viewers.containsKey(viewerId)) {
                    viewers.get(viewerId).addIceCandidate(fromPayload(m));
                }
            } catch (SignalingException e) {
                out.println("master: bad message from " + viewerId + ": " + e.getMessage());
            }
        }

        /** 30 frames per second of synthetic 4 KB "video", each stamped with its send time; pings echoed. */
        private void stream(DataChannel channel) {
            channel.setListener((c, binary, data) -> c.send(data));   // echo the viewer's RTT probes
            Thread t = new Thread(() -> {
                byte[] frame = new byte[4096];
                long start = System.nanoTime();
                for (int n = 0; !Thread.currentThread().isInterrupted()
                        && System.nanoTime() - start < duration.toNanos() + 1_000_000_000L; n++) {
                    ByteBuffer.wrap(frame).putInt(n).putLong(System.nanoTime());
                    if (channel.state() == DataChannel.State.OPEN && channel.bufferedAmount() < 1 << 20) {
                        channel.send(frame.clone());
                    }
                    try {
                        Thread.sleep(33);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "camera-stream");
            t.setDaemon(true);
            streams.add(t);
            t.start();
        }

        @Override
        public void close() {
            if (Boolean.getBoolean("demo.stats")) {
                viewers.values().forEach(pc -> {
                    try {
                        out.println("master transport: " + pc.stats().get(5, TimeUnit.SECONDS));
                    } catch (Exception e) {
                        out.println("master transport: " + e);
                    }
                });
            }
            streams.forEach(Thread::interrupt);
            viewers.values().forEach(PeerConnection::close);
            session.close();
        }
    }

    /** The viewer: offers, receives frames, prints stats once a second. */
    private final class Viewer implements KvsSignalingSession.Listener, PeerConnectionObserver, DataChannelListener,
            AutoCloseable {
        private final PeerConnection pc;
        private final KvsSignalingSession session;
        private final CountDownLatch opened = new CountDownLatch(1);
        private final AtomicLong frames = new AtomicLong();
        private final AtomicLong bytes = new AtomicLong();
        private final AtomicLong lastRttNanos = new AtomicLong(-1);
        private final long created = System.nanoTime();
        private volatile long openNanos;

        Viewer(PeerConnectionConfig config, LocalKvsServer s, StaticCredentialsProvider creds) throws Exception {
            this.session = KvsSignalingSession.start(common(KvsSignalingOptions.viewer(CHANNEL, "viewer-1"), s,
                    creds).build(), this);
            session.awaitOpen(Duration.ofSeconds(20));
            out.println("viewer connected to signaling as viewer-1");
            this.pc = PeerConnection.create(config, this);
            DataChannel video = pc.createDataChannel(DataChannelInit.reliable("video"));
            video.setListener(this);
            SessionDescriptionInit offer = pc.createOffer().get(10, TimeUnit.SECONDS);
            pc.setLocalDescription(offer).get(10, TimeUnit.SECONDS);
            session.sendSdp(MessageType.SDP_OFFER, Optional.empty(), offer.sdp());
        }

        @Override
        public void onMessage(InboundMessage m) {
            try {
                if (m.type() == MessageType.SDP_ANSWER) {
                    pc.setRemoteDescription(new SessionDescriptionInit("answer",
                            SessionDescriptionPayload.parse(m.payloadJson().orElseThrow()).sdp()));
                } else if (m.type() == MessageType.ICE_CANDIDATE) {
                    pc.addIceCandidate(fromPayload(m));
                }
            } catch (SignalingException e) {
                out.println("viewer: bad message: " + e.getMessage());
            }
        }

        @Override
        public void onIceCandidate(Optional<IceCandidateInit> c) {
            session.sendCandidate(Optional.empty(), toPayload(c));
        }

        @Override
        public void onConnectionStateChange(PeerConnectionState state) {
            out.println("viewer: connection " + state.name().toLowerCase());
        }

        @Override
        public void onOpen() {
            openNanos = System.nanoTime();
            opened.countDown();
        }

        @Override
        public void onMessage(DataChannel channel, boolean binary, byte[] data) {
            if (data.length == 16) {   // our RTT probe coming back
                lastRttNanos.set(System.nanoTime() - ByteBuffer.wrap(data).getLong(8));
                return;
            }
            frames.incrementAndGet();
            bytes.addAndGet(data.length);
        }

        long watch() throws InterruptedException {
            if (!opened.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the data channel did not open within 30 s");
            }
            out.printf("viewer: data channel open %.0f ms after the offer%n", (openNanos - created) / 1e6);
            DataChannel probe = pc.createDataChannel(DataChannelInit.reliable("rtt"));
            probe.setListener(this);
            long lastBytes = 0;
            for (int s = 1; s <= duration.toSeconds(); s++) {
                byte[] ping = new byte[16];
                ByteBuffer.wrap(ping).putLong(8, System.nanoTime());
                probe.send(ping);
                Thread.sleep(1000);
                long b = bytes.get();
                long rtt = lastRttNanos.get();
                out.printf("[%2ds] frames %5d  bitrate %7.1f kbit/s  rtt %s  pair %s%n", s, frames.get(),
                        (b - lastBytes) * 8 / 1000.0, rtt < 0 ? "-" : String.format("%.2f ms", rtt / 1e6),
                        pc.iceConnectionState().name().toLowerCase());
                lastBytes = b;
            }
            out.printf("done: %d frames, %.1f KiB received%n", frames.get(), bytes.get() / 1024.0);
            if (Boolean.getBoolean("demo.stats")) {
                try {
                    out.println("viewer transport: " + pc.stats().get(5, TimeUnit.SECONDS));
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    out.println("viewer transport: " + e);
                }
            }
            return frames.get();
        }

        @Override
        public void close() {
            pc.close();
            session.close();
        }
    }

    static IceCandidatePayload toPayload(Optional<IceCandidateInit> c) {
        return c.map(i -> new IceCandidatePayload(i.candidate(), i.sdpMid(), i.sdpMLineIndex(), Optional.empty()))
                .orElse(new IceCandidatePayload("", Optional.of("0"), Optional.of(0), Optional.empty()));
    }

    static IceCandidateInit fromPayload(InboundMessage m) throws SignalingException {
        IceCandidatePayload p = IceCandidatePayload.parse(m.payloadJson().orElseThrow());
        return new IceCandidateInit(p.candidate(), p.sdpMid(), p.sdpMLineIndex());
    }
}
