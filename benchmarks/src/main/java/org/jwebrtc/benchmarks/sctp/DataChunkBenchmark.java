package org.jwebrtc.benchmarks.sctp;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.jwebrtc.sctp.Crc32c;
import org.jwebrtc.sctp.DataChunk;
import org.jwebrtc.sctp.DataChunkView;
import org.jwebrtc.sctp.SctpException;
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
 * One full-size (1200-byte) SCTP packet carrying one DATA chunk of 1172 bytes: {@code encode} writes common header,
 * chunk and CRC-32C into a reused buffer; {@code decode} verifies the CRC and reads the chunk through the view.
 * Both must be 0 B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DataChunkBenchmark {
    private final byte[] payload = new byte[1172];
    private final byte[] out = new byte[1200];
    private final byte[] in = new byte[1200];
    private final Crc32c crc = new Crc32c();
    private final DataChunkView view = new DataChunkView();
    private int tsn;

    @Setup
    public void setup() {
        new Random(2).nextBytes(payload);
        encodeInto(in);
    }

    private int encodeInto(byte[] dst) {
        dst[0] = 0x13;
        dst[1] = (byte) 0x88;
        dst[2] = 0x13;
        dst[3] = (byte) 0x88;
        dst[4] = 0x12;
        dst[5] = 0x34;
        dst[6] = 0x56;
        dst[7] = 0x78;
        int n = 12 + DataChunkView.encode(dst, 12, DataChunk.FLAG_B | DataChunk.FLAG_E, tsn++, 1, 7, 53, payload, 0,
                payload.length);
        Crc32c.writeField(dst, 0, 0);
        Crc32c.writeField(dst, 0, crc.compute(dst, 0, n));
        return n;
    }

    @Benchmark
    public int encode() {
        return encodeInto(out);
    }

    @Benchmark
    public int decode() throws SctpException {
        if (crc.computePacket(in, 0, in.length) != Crc32c.readField(in, 0)) {
            throw new AssertionError("checksum");
        }
        DataChunkView v = view.wrap(in, 12, in.length - 12);
        return v.tsn() ^ v.streamId() ^ v.ssn() ^ v.ppid() ^ v.flags() ^ v.payloadOffset() ^ v.payloadLength();
    }
}
