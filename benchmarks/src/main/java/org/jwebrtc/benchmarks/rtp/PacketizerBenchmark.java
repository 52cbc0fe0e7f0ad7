package org.jwebrtc.benchmarks.rtp;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.jwebrtc.rtp.RtpException;
import org.jwebrtc.rtp.codec.H264Depacketizer;
import org.jwebrtc.rtp.codec.H264Packetizer;
import org.jwebrtc.rtp.codec.Vp8Depacketizer;
import org.jwebrtc.rtp.codec.Vp8Packetizer;
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
 * A 20 KB video frame at MTU 1200: H.264 (Annex B access unit SPS + PPS + one 20 KB IDR slice: STAP-A +
 * FU-A) and VP8 (15-bit PictureID), packetize and depacketize. These allocate the payload copies by
 * design (List&lt;byte[]&gt; API), so B/op is about the frame size.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PacketizerBenchmark {
    static final int FRAME = 20 * 1024;
    static final int MTU = 1200;

    private byte[] h264Frame;
    private byte[] vp8Frame;
    private final H264Packetizer h264 = new H264Packetizer(1);
    private final H264Depacketizer h264d = new H264Depacketizer();
    private final Vp8Packetizer vp8 = new Vp8Packetizer(15, 0);
    private final Vp8Depacketizer vp8d = new Vp8Depacketizer();
    private List<byte[]> h264Payloads;
    private List<byte[]> vp8Payloads;

    @Setup
    public void setup() {
        Random r = new Random(1);
        byte[] slice = new byte[FRAME];
        r.nextBytes(slice);
        for (int i = 0; i + 2 < slice.length; i++) { // keep the slice free of start codes
            if (slice[i] == 0 && slice[i + 1] == 0) {
                slice[i + 2] = (byte) 0xFF;
            }
        }
        slice[0] = 0x65;
        slice[slice.length - 1] = (byte) 0x80;
        byte[] sps = {0x67, 0x42, (byte) 0xC0, 0x1F, (byte) 0xDA, 0x01, 0x40, 0x16, (byte) 0xEC};
        byte[] pps = {0x68, (byte) 0xCE, 0x3C, (byte) 0x80};
        List<byte[]> nals = new ArrayList<>(List.of(sps, pps, slice));
        h264Frame = org.jwebrtc.rtp.codec.AnnexB.join(nals);
        vp8Frame = new byte[FRAME];
        r.nextBytes(vp8Frame);
        vp8Frame[0] &= (byte) 0xFE; // key frame
        h264Payloads = h264.packetize(h264Frame, MTU);
        vp8Payloads = vp8.packetize(vp8Frame, MTU);
    }

    @Benchmark
    public List<byte[]> h264Packetize() {
        return h264.packetize(h264Frame, MTU);
    }

    @Benchmark
    public byte[] h264Depacketize() throws RtpException {
        return h264d.depacketize(h264Payloads);
    }

    @Benchmark
    public List<byte[]> vp8Packetize() {
        return vp8.packetize(vp8Frame, MTU);
    }

    @Benchmark
    public byte[] vp8Depacketize() throws RtpException {
        return vp8d.depacketize(vp8Payloads);
    }
}
