package org.jwebrtc.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jwebrtc.dtls.DtlsCertificate;
import org.jwebrtc.examples.web.ViewerPageServer;
import org.jwebrtc.examples.web.ViewerTickets;
import org.jwebrtc.peerconnection.PeerConnectionConfig;
import org.jwebrtc.signaling.kvs.IceServer;
import org.jwebrtc.signaling.kvs.KvsSignalingOptions;
import org.jwebrtc.signaling.kvs.server.LocalKvsConfig;
import org.jwebrtc.signaling.kvs.server.LocalKvsServer;
import org.jwebrtc.turn.StunServer;
import org.jwebrtc.turn.TurnServer;
import org.jwebrtc.turn.TurnServerConfig;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The local demo: an embedded KVS-compatible signaling server and STUN server, a Java master ("camera") streaming
 * the bundled clip (H.264 or VP8 + Opus + telemetry over a data channel) and a Java viewer that meet through KVS
 * signaling exactly as they would on AWS; the viewer prints live stats. A browser viewer page is served next to
 * them. Loopback only unless real interfaces are asked for.
 */
public final class LocalDemo {
    static final String CHANNEL = "demo-camera";

    private final PrintStream out;
    private final Duration duration;
    private final List<InetAddress> hosts;
    private String videoCodec = "H264";
    private boolean relayOnly;
    private InetSocketAddress pageAddress;
    private Consumer<URI> pageListener = uri -> { };

    public LocalDemo(PrintStream out, Duration duration, boolean realInterfaces) throws SocketException {
        this.out = out;
        this.duration = duration;
        this.hosts = realInterfaces ? NetworkHosts.all() : List.of(InetAddress.getLoopbackAddress());
    }

    /** Also serve the browser viewer page on {@code bind}; {@code listener} learns its address once it is up. */
    public LocalDemo withViewerPage(InetSocketAddress bind, Consumer<URI> listener) {
        this.pageAddress = bind;
        this.pageListener = listener;
        return this;
    }

    /** The camera's preferred video codec, {@code H264} (default) or {@code VP8}. */
    public LocalDemo withVideoCodec(String codec) {
        this.videoCodec = codec;
        return this;
    }

    /** Every peer (Java master, Java viewer, browser page) uses relay candidates only: all media crosses TURN. */
    public LocalDemo withRelayOnly(boolean relay) {
        this.relayOnly = relay;
        return this;
    }

    /** Runs the demo; returns the number of video frames the Java viewer received. */
    public long run() throws Exception {
        DtlsCertificate cert = DtlsCertificate.generate();
        PeerConnectionConfig pcConfig = PeerConnectionConfig.loopback().withHostAddresses(hosts).withCertificate(cert);
        InetAddress loopback = InetAddress.getLoopbackAddress();
        String turnSecret = Long.toHexString(new SecureRandom().nextLong());
        try (StunServer stun = StunServer.start(new InetSocketAddress(loopback, 0));
             TurnServer turn = TurnServer.start(TurnServerConfig.builder("jwebrtc-demo").restSecret(turnSecret)
                     .relayAddress(loopback).allowLoopbackPeers(true).build(), new InetSocketAddress(loopback, 0));
             LocalKvsServer signaling = LocalKvsServer.start(LocalKvsConfig.builder()
                     .turn(List.of("turn:" + loopback.getHostAddress() + ":" + turn.udpAddress().getPort()
                             + "?transport=udp"), turnSecret).build())) {
            out.println("embedded STUN server   " + stun.localAddress());
            out.println("embedded TURN server   " + turn.udpAddress() + " (TURN REST credentials through "
                    + "GetIceServerConfig" + (relayOnly ? "; relay only" : "") + ")");
            out.println("embedded KVS signaling " + signaling.httpEndpoint() + " (control plane), "
                    + signaling.wsEndpoint() + " (WebSocket)");
            StaticCredentialsProvider creds = StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    LocalKvsConfig.EXAMPLE_ACCESS_KEY, LocalKvsConfig.EXAMPLE_SECRET_KEY));
            try (CameraMaster master = new CameraMaster(pcConfig,
                    local(KvsSignalingOptions.master(CHANNEL), signaling, creds).build(), out, videoCodec, relayOnly);
                 ViewerPage page = pageAddress == null ? null : new ViewerPage(master, signaling, creds, stun);
                 StatsViewer viewer = new StatsViewer(pcConfig,
                         local(KvsSignalingOptions.viewer(CHANNEL, "viewer-1"), signaling, creds).build(), out,
                         relayOnly)) {
                try {
                    return viewer.watch(duration);
                } finally {
                    out.println("embedded TURN server   " + turn.stats());
                }
            }
        }
    }

    private static KvsSignalingOptions.Builder local(KvsSignalingOptions.Builder b, LocalKvsServer s,
                                                     StaticCredentialsProvider creds) {
        return b.region(Region.US_WEST_2).credentials(creds).endpointOverride(s.httpEndpoint())
                .createChannelIfMissing(true);
    }

    /** The browser viewer page next to the Java viewer: any number of browsers may join the camera. */
    private final class ViewerPage implements AutoCloseable {
        private final ViewerTickets tickets;
        private final ViewerPageServer server;

        ViewerPage(CameraMaster master, LocalKvsServer signaling, StaticCredentialsProvider creds, StunServer stun)
                throws IOException {
            String stunUrl = "stun:" + stun.localAddress().getAddress().getHostAddress() + ":"
                    + stun.localAddress().getPort();
            this.tickets = new ViewerTickets(creds, Region.US_WEST_2, Optional.of(signaling.httpEndpoint()),
                    CHANNEL, () -> {
                        List<IceServer> servers = new ArrayList<>();
                        servers.add(new IceServer(List.of(stunUrl), null, null, 0));
                        servers.addAll(master.session().iceServers());
                        return servers;
                    }, relayOnly, true);
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
}
