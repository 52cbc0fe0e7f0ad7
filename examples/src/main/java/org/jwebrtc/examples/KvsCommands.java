package org.jwebrtc.examples;

import java.net.InetAddress;
import java.net.SocketException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jwebrtc.dtls.DtlsCertificate;
import org.jwebrtc.peerconnection.IceServerConfig;
import org.jwebrtc.peerconnection.PeerConnectionConfig;
import org.jwebrtc.signaling.kvs.KvsSignalingOptions;
import org.jwebrtc.signaling.kvs.server.LocalKvsConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * {@code webrtc master} and {@code webrtc viewer}: the demo's camera and viewer against real KVS (AWS credentials
 * and region from the SDK's default chains, or {@code --region}) or a local signaling server ({@code --endpoint}).
 */
final class KvsCommands {
    private KvsCommands() {}

    /** Options both roles share. */
    static class Common {
        @Option(names = "--channel", required = true, description = "Signaling channel name.")
        String channel;
        @Option(names = "--region", description = "AWS region (default: the SDK's region chain).")
        String region;
        @Option(names = "--endpoint", description = "Control-plane endpoint of a local KVS-compatible server "
                + "(webrtc signaling-server); uses the example credentials it accepts.")
        URI endpoint;
        @Option(names = "--create-channel", description = "Create the channel if it does not exist.")
        boolean create;
        @Option(names = "--loopback", description = "Gather on loopback only (tests, one machine).")
        boolean loopback;
        @Option(names = "--relay-only", description = "Relay candidates only (KVS's TURN servers).")
        boolean relayOnly;
        @Option(names = "--no-relay", description = "Ignore the TURN servers signaling hands out: host and "
                + "server-reflexive candidates only.")
        boolean noRelay;
        @Option(names = "--host", paramLabel = "ADDRESS", description = "Gather host candidates on this local "
                + "address (repeatable; default: every IPv4 interface that is up, or loopback with --loopback).")
        List<InetAddress> hosts = new ArrayList<>();
        @Option(names = "--stun", paramLabel = "HOST:PORT", description = "STUN server for server-reflexive "
                + "candidates (repeatable; KVS's GetIceServerConfig hands out TURN servers only).")
        List<String> stun = new ArrayList<>();

        KvsSignalingOptions.Builder apply(KvsSignalingOptions.Builder b) {
            Region r = region != null ? Region.of(region)
                    : endpoint != null ? Region.US_WEST_2 : new DefaultAwsRegionProviderChain().getRegion();
            AwsCredentialsProvider creds = endpoint != null
                    ? StaticCredentialsProvider.create(AwsBasicCredentials.create(LocalKvsConfig.EXAMPLE_ACCESS_KEY,
                    LocalKvsConfig.EXAMPLE_SECRET_KEY))
                    : DefaultCredentialsProvider.builder().build();
            b.region(r).credentials(creds).createChannelIfMissing(create);
            if (endpoint != null) {
                b.endpointOverride(endpoint);
            }
            return b;
        }

        /** Validates the flags; null when they are fine, else the message for a usage error. */
        String usageError() {
            if (relayOnly && noRelay) {
                return "--relay-only and --no-relay exclude each other";
            }
            for (String s : stun) {
                try {
                    HostPort.parse(s);
                } catch (IllegalArgumentException e) {
                    return "--stun: " + e.getMessage();
                }
            }
            return null;
        }

        CandidatePolicy policy() {
            return relayOnly ? CandidatePolicy.RELAY_ONLY : noRelay ? CandidatePolicy.NO_RELAY : CandidatePolicy.ALL;
        }

        PeerConnectionConfig peerConnectionConfig() throws SocketException {
            List<InetAddress> gather = !hosts.isEmpty() ? hosts
                    : loopback ? List.of(InetAddress.getLoopbackAddress()) : NetworkHosts.all();
            List<IceServerConfig> stunServers = new ArrayList<>();
            for (String s : stun) {
                stunServers.add(IceServerConfig.stun("stun:" + s));
            }
            return PeerConnectionConfig.loopback().withHostAddresses(gather).withIceServers(stunServers)
                    .withCertificate(DtlsCertificate.generate());
        }
    }

    @Command(name = "master", description = "Run the camera: answer viewers and stream the bundled clip.")
    static final class Master extends Common implements Callable<Integer> {
        @Option(names = "--video-codec", defaultValue = "H264", description = "H264 (default) or VP8.")
        String videoCodec;
        @Option(names = "--seconds", defaultValue = "0", description = "Stop after this long (0: run until killed).")
        int seconds;

        @Override
        public Integer call() throws Exception {
            String usage = usageError();
            if (usage != null) {
                System.err.println("master: " + usage);
                return 2;
            }
            try (CameraMaster master = new CameraMaster(peerConnectionConfig(),
                    apply(KvsSignalingOptions.master(channel)).build(), System.out, videoCodec, policy())) {
                if (seconds > 0) {
                    Thread.sleep(Duration.ofSeconds(seconds).toMillis());
                } else {
                    new CountDownLatch(1).await();
                }
            }
            return 0;
        }
    }

    @Command(name = "viewer", description = "Join a camera as a viewer and print live stats.")
    static final class Viewer extends Common implements Callable<Integer> {
        @Option(names = "--client-id", description = "Viewer client id (default: random).")
        String clientId;
        @Option(names = "--seconds", defaultValue = "10", description = "How long to watch (default 10).")
        int seconds;
        @Option(names = "--connect-timeout", defaultValue = "60", description = "Seconds to wait for the "
                + "connection (default 60; a failed ICE check list ends the wait earlier, after about 35 s).")
        int connectTimeout;

        @Override
        public Integer call() throws Exception {
            String usage = usageError();
            if (usage != null) {
                System.err.println("viewer: " + usage);
                return 2;
            }
            String id = clientId != null ? clientId : "viewer-" + UUID.randomUUID().toString().substring(0, 8);
            try (StatsViewer viewer = new StatsViewer(peerConnectionConfig(),
                    apply(KvsSignalingOptions.viewer(channel, id)).build(), System.out, policy())) {
                return viewer.watch(Duration.ofSeconds(connectTimeout), Duration.ofSeconds(seconds)) > 0 ? 0 : 1;
            }
        }
    }
}
