package org.jwebrtc.benchmarks.sctp;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
import org.jwebrtc.sctp.Crc32c;
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
 * CRC-32C over a 1200-byte SCTP packet: the module's {@link Crc32c} (JDK {@link CRC32C}, intrinsified) against a
 * hand-rolled slice-by-8 table. {@code sctpPacket} is the receive-path check with the checksum field as zero.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class Crc32cBenchmark {
    private final byte[] packet = new byte[1200];
    private final Crc32c ours = new Crc32c();
    private final CRC32C jdk = new CRC32C();

    @Setup
    public void setup() {
        new Random(1).nextBytes(packet);
        int a = TableCrc32c.compute(packet, 0, packet.length);
        int b = ours.compute(packet, 0, packet.length);
        if (a != b) {
            throw new AssertionError("table and JDK CRC-32C disagree");
        }
    }

    @Benchmark
    public int jdkCrc32c() {
        jdk.reset();
        jdk.update(packet, 0, packet.length);
        return (int) jdk.getValue();
    }

    @Benchmark
    public int moduleCrc32c() {
        return ours.compute(packet, 0, packet.length);
    }

    @Benchmark
    public int moduleSctpPacket() {
        return ours.computePacket(packet, 0, packet.length);
    }

    @Benchmark
    public int tableSliceBy8() {
        return TableCrc32c.compute(packet, 0, packet.length);
    }
}
