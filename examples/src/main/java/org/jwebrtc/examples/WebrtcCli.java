package org.jwebrtc.examples;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jwebrtc.sdp.MediaDescription;
import org.jwebrtc.sdp.RtpMap;
import org.jwebrtc.sdp.Sdp;
import org.jwebrtc.sdp.SdpException;
import org.jwebrtc.sdp.SessionDescription;
import org.jwebrtc.signaling.kvs.server.LocalKvsConfig;
import org.jwebrtc.signaling.kvs.server.LocalKvsServer;
import org.jwebrtc.stun.StunAttribute;
import org.jwebrtc.stun.StunException;
import org.jwebrtc.stun.StunMessage;
import org.jwebrtc.stun.XorMappedAddress;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The {@code webrtc} command line: the local demo and tools over the stack's modules. Exit 0 ok, 1 failed (bad input, no answer), 2 usage error. */
@Command(name = "webrtc", mixinStandardHelpOptions = true, version = "jwebrtc 0.1.0-SNAPSHOT",
        description = "Pure-Java WebRTC stack: local demo and tools.",
        subcommands = {WebrtcCli.Demo.class, WebrtcCli.SdpCommand.class, WebrtcCli.StunCommand.class,
                TurnCommands.Turn.class, WebrtcCli.SignalingServer.class, TurnCommands.Server.class,
                KvsCommands.Master.class, KvsCommands.Viewer.class, BenchCommand.class})
public final class WebrtcCli {
    public static void main(String[] args) {
        System.exit(new CommandLine(new WebrtcCli()).execute(args));
    }

    @Command(name = "demo", description = "Camera-to-viewer demo on embedded KVS signaling and STUN (loopback).")
    static final class Demo implements Callable<Integer> {
        @Option(names = "--seconds", defaultValue = "5", description = "How long to stream (default 5).")
        int seconds;
        @Option(names = "--real-interfaces", description = "Gather on real interfaces instead of loopback only.")
        boolean realInterfaces;
        @Option(names = "--page-port", defaultValue = "0",
                description = "Port of the browser viewer page on 127.0.0.1 (default: any free port).")
        int pagePort;
        @Option(names = "--no-page", description = "Do not serve the browser viewer page.")
        boolean noPage;
        @Option(names = "--video-codec", defaultValue = "H264", description = "H264 (default) or VP8.")
        String videoCodec;
        @Option(names = "--relay-only", description = "Relay candidates only: everything crosses the embedded TURN.")
        boolean relayOnly;

        @Override
        public Integer call() throws Exception {
            LocalDemo demo = new LocalDemo(System.out, Duration.ofSeconds(seconds), realInterfaces)
                    .withVideoCodec(videoCodec).withRelayOnly(relayOnly);
            if (!noPage) {
                demo.withViewerPage(new InetSocketAddress(InetAddress.getLoopbackAddress(), pagePort), uri -> { });
            }
            long frames = demo.run();
            return frames > 0 ? 0 : 1;
        }
    }

    @Command(name = "sdp", description = "Parse or validate SDP.", subcommands = {SdpParse.class, SdpValidate.class})
    static final class SdpCommand {
    }

