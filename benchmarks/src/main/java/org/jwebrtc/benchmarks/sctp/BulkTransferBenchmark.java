package org.jwebrtc.benchmarks.sctp;

import java.util.ArrayDeque;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.jwebrtc.sctp.SctpAssociation;
import org.jwebrtc.sctp.SctpConfig;
import org.jwebrtc.sctp.SctpEvent;
import org.jwebrtc.sctp.SctpState;
import org.jwebrtc.sctp.SctpStats;
import org.jwebrtc.sctp.SendOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The protocol ceiling of a reliable data channel: two associations back to back in one thread, no DTLS, no
 * sockets, real clock (so delayed-SACK and retransmission timers run as they would). Per op, one 64 KiB message is
 * delivered; the sender keeps its send buffer full; packets cross one at a time (see {@link #round}). Score in
 * ops/s × 64 KiB = payload rate.
 * Same packet size as peerconnection (1136-byte SCTP packets, one per DTLS record of a 1200-byte datagram).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BulkTransferBenchmark {
    static final int MESSAGE = 64 * 1024;
    static final int MTU = 1200 - 64;
    static final int BATCH = 16;

    private SctpAssociation a;
    private SctpAssociation b;
    private final byte[] msg = new byte[MESSAGE];
    private final ArrayDeque<byte[]> toB = new ArrayDeque<>();
    private final ArrayDeque<byte[]> toA = new ArrayDeque<>();
    private long delivered;
    private long sent;
    /** Packets moved per direction and "rounds" (one pass over both sides), for the main() report. */
    long packetsAtoB;
    long packetsBtoA;
    long rounds;

    @Setup
    public void setup() {
        SctpConfig config = SctpConfig.defaults().withMtu(MTU).withMessageSizes(256 * 1024, 256 * 1024);
        a = new SctpAssociation(config, new Random(1));
        b = new SctpAssociation(config, new Random(2));
        long now = System.nanoTime();
        a.connect(now);
        for (int i = 0; i < 10; i++) {
            round(now);
        }
        if (a.state() != SctpState.ESTABLISHED || b.state() != SctpState.ESTABLISHED) {
            throw new AssertionError("not connected");
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long deliver1MiB() {
        long target = delivered + BATCH;
        while (delivered < target) {
            long now = System.nanoTime();
            while (sent < target + BATCH && a.send(1, 53, msg, 0, MESSAGE, SendOptions.RELIABLE)) {
                sent++;
            }
            if (a.pollTimeout() - now <= 0) {
                a.handleTimeout(now);
            }
            if (b.pollTimeout() - now <= 0) {
                b.handleTimeout(now);
            }
            round(now);
        }
        return delivered;
    }

    /**
     * One pass each way, datagram by datagram as peerconnection's loop does: every packet is handed in on its own
     * and the receiving side's output is drained right after it, so SACKs go out every second packet and each SACK
     * is a separate send opportunity for the sender.
     */
    private void round(long now) {
        rounds++;
        drain(a, toB);
        for (byte[] p; (p = toB.poll()) != null; ) {
            packetsAtoB++;
            b.handleInput(now, p, 0, p.length);
            drain(b, toA);
        }
        for (byte[] p; (p = toA.poll()) != null; ) {
            packetsBtoA++;
            a.handleInput(now, p, 0, p.length);
            drain(a, toB);
        }
        SctpEvent e;
        while ((e = b.pollEvent()) != null) {
            if (e instanceof SctpEvent.MessageReceived) {
                delivered++;
            }
        }
        while (a.pollEvent() != null) {
            // BufferedAmountLow
        }
    }

    private static void drain(SctpAssociation from, ArrayDeque<byte[]> wire) {
        for (byte[] p; (p = from.pollTransmit()) != null; ) {
            wire.add(p);
        }
    }

    SctpStats senderStats() {
        return a.stats();
    }

    /** Quick run without JMH: {@code java -cp benchmarks.jar org.jwebrtc.benchmarks.sctp.BulkTransferBenchmark}. */
    public static void main(String[] args) {
        int mib = args.length > 0 ? Integer.parseInt(args[0]) : 256;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        for (int run = 0; run < runs; run++) {
            BulkTransferBenchmark bench = new BulkTransferBenchmark();
            bench.setup();
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            for (int i = 0; i < mib; i++) {
                bench.deliver1MiB();
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            double cpu = (processCpuNanos() - cpu0) / 1e9;
            System.out.printf("%d MiB in %.2f s: %.0f Mbit/s (%.0f Mbit per CPU-second); packets A->B %d, B->A %d, rounds %d; %s%n", mib, secs,
                    mib * 8.0 * 1024 * 1024 / secs / 1e6, mib * 8.0 * 1024 * 1024 / cpu / 1e6, bench.packetsAtoB, bench.packetsBtoA, bench.rounds,
                    bench.senderStats());
        }
    }

    private static long processCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }
}
