package org.jwebrtc.peerconnection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.jwebrtc.testsupport.ExternalProcess;
import org.jwebrtc.testsupport.Loopback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two Java peers on iceTransportPolicy RELAY through coturn's turnserver on 127.0.0.1, over UDP, over TCP (RFC 8656
 * §3.1, §12.5 framing) and over TLS (a self-signed certificate made with openssl): allocations, permissions, channel
 * binding and the whole ICE/DTLS/SCTP exchange through a third-party TURN server.
 */
class CoturnRelayIT {
    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    /** Starts turnserver on 127.0.0.1:{@code port} with alice/wonderland; {@code extra} picks the listeners. */
    private int startCoturn(List<String> extra) throws Exception {
        Path turnserver = ExternalProcess.which("turnserver").orElse(null);
        assumeTrue(turnserver != null, "coturn's turnserver is not installed");
        int port = Loopback.freeUdpPort();
        if (port > 60_000) {
            port = 40_000 + (port % 10_000);   // relays take the next 200 ports
        }
        Path dir = Files.createTempDirectory("pc-coturn");
        List<String> args = new ArrayList<>(List.of(turnserver.toString(), "-n",
                "--listening-ip=127.0.0.1", "--listening-port=" + port, "--relay-ip=127.0.0.1",
                "--min-port=" + (port + 2), "--max-port=" + (port + 200),
                "--no-dtls", "--no-cli", "--allow-loopback-peers", "--realm=jwebrtc.test",
                "--log-file=stdout", "--simple-log", "--pidfile=" + dir.resolve("turnserver.pid"),
                "--userdb=" + dir.resolve("turndb"), "--lt-cred-mech", "--user=alice:wonderland"));
        String tlsPort = Integer.toString(port + 1);
        args.addAll(extra.stream().map(a -> a.replace("{tls-port}", tlsPort)).toList());
        ExternalProcess coturn = ExternalProcess.start("turnserver", args);
        open.add(coturn);
        coturn.awaitLine(l -> l.contains("Total General servers"), Duration.ofSeconds(20));
        Thread.sleep(300);   // the listeners bind right after that line
        return port;
    }

    @Test
    void relayPolicyPeersConnectThroughCoturnAndEcho() throws Exception {
        int port = startCoturn(List.of("--no-tls", "--no-tcp"));
        TurnRelayDataChannelTest.connectAndEcho(new InetSocketAddress(Loopback.ipv4(), port), "alice", "wonderland",
                open);
    }

    @Test
    void relayPolicyPeersConnectThroughCoturnOverTcpAndEcho() throws Exception {
        // no UDP listener at all: only the TCP connections can carry the allocations
        int port = startCoturn(List.of("--no-tls", "--no-udp"));
        String url = "turn:127.0.0.1:" + port + "?transport=tcp";
        PeerConnection[] peers = TurnRelayDataChannelTest.connectAndEcho(relayOnly(url), open);
        for (PeerConnection p : peers) {
            RtcStats local = p.getStats().get(10, TimeUnit.SECONDS).ofType("local-candidate").get(0);
            assertThat(local.getString("relayProtocol")).isEqualTo("tcp");
            assertThat(local.getString("url")).isEqualTo(url);
        }
    }

    @Test
    void relayPolicyPeersConnectThroughCoturnOverTlsAndEcho() throws Exception {
        Path openssl = ExternalProcess.which("openssl").orElse(null);
        assumeTrue(openssl != null, "openssl is not installed");
        Path dir = Files.createTempDirectory("pc-coturn-tls");
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Process p = new ProcessBuilder(openssl.toString(), "req", "-x509", "-newkey", "ec", "-pkeyopt",
                "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key.toString(), "-out", cert.toString(),
                "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1")
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).isZero();
        int port = startCoturn(List.of("--no-udp", "--tls-listening-port={tls-port}", "--cert=" + cert,
                "--pkey=" + key));
        String url = "turns:127.0.0.1:" + (port + 1) + "?transport=tcp";
        PeerConnection[] peers = TurnRelayDataChannelTest.connectAndEcho(relayOnly(url)
                .withTurnTlsContext(trusting(cert)), open);
        for (PeerConnection pc : peers) {
            RtcStats local = pc.getStats().get(10, TimeUnit.SECONDS).ofType("local-candidate").get(0);
            assertThat(local.getString("relayProtocol")).isEqualTo("tls");
        }
    }

    private static PeerConnectionConfig relayOnly(String url) {
        return PeerConnectionConfig.loopback()
                .withIceServers(List.of(IceServerConfig.turn(url, "alice", "wonderland")))
                .withIceTransportPolicy(IceTransportPolicy.RELAY);
    }

    private static SSLContext trusting(Path pem) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(pem)) {
            store.setCertificateEntry("coturn", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        return SelfSignedTls.trusting(store);
    }
}
