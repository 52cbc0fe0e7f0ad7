package org.jwebrtc.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jwebrtc.testsupport.ImpairmentProxy.Direction;
import org.jwebrtc.testsupport.ImpairmentProxy.Impairment;
import org.jwebrtc.testsupport.ImpairmentProxy.JitterDistribution;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The relay on loopback: every impairment alone, its counters, seeding, and that close frees everything. */
class ImpairmentProxyTest {
    private DatagramChannel a;
    private DatagramChannel b;
    private final List<ImpairmentProxy> proxies = new ArrayList<>();

    @BeforeEach
    void endpoints() throws IOException {
        a = endpoint();
        b = endpoint();
    }

    @AfterEach
    void closeAll() throws IOException {
        proxies.forEach(ImpairmentProxy::close);
        a.close();
        b.close();
    }

    private static DatagramChannel endpoint() throws IOException {
        DatagramChannel c = DatagramChannel.open();
        c.setOption(StandardSocketOptions.SO_RCVBUF, 4 * 1024 * 1024);
        c.bind(new InetSocketAddress(Loopback.ipv4(), 0));
        return c;
    }

    private ImpairmentProxy proxy(Impairment aToB, Impairment bToA, long seed) throws IOException {
        ImpairmentProxy p = ImpairmentProxy.start((InetSocketAddress) a.getLocalAddress(),
                (InetSocketAddress) b.getLocalAddress(), aToB, bToA, seed);
        proxies.add(p);
        return p;
    }

