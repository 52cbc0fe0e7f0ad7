package org.jwebrtc.rtp.cc;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.jwebrtc.rtp.rtcp.TransportWideFeedback;

/**
 * A sender (30 fps encoder following the target, pacer, GoogCC) and a receiver (TWCC feedback every 50 ms)
 * over a {@link BottleneckLink}, stepped in 1 ms of virtual time. The feedback path has the same
 * propagation delay and no bottleneck.
 */
final class CallSimulation {
    static final long MS = 1_000_000L;

    final GoogCcController cc;
    final Pacer pacer;
    final BottleneckLink link;
    final TransportFeedbackGenerator receiver = new TransportFeedbackGenerator(2, 1, 50 * MS);
    private final ArrayDeque<Object[]> feedback = new ArrayDeque<>(); // {deliverAt, fb}
    final List<long[]> samples = new ArrayList<>(); // {time ms, target bps}
    long now;
    private long nextFrame;
    private long packetId;
    long sentBytes;

    CallSimulation(CongestionControlConfig config, BottleneckLink link) {
        this.cc = new GoogCcController(config);
        this.pacer = new Pacer(config.startBitrateBps(), 5 * MS, 100_000);
        this.link = link;
    }

    void run(long untilNanos) {
        for (; now < untilNanos; now += MS) {
            step();
        }
    }

    private void step() {
        cc.handleTimeout(now);
        if (now >= nextFrame) { // encoder: one frame at the current target
            long bytes = cc.targetBitrateBps() / 8 / 30;
            while (bytes > 0) {
                int size = (int) Math.min(1200, bytes);
                pacer.enqueue(now, packetId++, size);
                bytes -= size;
            }
            nextFrame += 1_000_000_000L / 30;
        }
        for (ProbeCluster c; (c = cc.pollProbe()) != null; ) {
            pacer.addProbe(c);
        }
        pacer.setPacingRate(cc.pacingBitrateBps());
        for (long id; (id = pacer.pollSend(now)) != Pacer.NONE; ) {
            int size = pacer.lastSize();
            int seq = cc.onPacketSent(now, size, pacer.lastProbeCluster());
            sentBytes += size;
            link.send(now, seq, size);
        }
        link.deliver(now, (arrival, seq) -> receiver.onPacket(arrival, seq));
        receiver.handleTimeout(now);
        TransportWideFeedback fb = receiver.pollFeedback();
        if (fb != null) {
            feedback.add(new Object[] {now + link.propagationNanos, fb});
        }
        while (!feedback.isEmpty() && (long) feedback.peek()[0] <= now) {
            cc.onTransportFeedback(now, (TransportWideFeedback) feedback.poll()[1]);
        }
        if (now % (100 * MS) == 0) {
            samples.add(new long[] {now / MS, cc.targetBitrateBps()});
        }
    }

    /** Mean target over [fromMs, toMs). */
    double meanTarget(long fromMs, long toMs) {
        return samples.stream().filter(s -> s[0] >= fromMs && s[0] < toMs).mapToLong(s -> s[1]).average().orElse(0);
    }

    /** First time (ms) after which the target stays within ±band of rate until toMs; -1 if never. */
    long settledWithin(double rate, double band, long toMs) {
        long settled = -1;
        for (long[] s : samples) {
            if (s[0] >= toMs) {
                break;
            }
            boolean in = Math.abs(s[1] - rate) <= band * rate;
            if (in && settled < 0) {
                settled = s[0];
            } else if (!in) {
                settled = -1;
            }
        }
        return settled;
    }

    /** First time (ms) the target came within ±band of rate. */
    long firstWithin(double rate, double band) {
        return firstWithin(rate, band, 0);
    }

    /** First time (ms) at or after fromMs the target came within ±band of rate; -1 if never. */
    long firstWithin(double rate, double band, long fromMs) {
        for (long[] s : samples) {
            if (s[0] >= fromMs && Math.abs(s[1] - rate) <= band * rate) {
                return s[0];
            }
        }
        return -1;
    }
}
