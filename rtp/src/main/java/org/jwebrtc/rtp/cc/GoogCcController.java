package org.jwebrtc.rtp.cc;

import java.util.ArrayDeque;
import org.jwebrtc.rtp.rtcp.ReceiverEstimatedMaxBitrate;
import org.jwebrtc.rtp.rtcp.RtcpPacket;
import org.jwebrtc.rtp.rtcp.TransportWideFeedback;

/**
 * Sans-IO send-side bandwidth estimator in the style of libwebrtc's GoogCC (draft-ietf-rmcat-gcc-02):
 * transport-wide sequence numbers and a send-time history on send; TWCC feedback
 * (draft-holmer-rmcat-transport-wide-cc-extensions-01) gives per-packet arrival times, which drive a
 * delay-based estimator (inter-arrival groups → trendline → adaptive-threshold overuse detector → AIMD)
 * and a loss-based bound; REMB, if the peer sends it, caps the result. Probing: two clusters at 3x and 6x
 * the start rate, then doubling while each probe is delivered at ≥ 70 % of its rate. The output is
 * {@link #targetBitrateBps()} for the encoder and {@link #pacingBitrateBps()} for the {@link Pacer}.
 *
 * <p>Per sent packet: {@code seq = onPacketSent(now, size, pacer.lastProbeCluster())}, written into the
 * transport-cc header extension; per feedback: {@link #onTransportFeedback}. Not thread-safe; one owner.
 */
public final class GoogCcController {
    private static final double PROBE_CONTINUE_FRACTION = 0.7;

    private final CongestionControlConfig config;
    private final SendHistory history = new SendHistory(1 << 14);
    private final InterArrival interArrival = new InterArrival();
    private final TrendlineEstimator trendline = new TrendlineEstimator();
    private final AimdRateControl aimd;
    private final LossBasedEstimator lossBased;
    private final AcknowledgedBitrate acked = new AcknowledgedBitrate();
    private final ProbeBitrateEstimator probes = new ProbeBitrateEstimator();
    private final ArrayDeque<ProbeCluster> pendingProbes = new ArrayDeque<>();

    private long nextSeq = 1L << 16; // extended; starts one cycle up so reordering never goes negative
    private long remb = Long.MAX_VALUE;
    private long target;
    private long rttNanos = 100_000_000L;
    private boolean started;
    private int nextClusterId;
    private int lastSentCluster = -1;
    private long lastProbeBitrate;   // bitrate of the probe whose result may trigger the next one
    private int lastProbeId = -1;
    private long lastProbeResult;
    private long lastReference = Long.MIN_VALUE;
    private static final long FEEDBACK_TIMEOUT_MS = 1000;
    private static final long TIMEOUT_DECREASE_MS = 500;
    private long firstSend = Long.MIN_VALUE;
    private long lastSend = Long.MIN_VALUE;
    private long lastFeedback = Long.MIN_VALUE;
    private long lastTimeoutDecrease = Long.MIN_VALUE;
    private long targetBeforeTimeout;

    public GoogCcController(CongestionControlConfig config) {
        this.config = config;
        this.aimd = new AimdRateControl(config.startBitrateBps(), config.minBitrateBps(), config.maxBitrateBps());
        this.lossBased = new LossBasedEstimator(config.maxBitrateBps());
        this.target = config.startBitrateBps();
    }

    /**
     * Records a packet leaving now ({@code size} bytes on the wire, {@code probeCluster} from the pacer or -1)
     * and returns the transport-wide sequence number (16-bit) to put in its header extension.
     */
    public int onPacketSent(long nowNanos, int size, int probeCluster) {
        if (!started) {
            start();
        }
        if (lastSentCluster >= 0 && probeCluster != lastSentCluster) {
            probes.close(lastSentCluster);
        }
        if (probeCluster >= 0) {
            probes.onSent(probeCluster, 5);
        }
        lastSentCluster = probeCluster;
        if (firstSend == Long.MIN_VALUE) {
            firstSend = nowNanos;
        }
        lastSend = nowNanos;
        long seq = nextSeq++;
        history.add(seq, nowNanos, size, probeCluster);
        return (int) (seq & 0xFFFF);
    }

