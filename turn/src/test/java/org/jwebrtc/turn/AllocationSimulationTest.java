package org.jwebrtc.turn;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A sans-IO client against the sans-IO server on a virtual clock: no sockets, no sleeping. */
class AllocationSimulationTest {
    static final InetSocketAddress SERVER = new InetSocketAddress(InetAddress.getLoopbackAddress(), 3478);
    static final InetSocketAddress CLIENT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 40000);
    static final InetSocketAddress PEER = new InetSocketAddress(InetAddress.getLoopbackAddress(), 9000);
    static final long S = 1_000_000_000L;

    final FakeRelays relays = new FakeRelays();
    long now = 1_000 * S;
    long unix = 1_700_000_000L;
    TurnServerCore server;
    TurnClient client;
    final List<TurnEvent> events = new ArrayList<>();
    final List<byte[]> toPeer = new ArrayList<>();
    TurnTransport transport = TurnTransport.UDP;

    void setUp(TurnServerConfig.Builder b, String user, String password, Duration lifetime) {
        server = new TurnServerCore(b.allowLoopbackPeers(true).unixSeconds(() -> unix).build(), relays,
                new SplittableRandom(1));
        client = new TurnClient(TurnClientConfig.of(SERVER, transport, user, password).withLifetime(lifetime),
                new SplittableRandom(2));
    }

    /** Moves every pending message both ways until both sides are quiet. */
    void pump() {
        boolean moved = true;
        while (moved) {
            moved = false;
            byte[] out;
            while ((out = client.pollTransmit()) != null) {
                moved = true;
                int r = server.handleClientInput(now, transport, CLIENT, out, 0, out.length);
                if (r == TurnServerCore.RELAY) {
                    toPeer.add(java.util.Arrays.copyOfRange(out, server.relayOffset(),
                            server.relayOffset() + server.relayLength()));
                }
            }
            ServerTransmit t;
            while ((t = server.pollTransmit()) != null) {
                moved = true;
                client.handleInput(now, t.data(), 0, t.data().length);
            }
            TurnEvent e;
            while ((e = client.pollEvent()) != null) {
                events.add(e);
            }
        }
    }

    /** Advances the clock to the next deadline of either side, at most to {@code until}. */
    void runUntil(long until) {
        while (true) {
            long next = Math.min(client.pollTimeout(), server.pollTimeout());
            if (next > until) {
                now = until;
                return;
            }
            now = Math.max(now, next);
            client.handleTimeout(now);
            server.handleTimeout(now);
            pump();
        }
    }

    <T extends TurnEvent> T last(Class<T> type) {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (type.isInstance(events.get(i))) {
                return type.cast(events.get(i));
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + events);
    }

    @Test
    void allocatesAfterTheChallengeAndRelaysBothWays() {
        setUp(TurnServerConfig.builder("example.org").user("alice", "secret"), "alice", "secret", Duration.ofMinutes(10));
        client.start(now);
        pump();
        TurnEvent.Allocated a = last(TurnEvent.Allocated.class);
        assertThat(a.relayed()).isEqualTo(new InetSocketAddress(InetAddress.getLoopbackAddress(), 50000));
        assertThat(a.mapped()).isEqualTo(CLIENT);
        assertThat(a.lifetimeSeconds()).isEqualTo(600);
        assertThat(server.stats().challenges()).isEqualTo(1);

        // Send indication before any permission: dropped and counted
        client.send(now, PEER, "early".getBytes(StandardCharsets.UTF_8), 0, 5);
        pump();
        assertThat(toPeer).isEmpty();
        assertThat(server.stats().permissionDrops()).isEqualTo(1);

        client.createPermission(now, PEER.getAddress());
        pump();
        assertThat(last(TurnEvent.PermissionCreated.class).peers()).containsExactly(PEER.getAddress());
        client.send(now, PEER, "hello".getBytes(StandardCharsets.UTF_8), 0, 5);
        pump();
        assertThat(toPeer).hasSize(1);
        assertThat(new String(toPeer.get(0), StandardCharsets.UTF_8)).isEqualTo("hello");

        // peer → client as a Data indication
        byte[] dst = new byte[100];
        int n = server.handlePeerInput(now, a.relayed(), PEER, "pong".getBytes(StandardCharsets.UTF_8), 0, 4, dst, 0);
        client.handleInput(now, dst, 0, n);
        pump();
        assertThat(last(TurnEvent.DataReceived.class).data()).asString(StandardCharsets.UTF_8).isEqualTo("pong");

        int channel = client.bindChannel(now, PEER);
        pump();
        assertThat(last(TurnEvent.ChannelBound.class).channel()).isEqualTo(channel).isEqualTo(0x4000);
        client.send(now, PEER, "viachan".getBytes(StandardCharsets.UTF_8), 0, 7);
        byte[] out = client.pollTransmit();
        assertThat(ChannelData.isChannelData(out, 0, out.length)).isTrue();
        assertThat(server.handleClientInput(now, transport, CLIENT, out, 0, out.length)).isEqualTo(TurnServerCore.RELAY);
        assertThat(server.relayLength()).isEqualTo(7);
        n = server.handlePeerInput(now, a.relayed(), PEER, "back".getBytes(StandardCharsets.UTF_8), 0, 4, dst, 0);
        assertThat(n).isEqualTo(8); // ChannelData over UDP: no padding
        client.handleInput(now, dst, 0, n);
        pump();
        assertThat(last(TurnEvent.DataReceived.class).data()).asString(StandardCharsets.UTF_8).isEqualTo("back");

        client.close(now);
        pump();
        assertThat(events).last().isInstanceOf(TurnEvent.Deallocated.class);
        assertThat(relays.released).containsExactly(a.relayed());
        assertThat(server.stats().activeAllocations()).isZero();
    }

    @Test
    void refreshesAllocationPermissionsAndChannelsOnTimeWithoutSleeping() {
        setUp(TurnServerConfig.builder("r").user("u", "p"), "u", "p", Duration.ofMinutes(10));
        client.start(now);
        pump();
        long t0 = now;
        client.createPermission(now, PEER.getAddress());
        client.bindChannel(now, PEER);
        pump();
        // RFC 8656: allocation refresh 60 s before the 600 s lifetime, permissions at 240 s
        assertThat(client.pollTimeout()).isEqualTo(t0 + 240 * S);
        int sends = 0;
        runUntil(t0 + 3600 * S);
        assertThat(events.stream().filter(e -> e instanceof TurnEvent.Refreshed)).hasSize(6); // 540, 1080, …, 3240
        assertThat(server.stats().activeAllocations()).isEqualTo(1);
        // still relaying after an hour: permission and channel were kept alive
        client.send(now, PEER, new byte[] {1, 2, 3}, 0, 3);
        byte[] out = client.pollTransmit();
        assertThat(ChannelData.isChannelData(out, 0, out.length)).isTrue();
        assertThat(server.handleClientInput(now, transport, CLIENT, out, 0, out.length)).isEqualTo(TurnServerCore.RELAY);
        assertThat(sends).isZero();
        assertThat(events).noneMatch(e -> e instanceof TurnEvent.Failed);
    }

    @Test
    void staleNonceIsRetriedWithTheNewNonce() {
        setUp(TurnServerConfig.builder("r").user("u", "p").nonceLifetime(Duration.ofSeconds(30)), "u", "p",
                Duration.ofMinutes(10));
        client.start(now);
        pump();
        now += 120 * S; // the nonce from the Allocate challenge is stale now
        client.createPermission(now, PEER.getAddress());
        pump();
        assertThat(server.stats().staleNonces()).isEqualTo(1);
        assertThat(last(TurnEvent.PermissionCreated.class).peers()).containsExactly(PEER.getAddress());
    }

    @Test
    void wrongPasswordFailsTheAllocation() {
        setUp(TurnServerConfig.builder("r").user("u", "p"), "u", "wrong", Duration.ofMinutes(10));
        client.start(now);
        pump();
        TurnEvent.Failed f = last(TurnEvent.Failed.class);
        assertThat(f.operation()).isEqualTo(TurnOperation.ALLOCATE);
        assertThat(f.code()).isEqualTo(401);
        assertThat(client.isClosed()).isTrue();
        assertThat(server.stats().authFailures()).isEqualTo(1);
    }

    @Test
    void restCredentialsWorkUntilTheyExpire() {
        String secret = "north";
        String user = TurnRestCredentials.username(unix + 60, "bob");
        setUp(TurnServerConfig.builder("r").restSecret(secret), user, TurnRestCredentials.password(secret, user),
                Duration.ofMinutes(10));
        client.start(now);
        pump();
        assertThat(last(TurnEvent.Allocated.class)).isNotNull();

        String old = TurnRestCredentials.username(unix - 1, "bob");
        client = new TurnClient(TurnClientConfig.of(SERVER, transport, old, TurnRestCredentials.password(secret, old)),
                new SplittableRandom(3));
        events.clear();
        client.start(now);
        pump();
        assertThat(last(TurnEvent.Failed.class).code()).isEqualTo(401);
        assertThat(server.stats().expiredCredentials()).isEqualTo(1);
    }

    @Test
    void quotaLimitsAllocationsPerUser() {
        setUp(TurnServerConfig.builder("r").user("u", "p").maxAllocationsPerUser(1), "u", "p", Duration.ofMinutes(10));
        client.start(now);
        pump();
        assertThat(last(TurnEvent.Allocated.class)).isNotNull();
        TurnClient second = new TurnClient(TurnClientConfig.of(SERVER, transport, "u", "p"), new SplittableRandom(5));
        InetSocketAddress otherClient = new InetSocketAddress(InetAddress.getLoopbackAddress(), 40001);
        second.start(now);
        for (int i = 0; i < 4; i++) {
            byte[] out;
            while ((out = second.pollTransmit()) != null) {
                server.handleClientInput(now, transport, otherClient, out, 0, out.length);
            }
            ServerTransmit t;
            while ((t = server.pollTransmit()) != null) {
                second.handleInput(now, t.data(), 0, t.data().length);
            }
        }
        TurnEvent e;
        TurnEvent.Failed failed = null;
        while ((e = second.pollEvent()) != null) {
            if (e instanceof TurnEvent.Failed f) {
                failed = f;
            }
        }
        assertThat(failed).isNotNull();
        assertThat(failed.code()).isEqualTo(486);
        assertThat(server.stats().quotaRejections()).isEqualTo(1);
    }

    @Test
    void allocationExpiresWhenNotRefreshed() {
        setUp(TurnServerConfig.builder("r").user("u", "p"), "u", "p", Duration.ofMinutes(10));
        client.start(now);
        pump();
        InetSocketAddress relay = last(TurnEvent.Allocated.class).relayed();
        // the client stops (no refresh); only the server's clock runs
        now += 601 * S;
        server.handleTimeout(now);
        assertThat(server.stats().activeAllocations()).isZero();
        assertThat(relays.released).containsExactly(relay);
    }

    @Test
    void paddedChannelDataOverStreams() {
        transport = TurnTransport.TCP;
        setUp(TurnServerConfig.builder("r").user("u", "p"), "u", "p", Duration.ofMinutes(10));
        client.start(now);
        pump();
        InetSocketAddress relay = last(TurnEvent.Allocated.class).relayed();
        client.bindChannel(now, PEER);
        pump();
        client.send(now, PEER, new byte[] {1, 2, 3, 4, 5}, 0, 5);
        byte[] out = client.pollTransmit();
        assertThat(out).hasSize(12); // 4 + 5, padded to 12 (RFC 8656 §12.5)
        byte[] dst = new byte[64];
        assertThat(server.handlePeerInput(now, relay, PEER, new byte[] {9}, 0, 1, dst, 0)).isEqualTo(8);
    }
}
