package org.jwebrtc.turn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jwebrtc.testsupport.ExternalProcess;
import org.jwebrtc.testsupport.Loopback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Our TURN client against coturn's turnserver on 127.0.0.1 (static long-term user and TURN REST
 * secret), relaying to a loopback UDP echo peer over Send/Data indications and ChannelData, with
 * the client on UDP and on TCP. Loopback only: passes inside {@code unshare -n} too.
 */
class CoturnTurnIT {
    static final String REALM = "jwebrtc.test";
    static final String SECRET = "coturn-rest-secret";

    /** Starts turnserver on a free port with {@code auth} options; returns it and its port. */
    private static ExternalProcess coturn(int port, List<String> auth) throws Exception {
        Path turnserver = ExternalProcess.which("turnserver").orElse(null);
        assumeTrue(turnserver != null, "coturn's turnserver is not installed");
        Path dir = Files.createTempDirectory("turn-coturn");
        List<String> cmd = new ArrayList<>(List.of(turnserver.toString(), "-n",
                "--listening-ip=127.0.0.1", "--listening-port=" + port, "--relay-ip=127.0.0.1",
                "--min-port=" + (port + 1), "--max-port=" + (port + 200),
                "--no-tls", "--no-dtls", "--no-cli", "--allow-loopback-peers", "--realm=" + REALM,
                "--log-file=stdout", "--simple-log", "--pidfile=" + dir.resolve("turnserver.pid"),
                "--userdb=" + dir.resolve("turndb")));
        cmd.addAll(auth);
        ExternalProcess p = ExternalProcess.start("turnserver", cmd);
        p.awaitLine(l -> l.contains("Total General servers"), Duration.ofSeconds(20));
        Thread.sleep(300); // the listeners bind right after that line
        return p;
    }

    private static int freePortPair() {
        // UDP and TCP on the same number, relays on the next 200
        for (int i = 0; i < 20; i++) {
            int port = Loopback.freeUdpPort();
            if (port < 60000) {
                try (java.net.ServerSocket s = new java.net.ServerSocket(port, 1, Loopback.ipv4())) {
                    return port;
                } catch (java.io.IOException taken) {
                    // try another
                }
            }
        }
        throw new IllegalStateException("no free port pair");
    }

    @ParameterizedTest
    @EnumSource(value = TurnTransport.class, names = {"UDP", "TCP"})
    void relaysToALoopbackPeerThroughCoturnWithAStaticUser(TurnTransport transport) throws Exception {
        int port = freePortPair();
        try (ExternalProcess p = coturn(port, List.of("--lt-cred-mech", "--user=alice:wonderland"));
             UdpEcho echo = new UdpEcho()) {
            relay(new InetSocketAddress(Loopback.ipv4(), port), transport, "alice", "wonderland", echo);
        }
    }

    @ParameterizedTest
    @EnumSource(value = TurnTransport.class, names = {"UDP", "TCP"})
    void relaysWithTurnRestCredentials(TurnTransport transport) throws Exception {
        int port = freePortPair();
        try (ExternalProcess p = coturn(port, List.of("--use-auth-secret", "--static-auth-secret=" + SECRET));
             UdpEcho echo = new UdpEcho()) {
            String user = TurnRestCredentials.username(System.currentTimeMillis() / 1000 + 600, "bob");
            relay(new InetSocketAddress(Loopback.ipv4(), port), transport, user,
                    TurnRestCredentials.password(SECRET, user), echo);
            String expired = TurnRestCredentials.username(System.currentTimeMillis() / 1000 - 600, "bob");
            try (NettyTurnClient c = NettyTurnClient.create(TurnClientConfig.of(
                    new InetSocketAddress(Loopback.ipv4(), port), transport, expired,
                    TurnRestCredentials.password(SECRET, expired)))) {
                assertThatThrownBy(() -> c.allocate().get(20, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class).cause().isInstanceOf(TurnFailure.class)
                        .satisfies(t -> assertThat(((TurnFailure) t).code()).isEqualTo(401));
            }
        }
    }

    @Test
    void wrongPasswordIsRefusedByCoturn() throws Exception {
        int port = freePortPair();
        try (ExternalProcess p = coturn(port, List.of("--lt-cred-mech", "--user=alice:wonderland"));
             NettyTurnClient c = NettyTurnClient.create(TurnClientConfig.of(
                     new InetSocketAddress(Loopback.ipv4(), port), TurnTransport.UDP, "alice", "nope"))) {
            assertThatThrownBy(() -> c.allocate().get(20, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(TurnFailure.class)
                    .satisfies(t -> assertThat(((TurnFailure) t).code()).isEqualTo(401));
        }
    }

    private static void relay(InetSocketAddress server, TurnTransport transport, String user, String password,
                              UdpEcho echo) throws Exception {
        try (NettyTurnClient c = NettyTurnClient.create(TurnClientConfig.of(server, transport, user, password))) {
            LinkedBlockingQueue<String> got = new LinkedBlockingQueue<>();
            c.onData((peer, data) -> got.add(peer + " " + new String(data, StandardCharsets.UTF_8)));
            TurnEvent.Allocated a = c.allocate().get(20, TimeUnit.SECONDS);
            assertThat(a.relayed().getAddress()).isEqualTo(Loopback.ipv4());
            assertThat(a.mapped()).isEqualTo(c.localAddress());

            c.createPermission(echo.address().getAddress()).get(20, TimeUnit.SECONDS);
            c.send(echo.address(), "indication".getBytes(StandardCharsets.UTF_8));
            assertThat(got.poll(20, TimeUnit.SECONDS)).isEqualTo(echo.address() + " indication");

            int ch = c.bindChannel(echo.address()).get(20, TimeUnit.SECONDS);
            assertThat(ch).isEqualTo(0x4000);
            for (int i = 0; i < 10; i++) {
                c.send(echo.address(), ("channel-" + "y".repeat(i)).getBytes(StandardCharsets.UTF_8));
            }
            for (int i = 0; i < 10; i++) {
                assertThat(got.poll(20, TimeUnit.SECONDS)).isEqualTo(echo.address() + " channel-" + "y".repeat(i));
            }
            c.deallocate().get(20, TimeUnit.SECONDS);
        }
    }
}
