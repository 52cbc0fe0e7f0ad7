package org.jwebrtc.benchmarks.peerconnection;

import org.jwebrtc.benchmarks.CpuClock;

/**
 * Companion to {@link MediaSessionBenchmark} for an oversubscribed machine: runs the same method and divides this
 * thread's CPU time (not wall time) by the op count. Run:
 * {@code java -cp benchmarks/target/benchmarks.jar org.jwebrtc.benchmarks.peerconnection.MediaSessionCpuTime}.
 */
public final class MediaSessionCpuTime {
    private MediaSessionCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        for (String codec : new String[] {"VP8", "H264", "opus"}) {
            MediaSessionBenchmark b = new MediaSessionBenchmark();
            b.codec = codec;
            b.setup();
            int ops = codec.equals("opus") ? 200_000 : 20_000;
            for (int i = 0; i < ops; i++) {
                b.sendAndReceiveOneFrame();   // warm-up
            }
            long t0 = CpuClock.threadCpuNanos();
            int sink = 0;
            for (int i = 0; i < ops; i++) {
                sink += b.sendAndReceiveOneFrame();
            }
            long t1 = CpuClock.threadCpuNanos();
            System.out.printf("%-5s send+receive one frame: %8.2f us CPU/op (%d)%n", codec, (t1 - t0) / 1e3 / ops,
                    sink & 1);
        }
    }
}
