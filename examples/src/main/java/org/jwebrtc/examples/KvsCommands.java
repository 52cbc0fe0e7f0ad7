package org.jwebrtc.examples;

import java.net.InetAddress;
import java.net.SocketException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jwebrtc.dtls.DtlsCertificate;
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

        PeerConnectionConfig peerConnectionConfig() throws SocketException {
            List<InetAddress> hosts = loopback ? List.of(InetAddress.getLoopbackAddress()) : NetworkHosts.all();
            return PeerConnectionConfig.loopback().withHostAddresses(hosts)
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
            try (CameraMaster master = new CameraMaster(peerConnectionConfig(),
                    apply(KvsSignalingOptions.master(channel)).build(), System.out, videoCodec, relayOnly)) {
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

        @Override
        public Integer call() throws Exception {
            String id = clientId != null ? clientId : "viewer-" + UUID.randomUUID().toString().substring(0, 8);
            try (StatsViewer viewer = new StatsViewer(peerConnectionConfig(),
                    apply(KvsSignalingOptions.viewer(channel, id)).build(), System.out, relayOnly)) {
                return viewer.watch(Duration.ofSeconds(seconds)) > 0 ? 0 : 1;
            }
        }
    }
}
