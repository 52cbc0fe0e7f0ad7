package org.jwebrtc.benchmarks.rtp;

import java.util.function.LongSupplier;
import org.jwebrtc.benchmarks.CpuClock;
import org.openjdk.jmh.infra.Blackhole;

/**
 * CPU-time companion to {@link RtpHeaderBenchmark} for a shared, oversubscribed machine: runs the
 * same benchmark methods and divides this thread's CPU time (not wall time) by the op count, so time
 * spent descheduled is not charged. Run:
 * {@code java -cp benchmarks/target/benchmarks.jar org.jwebrtc.benchmarks.rtp.RtpCpuTime}.
 */
public final class RtpCpuTime {
    private static final int OPS = 5_000_000;
    private RtpCpuTime() {}

    private static long cpuNanos() {
        return CpuClock.threadCpuNanos();
    }

    public static void main(String[] args) throws Exception {
        RtpHeaderBenchmark b = new RtpHeaderBenchmark();
        b.setup();
        Blackhole bh = new Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        System.out.printf("%-34s %10s%n", "benchmark", "cpu ns/op");
        run("RtpHeaderBenchmark.forward", () -> call(b::forward));
        run("RtpHeaderBenchmark.forwardTwcc", () -> call(b::forwardTwcc));
        run("RtpHeaderBenchmark.rewrite", () -> call(() -> b.rewrite()));
        run("RtpHeaderBenchmark.wrap", () -> {
            call(() -> {
                b.wrap(bh);
                return 0;
            });
            return 0;
        });
        run("RtpHeaderBenchmark.encode", () -> b.encode());
        bh.evaporate("Yes, I am Stephen Hawking, and know a thing or two about black holes.");
    }

    private interface Op {
        long run() throws Exception;
    }

    private static long call(Op op) {
        try {
            return op.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void run(String name, LongSupplier op) {
        long best = Long.MAX_VALUE;
        long sink = 0;
        for (int round = 0; round < 8; round++) { // first rounds are warm-up; report the best steady round
            long t0 = cpuNanos();
            for (int i = 0; i < OPS; i++) {
                sink += op.getAsLong();
            }
            long t = cpuNanos() - t0;
            if (round >= 3) {
                best = Math.min(best, t);
            }
        }
        System.out.printf("%-34s %10.1f%s%n", name, best / (double) OPS, sink == 42 ? " " : "");
    }
}
