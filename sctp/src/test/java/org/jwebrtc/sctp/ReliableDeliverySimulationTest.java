package org.jwebrtc.sctp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Reliable ordered delivery over a lossy, duplicating, reordering link; fragmentation; throughput. */
class ReliableDeliverySimulationTest {
    private static VirtualNetwork connected(long seed, SctpConfig cfg) {
        var net = new VirtualNetwork(new SctpAssociation(cfg, new Random(seed)),
                new SctpAssociation(cfg, new Random(seed + 1)), seed);
        net.a.connect(0);
        assertThat(net.runUntil(net::connected, VirtualNetwork.seconds(5))).isTrue();
        return net;
    }

    private static byte[] message(int i, Random r) {
        byte[] m = new byte[4 + r.nextInt(600)];
        r.nextBytes(m);
        Bytes.put32(m, 0, i);
        return m;
    }

    @Test
    void tenThousandOrderedMessagesAtTenPercentLoss() {
        var net = connected(42, HandshakeSimulationTest.config());
        net.lossy(0.10, 0.02, 0.2);
        int total = 10_000;
        Random gen = new Random(7);
        int[] next = {0};
        byte[][] sent = new byte[total][];
        net.onStep = () -> {
            while (next[0] < total) {
                byte[] m = sent[next[0]] != null ? sent[next[0]] : (sent[next[0]] = message(next[0], gen));
                if (!net.a.send(3, 53, m, 0, m.length, SendOptions.RELIABLE)) {
                    break;
                }
                next[0]++;
            }
        };
        assertThat(net.runUntil(() -> net.receivedB >= total,
                VirtualNetwork.seconds(3600))).isTrue();
        int i = 0;
        for (SctpEvent e : net.eventsB) {
            if (e instanceof SctpEvent.MessageReceived m) {
                assertThat(m.streamId()).isEqualTo(3);
                assertThat(m.unordered()).isFalse();
                assertThat(m.data()).as("message " + i).isEqualTo(sent[i]);
                i++;
            }
        }
        assertThat(i).isEqualTo(total);
        // let the last SACKs arrive: nothing left buffered, no extra deliveries
        net.onStep = () -> { };
        net.runUntil(() -> net.a.bufferedAmount(3) == 0, net.now + VirtualNetwork.seconds(120));
        assertThat(net.a.bufferedAmount(3)).isZero();
        assertThat(net.receivedB).isEqualTo(total);
        SctpStats s = net.a.stats();
        assertThat(s.retransmissions()).isPositive();
        assertThat(s.fastRetransmits()).isPositive();
        assertThat(net.b.stats().duplicateTsnsReceived()).isPositive();
        System.out.printf("10k msgs @10%% loss: virtual %.1f s, %s%n", net.now / 1e9, s);
    }

    @Test
    void quarterMebibyteMessageIsFragmentedAndReassembled() {
        var net = connected(5, HandshakeSimulationTest.config());
        net.lossy(0.05, 0.01, 0.2);
        byte[] big = new byte[256 * 1024];
        new Random(3).nextBytes(big);
        assertThat(net.a.send(0, 53, big, 0, big.length, SendOptions.RELIABLE)).isTrue();
        assertThat(net.a.bufferedAmount(0)).isEqualTo(big.length);
        assertThat(net.runUntil(() -> net.receivedB == 1,
                VirtualNetwork.seconds(300))).isTrue();
        var m = (SctpEvent.MessageReceived) net.eventsB.stream()
                .filter(e -> e instanceof SctpEvent.MessageReceived).findFirst().orElseThrow();
        assertThat(Arrays.equals(m.data(), big)).isTrue();
        assertThat(net.a.stats().dataChunksSent()).isGreaterThanOrEqualTo(big.length / 1172);
    }

