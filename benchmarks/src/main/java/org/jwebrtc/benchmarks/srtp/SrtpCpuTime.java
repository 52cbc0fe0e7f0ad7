package org.jwebrtc.benchmarks.srtp;

import java.util.function.IntSupplier;
import org.jwebrtc.benchmarks.CpuClock;
import org.jwebrtc.srtp.SrtpProfile;

/**
 * Companion to the JMH classes for a shared, oversubscribed machine: runs the very same benchmark
 * methods but divides this thread's CPU time (not wall time) by the op count, so time spent descheduled
 * while other processes run is not charged. Run:
 * {@code java -cp benchmarks/target/benchmarks.jar org.jwebrtc.benchmarks.srtp.SrtpCpuTime}.
 */
public final class SrtpCpuTime {
    private static final int OPS = 200_000;
    private static long cpuNanos() {
        return CpuClock.threadCpuNanos();
    }

    private SrtpCpuTime() {}

    public static void main(String[] args) throws Exception {
        System.out.printf("%-40s %-24s %10s %8s%n", "benchmark", "profile", "cpu ns/op", "MB/s");
        for (SrtpProfile p : new SrtpProfile[] {SrtpProfile.AES_CM_128_HMAC_SHA1_80, SrtpProfile.AEAD_AES_128_GCM}) {
            SrtpProtectBenchmark protect = new SrtpProtectBenchmark();
            protect.profile = p;
            protect.setup();
            SrtpUnprotectBenchmark unprotect = new SrtpUnprotectBenchmark();
            unprotect.profile = p;
            unprotect.setup();
            run("SrtpProtectBenchmark.protect", p, protect::protect);
            run("SrtpProtectBenchmark.rawJce", p, () -> {
                try {
                    return protect.rawJce();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            run("SrtpUnprotectBenchmark.unprotect", p, unprotect::unprotect);
            run("SrtpUnprotectBenchmark.rawJce", p, () -> {
                try {
                    return unprotect.rawJce();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    private static void run(String name, SrtpProfile p, IntSupplier op) {
        long best = Long.MAX_VALUE;
        int sink = 0;
        for (int round = 0; round < 8; round++) { // first rounds are warm-up; report the best steady round
            long t0 = cpuNanos();
            for (int i = 0; i < OPS; i++) {
                sink += op.getAsInt();
            }
            long t = cpuNanos() - t0;
            if (round >= 3) {
                best = Math.min(best, t);
            }
        }
        double ns = best / (double) OPS;
        System.out.printf("%-40s %-24s %10.0f %8.0f%s%n", name, p, ns, SrtpProtectBenchmark.PACKET * 1e3 / ns,
                sink == 42 ? " " : "");
    }
}
