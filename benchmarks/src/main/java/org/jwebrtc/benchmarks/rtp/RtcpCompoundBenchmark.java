package org.jwebrtc.benchmarks.rtp;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jwebrtc.rtp.RtpException;
import org.jwebrtc.rtp.rtcp.GenericNack;
import org.jwebrtc.rtp.rtcp.PictureLossIndication;
import org.jwebrtc.rtp.rtcp.ReportBlock;
import org.jwebrtc.rtp.rtcp.RtcpCompound;
import org.jwebrtc.rtp.rtcp.RtcpPacket;
import org.jwebrtc.rtp.rtcp.SenderReport;
import org.jwebrtc.rtp.rtcp.SourceDescription;
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

/** A typical compound RTCP datagram, SR (1 block) + SDES CNAME + NACK (2 pairs) + PLI: parse and encode. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RtcpCompoundBenchmark {
    private List<RtcpPacket> packets;
    private byte[] wire;
    private final byte[] out = new byte[1500];

    @Setup
    public void setup() {
        packets = List.of(
                new SenderReport(0x11111111L, 0xE5A1B2C3_D4E5F607L, 123456, 1000, 1_000_000,
                        List.of(new ReportBlock(0x22222222L, 3, 17, 70000, 42, 0xA1B2C3D4L, 6553))),
                SourceDescription.cname(0x11111111L, "u8XqA8pQk6ZsPBRy"),
                GenericNack.of(0x11111111L, 0x22222222L, List.of(100, 101, 105, 140)),
                new PictureLossIndication(0x11111111L, 0x22222222L));
        wire = RtcpCompound.toBytes(packets);
    }

    @Benchmark
    public List<RtcpPacket> parse() throws RtpException {
        return RtcpCompound.parse(wire, 0, wire.length);
    }

    @Benchmark
    public int encode() {
        return RtcpCompound.encode(packets, out, 0);
    }
}
