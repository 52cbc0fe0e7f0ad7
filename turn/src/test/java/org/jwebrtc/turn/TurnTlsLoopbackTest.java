package org.jwebrtc.turn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.jwebrtc.testsupport.Loopback;
import org.junit.jupiter.api.Test;

/** TURN over TLS (RFC 8656 §3.1) between NettyTurnClient and TurnServer, certificate made by the JDK's keytool. */
class TurnTlsLoopbackTest {

    @Test
    void allocatesAndRelaysOverTls() throws Exception {
        char[] pw = "changeit".toCharArray();
        Path dir = Files.createTempDirectory("turn-tls");
        Path ks = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "turn", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", ks.toString(),
                "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        keytool.getInputStream().readAllBytes();
        assertThat(keytool.waitFor()).isZero();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(ks)) {
            store.load(in, pw);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, pw);
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(kmf.getKeyManagers(), null, null);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext clientTls = SSLContext.getInstance("TLS");
        clientTls.init(null, tmf.getTrustManagers(), null);

        try (TurnServer server = TurnServer.start(TurnServerConfig.builder("tls.test").user("u", "p")
                        .allowLoopbackPeers(true).build(), new InetSocketAddress(Loopback.ipv4(), 0),
                new InetSocketAddress(Loopback.ipv4(), 0), serverTls);
             UdpEcho echo = new UdpEcho()) {
            InetSocketAddress tls = Loopback.require(server.tlsAddress().orElseThrow());
            try (NettyTurnClient c = NettyTurnClient.create(TurnClientConfig.of(tls, TurnTransport.TLS, "u", "p"),
                    clientTls)) {
                LinkedBlockingQueue<String> got = new LinkedBlockingQueue<>();
                c.onData((peer, data) -> got.add(new String(data, StandardCharsets.UTF_8)));
                assertThat(c.allocate().get(20, TimeUnit.SECONDS).relayed()).isNotNull();
                c.bindChannel(echo.address()).get(20, TimeUnit.SECONDS);
                c.send(echo.address(), "over tls".getBytes(StandardCharsets.UTF_8));
                assertThat(got.poll(20, TimeUnit.SECONDS)).isEqualTo("over tls");
            }
            assertThat(server.stats().relayedToClients()).isEqualTo(1);
        }
    }
}
