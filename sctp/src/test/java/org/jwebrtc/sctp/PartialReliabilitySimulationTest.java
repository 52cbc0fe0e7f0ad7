package org.jwebrtc.sctp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** RFC 3758: abandoned messages are skipped with FORWARD TSN and never stall the association. */
class PartialReliabilitySimulationTest {
    private static VirtualNetwork connected(long seed) {
        SctpConfig cfg = HandshakeSimulationTest.config();
        var net = new VirtualNetwork(new SctpAssociation(cfg, new Random(seed)),
                new SctpAssociation(cfg, new Random(seed + 1)), seed);
        net.a.connect(0);
        assertThat(net.runUntil(net::connected, VirtualNetwork.seconds(5))).isTrue();
        return net;
    }

    private static int id(byte[] m) {
        return Bytes.i32(m, 0);
    }

    @Test
    void unorderedZeroRetransmitsDropsUnderLossWithoutStalling() {
        var net = connected(21);
        net.lossy(0.2, 0.02, 0.3);
        SendOptions unreliable = new SendOptions(false, 0, -1);
        int n = 2000;
        for (int i = 0; i < n; i++) {
            byte[] m = new byte[200];
            Bytes.put32(m, 0, i);
            assertThat(net.a.send(2, 53, m, 0, m.length, unreliable)).isTrue();
        }
        // reliable traffic queued behind the lossy one must still arrive in full
        for (int i = 0; i < 100; i++) {
            byte[] m = new byte[8];
            Bytes.put32(m, 0, i);
            assertThat(net.a.send(4, 53, m, 0, m.length, SendOptions.RELIABLE)).isTrue();
        }
        assertThat(net.runUntil(() -> reliableReceived(net) == 100 && net.a.bufferedAmount(2) == 0,
                VirtualNetwork.seconds(600))).isTrue();
        Set<Integer> seen = new HashSet<>();
        int unreliableCount = 0;
        for (SctpEvent e : net.eventsB) {
            if (e instanceof SctpEvent.MessageReceived m && m.streamId() == 2) {
                assertThat(m.unordered()).isTrue();
                assertThat(seen.add(id(m.data()))).as("no duplicates").isTrue();
                unreliableCount++;
            }
        }
        assertThat(unreliableCount).isLessThan(n).isGreaterThan(n / 2);
        SctpStats s = net.a.stats();
        assertThat(s.abandonedMessages()).isPositive();
        assertThat(s.forwardTsnsSent()).isPositive();
        System.out.printf("PR unordered maxRetransmits=0 @20%% loss: delivered %d/%d, %s%n", unreliableCount, n, s);
    }

    private static long reliableReceived(VirtualNetwork net) {
        return net.eventsB.stream().filter(e -> e instanceof SctpEvent.MessageReceived m && m.streamId() == 4).count();
    }

    @Test
    void orderedPartialReliabilitySkipsSsnsAndKeepsOrder() {
        var net = connected(22);
        net.lossy(0.15, 0.02, 0.3);
        SendOptions rexmit1 = new SendOptions(true, 1, -1);
        for (int i = 0; i < 1000; i++) {
            byte[] m = new byte[100];
            Bytes.put32(m, 0, i);
            assertThat(net.a.send(6, 53, m, 0, m.length, rexmit1)).isTrue();
        }
        assertThat(net.runUntil(() -> net.a.bufferedAmount(6) == 0, VirtualNetwork.seconds(600))).isTrue();
        net.lossy(0, 0, 0);
        byte[] last = new byte[] {0, 0, 0x7f, 0};
        net.a.send(6, 53, last, 0, 4, SendOptions.RELIABLE);
        assertThat(net.runUntil(() -> net.eventsB.stream().anyMatch(
                e -> e instanceof SctpEvent.MessageReceived m && id(m.data()) == 0x7f00), VirtualNetwork.seconds(700)))
                .isTrue();
        int prev = -1;
        int count = 0;
        for (SctpEvent e : net.eventsB) {
            if (e instanceof SctpEvent.MessageReceived m) {
                assertThat(id(m.data())).isGreaterThan(prev);   // ordered, gaps allowed, no duplicates
                prev = id(m.data());
                count++;
            }
        }
        assertThat(count).isGreaterThan(900);   // two tries each at 15% loss lose ~2%
    }

    @Test
    void lifetimeExpiryAbandonsQueuedAndOutstandingMessages() {
        var net = connected(23);
        net.lossy(0.3, 0, 0);
        SendOptions timed = new SendOptions(false, -1, 150_000_000L);   // 150 ms, below RTO.Min
        for (int i = 0; i < 500; i++) {
            byte[] m = new byte[1000];
            Bytes.put32(m, 0, i);
            assertThat(net.a.send(8, 53, m, 0, m.length, timed)).isTrue();
        }
        assertThat(net.runUntil(() -> net.a.bufferedAmount(8) == 0, VirtualNetwork.seconds(600))).isTrue();
        assertThat(net.a.stats().abandonedMessages()).isPositive();
        // the association still works reliably afterwards
        net.lossy(0.1, 0, 0);
        net.a.send(9, 51, new byte[] {42}, 0, 1, SendOptions.RELIABLE);
        assertThat(net.runUntil(() -> net.eventsB.stream().anyMatch(
                e -> e instanceof SctpEvent.MessageReceived m && m.streamId() == 9), VirtualNetwork.seconds(700)))
                .isTrue();
    }

    @Test
    void expiringFragmentedOrderedMessagesNeverStallTheStream() {
        for (long seed = 0; seed < 5; seed++) {
            var net = connected(30 + seed);
            net.lossy(0.2, 0, 0.2);
            SendOptions timed = new SendOptions(true, -1, 60_000_000L);
            for (int i = 0; i < 200; i++) {
                byte[] m = new byte[5000];   // five fragments each: some expire half sent
                Bytes.put32(m, 0, i);
                assertThat(net.a.send(3, 53, m, 0, m.length, timed)).isTrue();
            }
            byte[] last = new byte[] {0, 0, 0x7f, 0};
            assertThat(net.a.send(3, 53, last, 0, 4, SendOptions.RELIABLE)).isTrue();
            assertThat(net.runUntil(() -> net.eventsB.stream().anyMatch(
                    e -> e instanceof SctpEvent.MessageReceived m && id(m.data()) == 0x7f00),
                    VirtualNetwork.seconds(600))).as("seed " + seed).isTrue();
            int prev = -1;
            for (SctpEvent e : net.eventsB) {
                if (e instanceof SctpEvent.MessageReceived m) {
                    assertThat(id(m.data())).isGreaterThan(prev);
                    assertThat(m.data().length).isIn(4, 5000);
                    prev = id(m.data());
                }
            }
            assertThat(net.a.stats().abandonedMessages()).isPositive();
        }
    }
}
