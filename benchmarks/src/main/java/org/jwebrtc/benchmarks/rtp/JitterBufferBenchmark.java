package org.jwebrtc.benchmarks.rtp;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.jwebrtc.rtp.RtpException;
import org.jwebrtc.rtp.RtpHeader;
import org.jwebrtc.rtp.codec.Vp8Depacketizer;
import org.jwebrtc.rtp.codec.Vp8Packetizer;
import org.jwebrtc.rtp.jitter.Frame;
import org.jwebrtc.rtp.jitter.JitterBuffer;
import org.jwebrtc.rtp.jitter.JitterBufferConfig;
import org.jwebrtc.rtp.rtx.RtpPacketHistory;
import org.jwebrtc.rtp.rtx.RtxDecoder;
import org.jwebrtc.rtp.rtx.RtxEncoder;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Receive path per packet: a VP8 stream of 5 x 1000-byte packets per frame at 30 fps into a
 * {@link JitterBuffer}, frames drained as they complete (in order, and with every pair of packets swapped).
 * B/op is the released frame (payload copies + depacketized frame + record) spread over its 5 packets; the
 * insert itself copies into preallocated slots. Plus the RTX path: history store, fetch for a NACK,
 * encapsulate, decapsulate (allocation-free).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JitterBufferBenchmark {
    static final int PER_FRAME = 5;
    static final long FRAME_NANOS = 33_333_333L;

    private final byte[][] templates = new byte[PER_FRAME][];
    private final byte[] work = new byte[1500];
    private JitterBuffer inOrder;
    private JitterBuffer swapped;
    private long n;
    private long m;

    private final RtpPacketHistory history = new RtpPacketHistory(1024, 1500, 1_000_000_000L);
    private final RtxEncoder rtxEncoder = new RtxEncoder(0x5678, Map.of(96, 97), 0);
    private final RtxDecoder rtxDecoder = new RtxDecoder(0x1234, Map.of(97, 96));
    private final byte[] rtx = new byte[1600];
    private long h;

    @Setup
    public void setup() {
        byte[] frame = new byte[PER_FRAME * 1000 - 40];
        new Random(1).nextBytes(frame);
        frame[0] &= (byte) 0xFE; // every frame a keyframe: the stream never stalls
        List<byte[]> payloads = new Vp8Packetizer(15, 0).packetize(frame, 1000);
        if (payloads.size() != PER_FRAME) {
            throw new AssertionError(payloads.size() + " payloads");
        }
        for (int i = 0; i < PER_FRAME; i++) {
            RtpHeader hdr = RtpHeader.of(96, 0, 0, 0x1234).withMarker(i == PER_FRAME - 1);
            byte[] p = new byte[hdr.encodedLength() + payloads.get(i).length];
            int k = hdr.encode(p, 0);
            System.arraycopy(payloads.get(i), 0, p, k, payloads.get(i).length);
            templates[i] = p;
        }
        inOrder = new JitterBuffer(JitterBufferConfig.video(90_000), new Vp8Depacketizer());
        swapped = new JitterBuffer(JitterBufferConfig.video(90_000), new Vp8Depacketizer());
    }

    private int packet(long index) {
        byte[] t = templates[(int) (index % PER_FRAME)];
        System.arraycopy(t, 0, work, 0, t.length);
        int seq = (int) (index & 0xFFFF);
        long ts = (index / PER_FRAME) * 3000 & 0xFFFFFFFFL;
        work[2] = (byte) (seq >>> 8);
        work[3] = (byte) seq;
        work[4] = (byte) (ts >>> 24);
        work[5] = (byte) (ts >>> 16);
        work[6] = (byte) (ts >>> 8);
        work[7] = (byte) ts;
        return t.length;
    }

    private static void drain(JitterBuffer jb, Blackhole bh) {
        for (Frame f; (f = jb.pollFrame()) != null; ) {
            bh.consume(f);
        }
        for (Object e; (e = jb.pollEvent()) != null; ) {
            bh.consume(e);
        }
    }

    /** One packet in sequence order, then drain. */
    @Benchmark
    public void insertAndPopInOrder(Blackhole bh) {
        long i = n++;
        int len = packet(i);
        inOrder.insert((i / PER_FRAME) * FRAME_NANOS, work, 0, len);
        drain(inOrder, bh);
    }

    /** One packet with every pair swapped (1,0,3,2,...): the reorder path, no NACK (within the grace). */
    @Benchmark
    public void insertAndPopReordered(Blackhole bh) {
        long j = m++;
        long i = j ^ 1;
        int len = packet(i);
        swapped.insert((j / PER_FRAME) * FRAME_NANOS, work, 0, len);
        drain(swapped, bh);
    }

    /** Sender stores a packet, a NACK fetches an older one, it goes out as RTX and the receiver restores it. */
    @Benchmark
    public int rtxStoreResendRestore() throws RtpException {
        long i = h++;
        int len = packet(i);
        long now = i * 1_000_000L;
        history.store(now, work, 0, len);
        int old = (int) ((i - 100) & 0xFFFF);
        int k = history.get(now, i >= 100 ? old : (int) (i & 0xFFFF), work, 0);
        int r = rtxEncoder.encapsulate(work, 0, k, rtx, 0);
        return rtxDecoder.decapsulate(rtx, 0, r);
    }
}