    private void start() {
        started = true;
        // libwebrtc ProbeController: initial exponential probes at 3x and 6x the start bitrate
        addProbe(config.startBitrateBps() * 3);
        addProbe(config.startBitrateBps() * 6);
    }

    private void addProbe(long bps) {
        long rate = Math.min(bps, config.maxBitrateBps());
        // enough bytes for ~15 ms at the probe rate, at least 5 packets (libwebrtc min probe duration)
        int minBytes = (int) Math.max(6000, rate * 15 / 8 / 1000);
        ProbeCluster c = new ProbeCluster(nextClusterId++, rate, 5, minBytes);
        pendingProbes.add(c);
        lastProbeBitrate = rate;
        lastProbeId = c.id();
    }

    /** The next probe cluster to hand to the {@link Pacer}, or null. */
    public ProbeCluster pollProbe() {
        if (!started) {
            start();
        }
        return pendingProbes.poll();
    }

    /** Processes one transport-wide feedback packet received now. */
    public void onTransportFeedback(long nowNanos, TransportWideFeedback feedback) {
        lastFeedback = nowNanos;
        if (targetBeforeTimeout > 0) { // the path is back: probe at 85 % of the rate before the outage
            aimd.forgetCapacity();
            addProbe((long) (0.85 * targetBeforeTimeout));
            targetBeforeTimeout = 0;
        }
        long last = nextSeq - 1;
        int delta = (feedback.baseSequenceNumber() - (int) (last & 0xFFFF)) & 0xFFFF;
        long base = last + (delta >= 0x8000 ? delta - 0x10000 : delta);
        long[] arrivals = feedback.arrivalMicros();
        // the 24-bit reference time (64 ms units) wraps every ~12 days: unwrap so arrivals stay monotonic
        int ref = feedback.referenceTime() & 0xFFFFFF;
        if (lastReference != Long.MIN_VALUE) {
            int d = (ref - (int) (lastReference & 0xFFFFFF)) & 0xFFFFFF;
            lastReference += d >= 0x800000 ? d - 0x1000000 : d;
        } else {
            lastReference = ref;
        }
        long shiftMicros = (lastReference - feedback.referenceTime()) * TransportWideFeedback.REFERENCE_TIME_MICROS;
        long newestSend = Long.MIN_VALUE;
        for (int i = 0; i < arrivals.length; i++) {
            int slot = history.find(base + i);
            if (slot < 0 || !history.markReported(slot)) {
                continue;
            }
            boolean received = arrivals[i] >= 0;
            lossBased.onPacket(received);
            long send = history.sendTime(slot);
            int size = history.size(slot);
            long arrival = received ? (arrivals[i] + shiftMicros) * 1000 : -1;
            int cluster = history.cluster(slot);
            if (cluster >= 0) {
                long r = probes.onFeedback(cluster, send, size, arrival);
                if (r > 0) {
                    onProbeResult(nowNanos, cluster, r);
                }
            }
            if (!received) {
                continue;
            }
            newestSend = Math.max(newestSend, send);
            acked.add(arrival, size);
            if (interArrival.add(send, arrival)) {
                trendline.update(interArrival.arrivalDelta, interArrival.sendDelta, arrival);
            }
        }
        if (newestSend != Long.MIN_VALUE) { // feedback RTT: includes the feedback interval, an upper bound
            rttNanos = (7 * rttNanos + (nowNanos - newestSend)) / 8;
            aimd.setRtt(rttNanos);
        }
        aimd.update(trendline.state(), acked.bps(), nowNanos);
        updateTarget(nowNanos); // the loss bound grows from the target this feedback allows
        lossBased.update(nowNanos, target, rttNanos, config.maxBitrateBps());
        updateTarget(nowNanos);
    }