    private static void send(DatagramChannel from, InetSocketAddress to, int index, int size) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(Math.max(4, size));
        buf.putInt(0, index);
        from.send(buf, to);
    }

    /** Receives numbered datagrams until {@code quiet} passes without one; records the sender of each. */
    private static List<Integer> receive(DatagramChannel at, Duration quiet, List<SocketAddress> senders)
            throws IOException {
        List<Integer> got = new ArrayList<>();
        at.configureBlocking(false);
        ByteBuffer buf = ByteBuffer.allocate(65_536);
        long last = System.nanoTime();
        while (System.nanoTime() - last < quiet.toNanos()) {
            buf.clear();
            SocketAddress from = at.receive(buf);
            if (from == null) {
                Thread.onSpinWait();
                sleepMicros(200);
                continue;
            }
            last = System.nanoTime();
            if (senders != null) {
                senders.add(from);
            }
            got.add(buf.getInt(0));
        }
        return got;
    }

    private static void sleepMicros(long us) {
        java.util.concurrent.locks.LockSupport.parkNanos(us * 1000);
    }

    @Test
    void relaysBothWaysUnimpairedInOrderAndHidesTheEndpoints() throws IOException {
        ImpairmentProxy p = proxy(Impairment.NONE, Impairment.NONE, 1);
        for (int i = 0; i < 200; i++) {
            send(a, p.addressForA(), i, 100);
        }
        List<SocketAddress> senders = new ArrayList<>();
        assertThat(receive(b, Duration.ofMillis(300), senders)).containsExactlyElementsOf(range(200));
        assertThat(senders).containsOnly(p.addressForB());
        for (int i = 0; i < 50; i++) {
            send(b, p.addressForB(), i, 1200);
        }
        senders.clear();
        assertThat(receive(a, Duration.ofMillis(300), senders)).containsExactlyElementsOf(range(50));
        assertThat(senders).containsOnly(p.addressForA());
        assertThat(p.counters(Direction.A_TO_B)).isEqualTo(
                new ImpairmentProxy.Counters(200, 0, 0, 0, 0, 200, 200 * 100, 0, 0));
        assertThat(p.counters(Direction.B_TO_A).delivered()).isEqualTo(50);
    }

    @Test
    void lossDropsAboutTheConfiguredShareAndCountsIt() throws IOException {
        ImpairmentProxy p = proxy(Impairment.NONE.withLoss(0.3), Impairment.NONE, 2);
        int n = 2000;
        for (int i = 0; i < n; i++) {
            send(a, p.addressForA(), i, 64);
        }
        List<Integer> got = receive(b, Duration.ofMillis(300), null);
        ImpairmentProxy.Counters c = p.counters(Direction.A_TO_B);
        assertThat(c.received()).isEqualTo(n);
        assertThat(c.lost()).isBetween(500L, 700L);   // 600 ± 4.7 σ
        assertThat(got).hasSize((int) (n - c.lost())).isSorted().doesNotHaveDuplicates();
        assertThat(c.delivered()).isEqualTo(got.size());
    }

    @Test
    void theSameSeedMakesTheSameDecisions() throws IOException {
        List<List<Integer>> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            ImpairmentProxy p = proxy(Impairment.NONE.withLoss(0.2).withDuplicates(0.1), Impairment.NONE, 42);
            for (int i = 0; i < 500; i++) {
                send(a, p.addressForA(), i, 64);
            }
            runs.add(receive(b, Duration.ofMillis(300), null));
            p.close();
        }
        assertThat(runs.get(0)).isEqualTo(runs.get(1)).hasSizeGreaterThan(350);
    }

    @Test
    void fixedDelayHoldsEveryPacket() throws IOException {
        ImpairmentProxy p = proxy(Impairment.NONE.withDelay(Duration.ofMillis(50), Duration.ZERO,
                JitterDistribution.UNIFORM), Impairment.NONE, 3);
        b.configureBlocking(true);
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            send(a, p.addressForA(), i, 10);
            ByteBuffer buf = ByteBuffer.allocate(100);
            b.receive(buf);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(ms).isBetween(49L, 150L);
            assertThat(buf.getInt(0)).isEqualTo(i);
        }
    }

    @Test
    void jitterLargerThanTheSpacingReordersButLosesNothing() throws IOException {
        for (JitterDistribution d : JitterDistribution.values()) {
            ImpairmentProxy p = proxy(Impairment.NONE.withDelay(Duration.ofMillis(20), Duration.ofMillis(10), d),
                    Impairment.NONE, 4);
            for (int i = 0; i < 300; i++) {
                send(a, p.addressForA(), i, 100);
                sleepMicros(100);
            }
            List<Integer> got = receive(b, Duration.ofMillis(200), null);
            assertThat(got).as(d.name()).containsExactlyInAnyOrderElementsOf(range(300)).isNotEqualTo(range(300));
            p.close();
        }
    }

    @Test
    void explicitSwapsReorderNeighboursWithoutJitter() throws IOException {
        ImpairmentProxy p = proxy(Impairment.NONE.withReorder(0.2), Impairment.NONE, 5);
        for (int i = 0; i < 500; i++) {
            send(a, p.addressForA(), i, 100);
            sleepMicros(100);
        }
        List<Integer> got = receive(b, Duration.ofMillis(200), null);
        assertThat(got).containsExactlyInAnyOrderElementsOf(range(500));
        long inversions = 0;
        for (int i = 1; i < got.size(); i++) {
            if (got.get(i) < got.get(i - 1)) {
                inversions++;
            }
        }
        long swaps = p.counters(Direction.A_TO_B).reordered();
        assertThat(swaps).isBetween(40L, 130L);
        assertThat(inversions).isEqualTo(swaps);
    }

    @Test
    void duplicationAddsCountedCopies() throws IOException {
        ImpairmentProxy p = proxy(Impairment.NONE, Impairment.NONE.withDuplicates(0.25), 6);
        int n = 1000;
        for (int i = 0; i < n; i++) {
            send(b, p.addressForB(), i, 50);
        }
        List<Integer> got = receive(a, Duration.ofMillis(300), null);
        ImpairmentProxy.Counters c = p.counters(Direction.B_TO_A);
        assertThat(c.duplicated()).isBetween(180L, 320L);
        assertThat(got).hasSize((int) (n + c.duplicated()));
        assertThat(got.stream().distinct().count()).isEqualTo(n);
    }

    @Test
    void rateLimitPacesAndDropsAtTheQueueTail() throws IOException {
        // 2 Mbit/s = 250 kB/s; 300 packets of 1000 bytes offered at once into a 50 kB queue
        ImpairmentProxy p = proxy(Impairment.NONE.withRate(2_000_000, 1500, 50_000), Impairment.NONE, 7);
        long t0 = System.nanoTime();
        for (int i = 0; i < 300; i++) {
            send(a, p.addressForA(), i, 1000);
        }
        List<Integer> got = receive(b, Duration.ofMillis(300), null);
        double secs = (System.nanoTime() - t0) / 1e9 - 0.3;
        ImpairmentProxy.Counters c = p.counters(Direction.A_TO_B);
        assertThat(c.queueDropped()).isBetween(200L, 252L);   // 51 fit at once; a few drain while the rest arrive
        assertThat(got).hasSize((int) (300 - c.queueDropped())).isSorted();
        double bitsPerSecond = got.size() * 1000 * 8 / secs;
        assertThat(bitsPerSecond).isBetween(1.0e6, 2.6e6);
    }

    @Test
    void datagramsFromOtherSendersAreCountedAndDropped() throws IOException {
        ImpairmentProxy p = proxy(Impairment.NONE, Impairment.NONE, 8);
        try (DatagramChannel stranger = endpoint()) {
            send(stranger, p.addressForA(), 1, 10);
            send(a, p.addressForA(), 2, 10);
            assertThat(receive(b, Duration.ofMillis(200), null)).containsExactly(2);
        }
        assertThat(p.counters(Direction.A_TO_B).foreign()).isEqualTo(1);
    }

    @Test
    void changingTheImpairmentAppliesToLaterPackets() throws IOException {
        ImpairmentProxy p = proxy(Impairment.NONE, Impairment.NONE, 9);
        p.setImpairment(Direction.A_TO_B, Impairment.NONE.withLoss(1.0));
        send(a, p.addressForA(), 1, 10);
        assertThat(receive(b, Duration.ofMillis(100), null)).isEmpty();
        p.setImpairment(Direction.A_TO_B, Impairment.NONE);
        send(a, p.addressForA(), 2, 10);
        assertThat(receive(b, Duration.ofMillis(100), null)).containsExactly(2);
    }

    @Test
    void closeStopsTheThreadAndFreesThePorts() throws IOException {
        ImpairmentProxy p = proxy(Impairment.NONE.withDelay(Duration.ofSeconds(10), Duration.ZERO,
                JitterDistribution.UNIFORM), Impairment.NONE, 10);
        InetSocketAddress pa = p.addressForA();
        InetSocketAddress pb = p.addressForB();
        send(a, pa, 1, 10);   // still scheduled when closed
        String name = "impairment-proxy-" + pa.getPort();
        assertThat(Thread.getAllStackTraces().keySet()).anyMatch(t -> t.getName().equals(name));
        p.close();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals(name) && t.isAlive());
        for (InetSocketAddress addr : List.of(pa, pb)) {
            try (DatagramChannel again = DatagramChannel.open()) {
                again.bind(addr);
            }
        }
        assertThat(p.failure()).isNull();
        p.close();   // idempotent
    }

    @Test
    void rejectsNonLoopbackEndpointsAndBadSettings() {
        assertThatThrownBy(() -> ImpairmentProxy.start(new InetSocketAddress("192.0.2.1", 9),
                new InetSocketAddress(Loopback.ipv4(), 9), Impairment.NONE, 1)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> Impairment.NONE.withLoss(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Impairment.NONE.withDelay(Duration.ofMillis(-1), Duration.ZERO,
                JitterDistribution.NORMAL)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Integer> range(int n) {
        List<Integer> l = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            l.add(i);
        }
        return l;
    }
}
