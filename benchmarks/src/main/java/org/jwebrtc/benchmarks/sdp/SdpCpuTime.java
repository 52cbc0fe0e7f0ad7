package org.jwebrtc.benchmarks.sdp;

import java.util.Arrays;
import java.util.function.Supplier;
import org.jwebrtc.benchmarks.CpuClock;
import org.jwebrtc.sdp.SdpException;

/**
 * Companion to {@link SdpBenchmark} for a shared, oversubscribed machine: runs the same benchmark
 * methods but divides this thread's CPU time (not wall time) by the op count, so time spent
 * descheduled while other processes run is not charged. Prints the best and the median round.
 * Run: {@code java -cp benchmarks/target/benchmarks.jar org.jwebrtc.benchmarks.sdp.SdpCpuTime [cpu-seconds]}.
 */
public final class SdpCpuTime {
    private static final int OPS_PER_ROUND = 2_000;
    private static final int WARM_UP_ROUNDS = 10;
    private SdpCpuTime() {}

    static long cpuNanos() {
        return CpuClock.threadCpuNanos();
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        SdpBenchmark b = new SdpBenchmark();
        System.out.printf("%-28s %12s %14s %7s%n", "benchmark", "best cpu ns", "median cpu ns", "rounds");
        run("SdpBenchmark.parseLf", seconds, () -> call(b::parseLf));
        run("SdpBenchmark.parseCrlf", seconds, () -> call(b::parseCrlf));
        run("SdpBenchmark.write", seconds, b::write);
        run("SdpBenchmark.parseCandidate", seconds, () -> call(b::parseCandidate));
    }

    private interface Op {
        Object run() throws SdpException;
    }

    private static Object call(Op op) {
        try {
            return op.run();
        } catch (SdpException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void run(String name, double seconds, Supplier<?> op) {
        long budget = (long) (seconds * 1e9);
        long begin = cpuNanos();
        double[] perOp = new double[4096];
        int rounds = 0;
        int sink = 0;
        for (int round = 0; cpuNanos() - begin < budget && rounds < perOp.length; round++) {
            long t0 = cpuNanos();
            for (int i = 0; i < OPS_PER_ROUND; i++) {
                if (op.get() == null) {
                    sink++;
                }
            }
            long t = cpuNanos() - t0;
            if (round >= WARM_UP_ROUNDS) {
                perOp[rounds++] = t / (double) OPS_PER_ROUND;
            }
        }
        double[] r = Arrays.copyOf(perOp, Math.max(rounds, 1));
        Arrays.sort(r);
        System.out.printf("%-28s %12.0f %14.0f %7d%s%n", name, r[0], r[r.length / 2], rounds, sink < 0 ? "!" : "");
    }
}
