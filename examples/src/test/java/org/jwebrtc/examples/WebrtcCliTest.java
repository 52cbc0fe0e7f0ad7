package org.jwebrtc.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jwebrtc.testsupport.SharedFiles;
import org.jwebrtc.signaling.kvs.server.LocalKvsConfig;
import org.jwebrtc.signaling.kvs.server.LocalKvsServer;
import org.jwebrtc.turn.StunServer;
import org.jwebrtc.turn.TurnServer;
import org.jwebrtc.turn.TurnServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class WebrtcCliTest {
    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = new CommandLine(new WebrtcCli()).execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void sdpParsePrintsTheChromiumOfferAsJson() {
        Run r = run("sdp", "parse", SharedFiles.vectors("sdp", "chromium_audio_video.sdp").toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("{\"version\":0").contains("\"media\":\"audio\"").contains("\"media\":\"video\"")
                .contains("opus/48000/2");
    }

    @Test
    void badSdpGivesExitCodeOneAndTheLine(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.sdp");
        Files.writeString(bad, "v=0\r\no=broken\r\n");
        Run r = run("sdp", "validate", bad.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("bad.sdp").containsPattern("line \\d+");
    }

    @Test
    void stunBindingAgainstTheEmbeddedServer() {
        try (StunServer s = StunServer.start(new java.net.InetSocketAddress("127.0.0.1", 0))) {
            Run r = run("stun", "binding", "127.0.0.1:" + s.localAddress().getPort());
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out().trim()).startsWith("127.0.0.1:");
        }
    }

    @Test
    void unknownCommandIsAUsageError() {
        assertThat(run("frobnicate").code()).isEqualTo(2);
    }

    @Test
    void turnAllocateThroughTheEmbeddedTurnServer() throws Exception {
        TurnServerConfig config = TurnServerConfig.builder("test").user("alice", "s3cret")
                .relayAddress(InetAddress.getLoopbackAddress()).build();
        try (TurnServer server = TurnServer.start(config, new InetSocketAddress("127.0.0.1", 0))) {
            String address = "127.0.0.1:" + server.udpAddress().getPort();
            Run ok = run("turn", "allocate", address, "--user", "alice", "--password", "s3cret");
            assertThat(ok.code()).as(ok.err()).isZero();
            assertThat(ok.out()).startsWith("relayed 127.0.0.1:").contains("lifetime");
            Run tcp = run("turn", "allocate", "127.0.0.1:" + server.tcpAddress().getPort(), "--user", "alice",
                    "--password", "s3cret", "--transport", "tcp");
            assertThat(tcp.code()).as(tcp.err()).isZero();
            assertThat(tcp.out()).contains("(tcp)");
            Run wrong = run("turn", "allocate", address, "--user", "alice", "--password", "nope", "--timeout", "3");
            assertThat(wrong.code()).isEqualTo(1);
            assertThat(wrong.err()).startsWith("turn allocate: ");
        }
    }

    @Test
    void badArgumentsGiveExitCodeTwoAndSayWhatIsWrong() {
        Run r = run("turn", "allocate", "no-port-here", "--user", "a", "--password", "b");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("expected HOST:PORT");
        Run server = run("turn-server", "--seconds", "1");
        assertThat(server.code()).isEqualTo(2);
        assertThat(server.err()).contains("--user USER:PASSWORD or --secret");
        assertThat(run("bench", "--mib", "0").code()).isEqualTo(2);
        Run both = run("viewer", "--channel", "c", "--endpoint", "http://127.0.0.1:9", "--relay-only", "--no-relay");
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("--relay-only and --no-relay exclude each other");
        Run stun = run("master", "--channel", "c", "--endpoint", "http://127.0.0.1:9", "--stun", "no-port");
        assertThat(stun.code()).isEqualTo(2);
        assertThat(stun.err()).contains("--stun: expected HOST:PORT");
        Run turn = run("signaling-server", "--turn", "turn:127.0.0.1:3478?transport=udp");
        assertThat(turn.code()).isEqualTo(2);
        assertThat(turn.err()).contains("--turn and --turn-secret go together");
        assertThat(run("no-such-command").code()).isEqualTo(2);
    }

    @Test
    void benchPrintsSetupTimeAndThroughput() {
        Run r = run("bench", "--mib", "4");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("setup: createOffer -> channel open").containsPattern("= \\d+ Mbit/s");
    }

    @Test
    void masterAndViewerMeetOnALocalSignalingServer() throws Exception {
        try (LocalKvsServer signaling = LocalKvsServer.start(LocalKvsConfig.builder().build())) {
            String endpoint = signaling.httpEndpoint().toString();
            Thread master = new Thread(() -> new CommandLine(new WebrtcCli()).execute("master", "--channel", "cli",
                    "--endpoint", endpoint, "--create-channel", "--loopback", "--seconds", "40"), "cli-master");
            master.setDaemon(true);
            master.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!signaling.masterConnected(channelArn(signaling, "cli")) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Run viewer = run("viewer", "--channel", "cli", "--endpoint", endpoint, "--loopback", "--seconds", "3");
            assertThat(viewer.code()).as(viewer.out() + viewer.err()).isZero();
            assertThat(viewer.out()).contains("viewer: connected").contains("[ 3s] video H264");
            master.interrupt();
        }
    }

    /**
     * The signaling server hands out a TURN server (as KVS does) and the camera uses it; a viewer with
     * {@code --no-relay --host 127.0.0.1 --stun ...} ignores it: no relay candidate, a host pair. (On loopback the
     * STUN mapping equals the host address, so no server-reflexive candidate either: RFC 8445 §5.1.3.)
     */
    @Test
    void noRelayViewerIgnoresTheTurnServerSignalingHandsOut() throws Exception {
        TurnServerConfig turnConfig = TurnServerConfig.builder("test").restSecret("cli-secret")
                .relayAddress(InetAddress.getLoopbackAddress()).allowLoopbackPeers(true).build();
        try (TurnServer turn = TurnServer.start(turnConfig, new InetSocketAddress("127.0.0.1", 0));
             LocalKvsServer signaling = LocalKvsServer.start(LocalKvsConfig.builder().turn(java.util.List.of(
                     "turn:127.0.0.1:" + turn.udpAddress().getPort() + "?transport=udp"), "cli-secret").build())) {
            String endpoint = signaling.httpEndpoint().toString();
            Thread master = new Thread(() -> new CommandLine(new WebrtcCli()).execute("master", "--channel", "turn",
                    "--endpoint", endpoint, "--create-channel", "--loopback", "--seconds", "40"), "cli-master");
            master.setDaemon(true);
            master.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!signaling.masterConnected(channelArn(signaling, "turn")) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Run viewer = run("viewer", "--channel", "turn", "--endpoint", endpoint, "--host", "127.0.0.1",
                    "--stun", "127.0.0.1:" + turn.udpAddress().getPort(), "--no-relay", "--seconds", "2");
            assertThat(viewer.code()).as(viewer.out() + viewer.err()).isZero();
            assertThat(viewer.out()).contains("(no relay)").contains("viewer: local candidate host 127.0.0.1:")
                    .doesNotContain("local candidate relay").containsPattern("pair host 127\\.0\\.0\\.1:\\d+ -> ");
            master.interrupt();
        }
    }

    private static String channelArn(LocalKvsServer s, String name) {
        try (var kvs = software.amazon.awssdk.services.kinesisvideo.KinesisVideoClient.builder()
                .region(software.amazon.awssdk.regions.Region.US_WEST_2).endpointOverride(s.httpEndpoint())
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
                                LocalKvsConfig.EXAMPLE_ACCESS_KEY, LocalKvsConfig.EXAMPLE_SECRET_KEY))).build()) {
            return kvs.describeSignalingChannel(r -> r.channelName(name)).channelInfo().channelARN();
        } catch (RuntimeException e) {
            return "";
        }
    }
}
