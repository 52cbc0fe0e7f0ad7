package org.jwebrtc.sctp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** SHUTDOWN sequence (§9.2), ABORT (§9.1) and giving up after Association.Max.Retrans (§8.1). */
class ShutdownSimulationTest {
    private static VirtualNetwork connected(long seed) {
        SctpConfig cfg = HandshakeSimulationTest.config();
        var net = new VirtualNetwork(new SctpAssociation(cfg, new Random(seed)),
                new SctpAssociation(cfg, new Random(seed + 1)), seed);
        net.a.connect(0);
        assertThat(net.runUntil(net::connected, VirtualNetwork.seconds(5))).isTrue();
        return net;
    }

    private static boolean closed(java.util.List<SctpEvent> events) {
        return events.stream().anyMatch(e -> e instanceof SctpEvent.Closed c && c.reason().equals("shutdown"));
    }

    @Test
    void shutdownDeliversQueuedDataThenClosesBothEnds() {
        for (long seed = 0; seed < 10; seed++) {
            var net = connected(seed);
            net.lossy(0.15, 0.05, 0.3);
            for (int i = 0; i < 100; i++) {
                net.a.send(0, 53, new byte[300], 0, 300, SendOptions.RELIABLE);
            }
            net.a.shutdown();
            boolean done = net.runUntil(() -> closed(net.eventsA) && closed(net.eventsB), VirtualNetwork.seconds(300));
            assertThat(done).as("seed " + seed + " " + net.a.state() + " " + net.b.state() + " " + net.receivedB
                    + " " + net.eventsA + net.eventsB + net.a.stats()).isTrue();
            assertThat(net.receivedB).isEqualTo(100);
            assertThat(net.a.state()).isEqualTo(SctpState.TERMINATED);
            assertThat(net.b.state()).isEqualTo(SctpState.TERMINATED);
            assertThat(net.a.pollTimeout()).isEqualTo(Long.MAX_VALUE);
        }
    }

    @Test
    void simultaneousShutdown() {
        var net = connected(4);
        net.a.shutdown();
        net.b.shutdown();
        assertThat(net.runUntil(() -> net.a.state() == SctpState.TERMINATED && net.b.state() == SctpState.TERMINATED,
                VirtualNetwork.seconds(30))).isTrue();
    }

    @Test
    void abortReachesThePeer() {
        var net = connected(5);
        net.a.abort();
        assertThat(net.runUntil(() -> net.eventsB.stream().anyMatch(e -> e instanceof SctpEvent.Aborted),
                VirtualNetwork.seconds(5))).isTrue();
        assertThat(net.eventsA).anyMatch(e -> e instanceof SctpEvent.Closed);
    }

    @Test
    void deadPeerEndsWithAbortedAfterMaxRetransmits() {
        var net = connected(6);
        net.lossy(1.0, 0, 0);
        net.a.send(0, 53, new byte[10], 0, 10, SendOptions.RELIABLE);
        assertThat(net.runUntil(() -> net.eventsA.stream().anyMatch(e -> e instanceof SctpEvent.Aborted),
                VirtualNetwork.seconds(3600))).isTrue();
        assertThat(net.a.stats().t3Expiries()).isBetween(10L, 11L);   // heartbeat misses count too
    }

    @Test
    void handshakeGivesUpWithoutPeer() {
        SctpConfig cfg = HandshakeSimulationTest.config();
        var net = new VirtualNetwork(new SctpAssociation(cfg, new Random(1)), new SctpAssociation(cfg, new Random(2)),
                1).lossy(1.0, 0, 0);
        net.a.connect(0);
        assertThat(net.runUntil(() -> net.eventsA.stream().anyMatch(e -> e instanceof SctpEvent.Aborted),
                VirtualNetwork.seconds(3600))).isTrue();
    }
}
