package org.jwebrtc.benchmarks.rtp;

import java.util.concurrent.TimeUnit;
import org.jwebrtc.rtp.cc.CongestionControlConfig;
import org.jwebrtc.rtp.cc.GoogCcController;
import org.jwebrtc.rtp.cc.Pacer;
import org.jwebrtc.rtp.cc.TransportFeedbackGenerator;
import org.jwebrtc.rtp.rtcp.TransportWideFeedback;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Congestion control cost per packet: the sender records it (transport-wide seq + send history), the
 * receiver records its arrival, and every 100 packets one TWCC feedback is built and fed to the estimator
 * (trendline, AIMD, loss bound). Plus the pacer alone (enqueue + release).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CongestionControlBenchmark {
    static final int BATCH = 100;
    private GoogCcController cc;
    private TransportFeedbackGenerator receiver;
    private final Pacer pacer = new Pacer(1_000_000_000L, 5_000_000L, 1024);
    private long now;
    private long pacerNow;
    private long id;

    @Setup
    public void setup() {
        cc = new GoogCcController(CongestionControlConfig.defaults());
        receiver = new TransportFeedbackGenerator(1, 2, 1);
    }

    /** Per packet: 100 packets sent and received 100 µs apart, then one feedback built and processed. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long sendReceiveFeedback() {
        for (int i = 0; i < BATCH; i++) {
            now += 100_000L;
            int seq = cc.onPacketSent(now, 1200, -1);
            receiver.onPacket(now + 20_000_000L, seq);
        }
        receiver.handleTimeout(now + 20_000_000L);
        TransportWideFeedback fb = receiver.pollFeedback();
        cc.onTransportFeedback(now + 40_000_000L, fb);
        return cc.targetBitrateBps();
    }

    /** Per packet: enqueue one 1200-byte packet and release it (1 Gbit/s pacing, time moves 10 µs). */
    @Benchmark
    public long pacerEnqueueRelease() {
        pacerNow += 10_000L;
        pacer.enqueue(pacerNow, id++, 1200);
        return pacer.pollSend(pacerNow);
    }
}