    private void onProbeResult(long now, int cluster, long bps) {
        lastProbeResult = bps;
        aimd.onProbe(bps, now);
        lossBased.onProbe(now, aimd.bitrate());
        if (cluster == lastProbeId && bps >= PROBE_CONTINUE_FRACTION * lastProbeBitrate
                && lastProbeBitrate < config.maxBitrateBps()) {
            addProbe(2 * bps); // the path took it: keep doubling
        }
    }

    /**
     * Convenience for the RTCP receive path: feeds {@link TransportWideFeedback} and
     * {@link ReceiverEstimatedMaxBitrate} packets, ignores every other kind. Returns true if it was used.
     */
    public boolean onRtcp(long nowNanos, RtcpPacket packet) {
        if (packet instanceof TransportWideFeedback twcc) {
            onTransportFeedback(nowNanos, twcc);
            return true;
        }
        if (packet instanceof ReceiverEstimatedMaxBitrate remb) {
            onRemb(nowNanos, remb.bitrate());
            return true;
        }
        return false;
    }

    /** A REMB (draft-alvestrand-rmcat-remb-03) from the receiver caps the estimate. */
    public void onRemb(long nowNanos, long bitrateBps) {
        remb = Math.max(config.minBitrateBps(), bitrateBps);
        updateTarget(nowNanos);
    }

    private void updateTarget(long now) {
        long t = Math.min(aimd.bitrate(), Math.min(lossBased.bound(), remb));
        t = Math.max(config.minBitrateBps(), Math.min(config.maxBitrateBps(), t));
        if (t < aimd.bitrate() * 0.5) {
            aimd.setEstimate(t * 2, now); // keep the delay-based rate from drifting far above a hard cap
        }
        target = t;
    }

    /**
     * Starts the initial probes, and backs off when feedback stops while packets are being sent: after
     * {@value #FEEDBACK_TIMEOUT_MS} ms without feedback the target halves, again every
     * {@value #TIMEOUT_DECREASE_MS} ms (a dead or saturated path gives no TWCC to react to).
     */
    public void handleTimeout(long nowNanos) {
        if (!started) {
            start();
        }
        long due = pollTimeout();
        if (due != Long.MAX_VALUE && nowNanos - due >= 0) {
            if (targetBeforeTimeout == 0) {
                targetBeforeTimeout = target;
            }
            lastTimeoutDecrease = nowNanos;
            long halved = Math.max(config.minBitrateBps(), target / 2);
            aimd.setEstimate(halved, nowNanos);
            lossBased.capAt(halved);
            updateTarget(nowNanos);
        }
    }

    /** Next feedback-timeout check; {@code Long.MAX_VALUE} while nothing is outstanding. */
    public long pollTimeout() {
        if (lastSend == Long.MIN_VALUE || lastFeedback != Long.MIN_VALUE && lastFeedback - lastSend >= 0) {
            return Long.MAX_VALUE;
        }
        long since = lastFeedback == Long.MIN_VALUE ? firstSend : lastFeedback;
        long due = since + FEEDBACK_TIMEOUT_MS * 1_000_000L;
        if (lastTimeoutDecrease != Long.MIN_VALUE && lastTimeoutDecrease - since >= 0) {
            due = Math.max(due, lastTimeoutDecrease + TIMEOUT_DECREASE_MS * 1_000_000L);
        }
        return due;
    }

    /** Bitrate for the encoder (bits per second). */
    public long targetBitrateBps() {
        return target;
    }

    /** Rate for the {@link Pacer}: the target times the pacing factor. */
    public long pacingBitrateBps() {
        return (long) (target * config.pacingFactor());
    }

    /** Smoothed feedback round-trip time (send → feedback received), an upper bound of the path RTT. */
    public long rttNanos() {
        return rttNanos;
    }

    /** Loss fraction of the last loss-based update window. */
    public double lossFraction() {
        return lossBased.lastLossFraction();
    }

    /** Delay-based estimate alone (before the loss and REMB bounds). */
    public long delayBasedBitrateBps() {
        return aimd.bitrate();
    }

    /** Result of the latest completed probe cluster, 0 before any. */
    public long lastProbeResultBps() {
        return lastProbeResult;
    }
}