    @Command(name = "parse", description = "Print an SDP file's model as JSON.")
    static final class SdpParse implements Callable<Integer> {
        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() throws IOException {
            try {
                System.out.println(JsonOut.write(summary(Sdp.parse(Files.readString(file)))));
                return 0;
            } catch (SdpException e) {
                System.err.println(file + ": " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "validate", description = "Check an SDP file strictly (CRLF, grammar); prints the first error.")
    static final class SdpValidate implements Callable<Integer> {
        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() throws IOException {
            try {
                SessionDescription sd = Sdp.parse(Files.readString(file), Sdp.Mode.STRICT);
                System.out.println(file + ": valid, " + sd.media().size() + " m-sections");
                return 0;
            } catch (SdpException e) {
                System.err.println(file + ": " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "stun", description = "STUN tools.", subcommands = {StunBinding.class})
    static final class StunCommand {
    }

    @Command(name = "binding", description = "Send a Binding request and print the XOR-MAPPED-ADDRESS.")
    static final class StunBinding implements Callable<Integer> {
        @Parameters(paramLabel = "HOST:PORT")
        String target;

        @Override
        public Integer call() throws IOException {
            int colon = target.lastIndexOf(':');
            if (colon < 0) {
                System.err.println("expected HOST:PORT, got " + target);
                return 1;
            }
            InetSocketAddress server = new InetSocketAddress(InetAddress.getByName(target.substring(0, colon)),
                    Integer.parseInt(target.substring(colon + 1)));
            try (DatagramSocket socket = new DatagramSocket()) {
                socket.setSoTimeout(500);
                StunMessage request = StunMessage.of(org.jwebrtc.stun.StunClass.REQUEST, org.jwebrtc.stun.StunMethod.BINDING,
                        org.jwebrtc.stun.TransactionId.random(new SecureRandom()));
                byte[] bytes = request.toBytes(null, true);
                byte[] buf = new byte[1500];
                for (int attempt = 0; attempt < 4; attempt++) {
                    socket.send(new DatagramPacket(bytes, bytes.length, server));
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    try {
                        socket.receive(p);
                    } catch (java.net.SocketTimeoutException e) {
                        continue;
                    }
                    StunMessage response = StunMessage.parse(buf, 0, p.getLength());
                    for (StunAttribute a : response.attributes()) {
                        if (a instanceof XorMappedAddress x) {
                            System.out.println(x.address().getAddress().getHostAddress() + ":" + x.address().getPort());
                            return 0;
                        }
                    }
                    System.err.println("response without XOR-MAPPED-ADDRESS: " + response);
                    return 1;
                } 
                System.err.println("no answer from " + server);
                return 1;
            } catch (StunException e) {
                System.err.println("bad response: " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "signaling-server", description = "Run the KVS-compatible signaling server until interrupted.")
    static final class SignalingServer implements Callable<Integer> {
        @Option(names = "--port", defaultValue = "0")
        int port;
        @Option(names = "--bind", defaultValue = "127.0.0.1")
        String bind;
        @Option(names = "--turn", paramLabel = "URI", description = "TURN server GetIceServerConfig hands out, e.g. "
                + "turn:127.0.0.1:3478?transport=udp (repeatable; needs --turn-secret).")
        List<String> turn = new ArrayList<>();
        @Option(names = "--turn-secret", paramLabel = "SECRET", description = "TURN REST shared secret of those "
                + "servers (webrtc turn-server --secret): clients get time-limited credentials, as on KVS.")
        String turnSecret;

        @Override
        public Integer call() throws Exception {
            if (turn.isEmpty() != (turnSecret == null)) {
                System.err.println("signaling-server: --turn and --turn-secret go together");
                return 2;
            }
            LocalKvsConfig.Builder config = LocalKvsConfig.builder()
                    .bind(new InetSocketAddress(InetAddress.getByName(bind), port));
            if (!turn.isEmpty()) {
                config.turn(turn, turnSecret);
            }
            try (LocalKvsServer s = LocalKvsServer.start(config.build())) {
                System.out.println("KVS-compatible signaling on " + s.httpEndpoint() + " (credentials "
                        + LocalKvsConfig.EXAMPLE_ACCESS_KEY + " / the AWS docs' example secret)"
                        + (turn.isEmpty() ? "" : ", TURN " + String.join(" ", turn)));
                new CountDownLatch(1).await();
            }
            return 0;
        }
    }

    static Map<String, Object> summary(SessionDescription sd) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", sd.version());
        m.put("origin", sd.origin().address());
        m.put("bundle", sd.bundleGroup().map(g -> (Object) g.mids()).orElse(null));
        List<Object> media = new ArrayList<>();
        for (MediaDescription md : sd.media()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("media", md.media());
            x.put("protocol", md.protocol());
            x.put("mid", md.mid().orElse(null));
            x.put("direction", sd.direction(md).toString());
            List<Object> codecs = new ArrayList<>();
            for (RtpMap r : md.rtpMaps()) {
                codecs.add(r.payloadType() + " " + r.encodingName() + "/" + r.clockRate()
                        + (r.channels().isPresent() ? "/" + r.channels().getAsInt() : ""));
            }
            x.put("codecs", codecs);
            x.put("candidates", md.candidates().size());
            media.add(x);
        }
        m.put("media", media);
        return m;
    }
}