    @Test
    void oversizedSendIsRejectedAndFullBufferPushesBack() {
        var net = connected(6, HandshakeSimulationTest.config());
        byte[] tooBig = new byte[256 * 1024 + 1];
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> net.a.send(0, 53, tooBig, 0, tooBig.length, SendOptions.RELIABLE))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] chunk = new byte[256 * 1024];
        int accepted = 0;
        while (net.a.send(0, 53, chunk, 0, chunk.length, SendOptions.RELIABLE)) {
            accepted++;
        }
        assertThat(accepted).isEqualTo(4);   // 1 MiB send buffer
        assertThat(net.a.bufferedAmount(0)).isEqualTo(4L * chunk.length);
        net.a.setBufferedAmountLowThreshold(0, 512 * 1024);
        assertThat(net.runUntil(() -> net.eventsA.stream().anyMatch(e -> e instanceof SctpEvent.BufferedAmountLow),
                VirtualNetwork.seconds(60))).isTrue();
        assertThat(net.a.bufferedAmount(0)).isLessThanOrEqualTo(512 * 1024);
        assertThat(net.runUntil(() -> net.receivedB == 4,
                VirtualNetwork.seconds(60))).isTrue();
    }

    @Test
    void messageAboveTheReceiveLimitAbortsTheAssociation() {
        SctpConfig small = HandshakeSimulationTest.config().withMessageSizes(4096, 256 * 1024);
        var net = new VirtualNetwork(new SctpAssociation(HandshakeSimulationTest.config(), new Random(1)),
                new SctpAssociation(small, new Random(2)), 1);
        net.a.connect(0);
        assertThat(net.runUntil(net::connected, VirtualNetwork.seconds(5))).isTrue();
        byte[] m = new byte[10_000];
        assertThat(net.a.send(0, 53, m, 0, m.length, SendOptions.RELIABLE)).isTrue();
        assertThat(net.runUntil(() -> net.eventsA.stream().anyMatch(e -> e instanceof SctpEvent.Aborted),
                VirtualNetwork.seconds(5))).isTrue();
        assertThat(net.eventsB).anyMatch(e -> e instanceof SctpEvent.Aborted a && a.cause().contains("max-message"));
        assertThat(net.receivedB).isZero();
    }

    @Test
    void maxBurstLimitsNewDataSentAtOnce() {
        var net = connected(12, HandshakeSimulationTest.config());
        byte[] m = new byte[64 * 1024];
        for (int i = 0; i < 8; i++) {   // grow cwnd well past 4 packets
            assertThat(net.a.send(0, 53, m, 0, m.length, SendOptions.RELIABLE)).isTrue();
        }
        assertThat(net.runUntil(() -> net.a.bufferedAmount(0) == 0, VirtualNetwork.seconds(30))).isTrue();
        // idle, nothing in flight: a large send leaves as at most Max.Burst = 4 packets, the rest is ack-clocked
        assertThat(net.a.send(0, 53, m, 0, m.length, SendOptions.RELIABLE)).isTrue();
        int packets = 0;
        while (net.a.pollTransmit() != null) {
            packets++;
        }
        assertThat(packets).isEqualTo(SendBuffer.MAX_BURST);
    }

    @Test
    void bothDirectionsAndManyStreamsInterleave() {
        var net = connected(8, HandshakeSimulationTest.config());
        net.lossy(0.1, 0.05, 0.3);
        for (int i = 0; i < 300; i++) {
            byte[] m = new byte[] {(byte) i, (byte) (i >> 8)};
            assertThat(net.a.send(i % 5, 51, m, 0, 2, SendOptions.RELIABLE)).isTrue();
            assertThat(net.b.send(i % 7, 53, m, 0, 2, SendOptions.RELIABLE)).isTrue();
        }
        assertThat(net.runUntil(() -> net.receivedA == 300
                && net.receivedB == 300, VirtualNetwork.seconds(600))).isTrue();
        int[] lastPerStream = new int[7];
        Arrays.fill(lastPerStream, -1);
        for (SctpEvent e : net.eventsA) {
            if (e instanceof SctpEvent.MessageReceived m) {
                int v = (m.data()[0] & 0xff) | (m.data()[1] & 0xff) << 8;
                assertThat(v).isGreaterThan(lastPerStream[m.streamId()]);   // per-stream order
                lastPerStream[m.streamId()] = v;
            }
        }
    }

    @Test
    void throughputWithoutLoss() {
        SctpConfig cfg = HandshakeSimulationTest.config().withBuffers(4 * 1024 * 1024, 4 * 1024 * 1024);
        var net = connected(11, cfg);
        net.delayNanos = 25_000_000;   // 50 ms RTT, no jitter
        net.jitterNanos = 0;
        net.keepMessages = false;
        byte[] m = new byte[16 * 1024];
        long totalBytes = 64L * 1024 * 1024;
        long[] queued = {0};
        net.onStep = () -> {
            while (queued[0] < totalBytes && net.a.send(1, 53, m, 0, m.length, SendOptions.RELIABLE)) {
                queued[0] += m.length;
            }
        };
        long start = net.now;
        long wallStart = System.nanoTime();
        long messages = totalBytes / m.length;
        assertThat(net.runUntil(() -> net.receivedB == messages,
                VirtualNetwork.seconds(3600))).isTrue();
        double secs = (net.now - start) / 1e9;
        double wall = (System.nanoTime() - wallStart) / 1e9;
        System.out.printf("throughput: %d MiB in %.2f virtual s = %.1f Mbit/s at 50 ms RTT; "
                        + "simulation CPU %.2f s = %.1f Mbit/s both ends%n",
                totalBytes >> 20, secs, totalBytes * 8 / secs / 1e6, wall, totalBytes * 8 / wall / 1e6);
        System.out.println(net.a.stats());
        assertThat(secs).isPositive();
    }
}
