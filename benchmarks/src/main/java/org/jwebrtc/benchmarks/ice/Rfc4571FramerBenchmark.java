package org.jwebrtc.benchmarks.ice;

import java.util.concurrent.TimeUnit;
import org.jwebrtc.ice.Rfc4571Framer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * ICE-TCP framing (RFC 4571 via RFC 6544): {@code frameAndReassemble} writes a 1200-byte packet with its length into
 * a caller buffer, feeds it to the reader in two TCP-like segments and polls the packet into a caller buffer; the
 * whole round allocates nothing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class Rfc4571FramerBenchmark {
    private final byte[] packet = new byte[1200];
    private final byte[] wire = new byte[1202];
    private final byte[] out = new byte[1500];
    private Rfc4571Framer reader;

    @Setup
    public void setup() {
        reader = new Rfc4571Framer();
        for (int i = 0; i < packet.length; i++) {
            packet[i] = (byte) i;
        }
    }

    @Benchmark
    public int frameAndReassemble() {
        int n = Rfc4571Framer.frame(packet, 0, packet.length, wire, 0);
        reader.feed(wire, 0, 700);
        reader.feed(wire, 700, n - 700);
        return reader.pollFrame(out, 0);
    }
}
