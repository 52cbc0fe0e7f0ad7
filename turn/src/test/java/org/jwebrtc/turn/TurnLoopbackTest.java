package org.jwebrtc.turn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jwebrtc.testsupport.Loopback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** NettyTurnClient ↔ TurnServer over real sockets on 127.0.0.1, relaying to a UDP echo peer. */
class TurnLoopbackTest {
    static final String SECRET = "rest-secret";
    TurnServer server;
    UdpEcho echo;

    @BeforeEach
    void start() throws Exception {
        server = TurnServer.start(TurnServerConfig.builder("jwebrtc.test").user("alice", "wonderland")
                .restSecret(SECRET).allowLoopbackPeers(true).maxAllocationsPerUser(2).build(),
                new InetSocketAddress(Loopback.ipv4(), 0));
        echo = new UdpEcho();
    }

    @AfterEach
    void stop() throws Exception {
        echo.close();
        server.close();
    }

    InetSocketAddress serverAddress(TurnTransport t) {
        return Loopback.require(t == TurnTransport.UDP ? server.udpAddress() : server.tcpAddress());
    }

    @ParameterizedTest
    @EnumSource(value = TurnTransport.class, names = {"UDP", "TCP"})
    void relaysThroughIndicationsAndChannels(TurnTransport transport) throws Exception {
        try (NettyTurnClient c = NettyTurnClient.create(
                TurnClientConfig.of(serverAddress(transport), transport, "alice", "wonderland"))) {
            LinkedBlockingQueue<String> got = new LinkedBlockingQueue<>();
            c.onData((peer, data) -> got.add(peer.getPort() + ":" + new String(data, StandardCharsets.UTF_8)));
            TurnEvent.Allocated a = c.allocate().get(10, TimeUnit.SECONDS);
            assertThat(a.relayed().getAddress()).isEqualTo(Loopback.ipv4());
            assertThat(a.mapped()).isEqualTo(c.localAddress());

            c.createPermission(echo.address().getAddress()).get(10, TimeUnit.SECONDS);
            c.send(echo.address(), "via send indication".getBytes(StandardCharsets.UTF_8));
            assertThat(got.poll(10, TimeUnit.SECONDS)).isEqualTo(echo.address().getPort() + ":via send indication");

            int ch = c.bindChannel(echo.address()).get(10, TimeUnit.SECONDS);
            assertThat(ch).isBetween(0x4000, 0x4FFF);
            for (int i = 0; i < 20; i++) { // odd lengths exercise the stream padding
                c.send(echo.address(), ("x".repeat(i) + "|" + i).getBytes(StandardCharsets.UTF_8));
            }
            for (int i = 0; i < 20; i++) {
                assertThat(got.poll(10, TimeUnit.SECONDS)).endsWith("|" + i);
            }
            c.deallocate().get(10, TimeUnit.SECONDS);
        }
        assertThat(server.stats().relayedToPeers()).isEqualTo(21);
        assertThat(server.stats().relayedToClients()).isEqualTo(21);
        assertThat(server.stats().activeAllocations()).isZero();
    }

    @Test
    void restCredentialsAllocateUntilTheyExpire() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        String user = TurnRestCredentials.username(now + 3600, "carol");
        try (NettyTurnClient c = NettyTurnClient.create(TurnClientConfig.of(serverAddress(TurnTransport.UDP),
                TurnTransport.UDP, user, TurnRestCredentials.password(SECRET, user)))) {
            assertThat(c.allocate().get(10, TimeUnit.SECONDS).relayed()).isNotNull();
        }
        String expired = TurnRestCredentials.username(now - 10, "carol");
        try (NettyTurnClient c = NettyTurnClient.create(TurnClientConfig.of(serverAddress(TurnTransport.UDP),
                TurnTransport.UDP, expired, TurnRestCredentials.password(SECRET, expired)))) {
            assertFailsWith(c, 401);
        }
        assertThat(server.stats().expiredCredentials()).isEqualTo(1);
    }

    @Test
    void badPasswordIsRefused() throws Exception {
        try (NettyTurnClient c = NettyTurnClient.create(TurnClientConfig.of(serverAddress(TurnTransport.TCP),
                TurnTransport.TCP, "alice", "not-it"))) {
            assertFailsWith(c, 401);
        }
        assertThat(server.stats().authFailures()).isEqualTo(1);
    }

    @Test
    void quotaAndPermissionsAreEnforced() throws Exception {
        try (NettyTurnClient c1 = client(); NettyTurnClient c2 = client(); NettyTurnClient c3 = client()) {
            c1.allocate().get(10, TimeUnit.SECONDS);
            c2.allocate().get(10, TimeUnit.SECONDS);
            assertFailsWith(c3, 486);
            assertThat(server.stats().quotaRejections()).isEqualTo(1);

            // no permission: the server drops what the client sends and what the peer sends
            LinkedBlockingQueue<byte[]> got = new LinkedBlockingQueue<>();
            c1.onData((p, d) -> got.add(d));
            c1.send(echo.address(), new byte[] {1});
            TurnEvent.Allocated a = c1.allocate().get();
            try (java.net.DatagramSocket s = new java.net.DatagramSocket(new InetSocketAddress(Loopback.ipv4(), 0))) {
                s.send(new java.net.DatagramPacket(new byte[] {2}, 1, a.relayed()));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (server.stats().permissionDrops() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(server.stats().permissionDrops()).isEqualTo(2);
            assertThat(got).isEmpty();
        }
    }

    private NettyTurnClient client() {
        return NettyTurnClient.create(TurnClientConfig.of(serverAddress(TurnTransport.UDP), TurnTransport.UDP,
                "alice", "wonderland"));
    }

    private static void assertFailsWith(NettyTurnClient c, int code) {
        assertThatThrownBy(() -> c.allocate().get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(TurnFailure.class)
                .satisfies(t -> assertThat(((TurnFailure) t).code()).isEqualTo(code));
    }
}
