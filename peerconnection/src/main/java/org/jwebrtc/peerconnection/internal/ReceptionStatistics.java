package org.jwebrtc.peerconnection.internal;

import org.jwebrtc.rtp.rtcp.ReportBlock;

/**
 * Receiver-side statistics of one RTP source (RFC 3550 §6.4.1, Appendix A.1, A.3, A.8): extended highest
 * sequence number, cumulative and fractional loss, interarrival jitter, and the LSR/DLSR pair for the sender's RTT.
 * Not thread-safe: owned by the connection's loop.
 */
public final class ReceptionStatistics {
    private final long ssrc;
    private final int clockRate;
    private boolean started;
    private long baseExt;
    private long maxExt;
    private long received;
    private long expectedPrior;
    private long receivedPrior;
    private double jitter;
    private long lastTransit;
    private boolean haveTransit;
    private long lastSrMiddle;
    private long lastSrArrivalNanos;

    public ReceptionStatistics(long ssrc, int clockRate) {
        this.ssrc = ssrc;
        this.clockRate = clockRate;
    }

    /**
     * Counts one packet and returns its extended sequence number (RFC 3550 A.1: the 16-bit number unwrapped
     * around the highest one seen, so late packets from before a wrap stay below it).
     */
    public long update(long nowNanos, int seq, long rtpTimestamp) {
        return update(nowNanos, seq, rtpTimestamp, false);
    }

    /** As {@link #update(long, int, long)}; a retransmission counts but its late arrival is no jitter sample. */
    public long update(long nowNanos, int seq, long rtpTimestamp, boolean retransmitted) {
        long ext;
        if (!started) {
            started = true;
            ext = 65_536L + seq;   // leave room below for reordered packets of the first cycle
            baseExt = ext;
            maxExt = ext;
        } else {
            int delta = (short) (seq - (int) (maxExt & 0xFFFF));
            ext = maxExt + delta;
            if (ext > maxExt) {
                maxExt = ext;
            }
            if (ext < baseExt) {
                baseExt = ext;
            }
        }
        received++;
        if (retransmitted) {
            return ext;
        }
        // RFC 3550 A.8: arrival in timestamp units; the offset between the clocks cancels out in the difference
        long arrival = (long) (nowNanos / 1e9 * clockRate);
        long transit = arrival - rtpTimestamp;
        if (haveTransit) {
            long d = Math.abs(transit - lastTransit);
            jitter += (d - jitter) / 16.0;
        }
        lastTransit = transit;
        haveTransit = true;
        return ext;
    }

    /** The extended sequence number {@code seq} would get, without counting it (RFC 3550 A.1). */
    public long extend(int seq) {
        return started ? maxExt + (short) (seq - (int) (maxExt & 0xFFFF)) : 65_536L + seq;
    }

    /** A sender report arrived: keep the middle 32 bits of its NTP time and when (RFC 3550 §6.4.1 LSR/DLSR). */
    public void onSenderReport(long nowNanos, long ntpTimestamp) {
        lastSrMiddle = (ntpTimestamp >>> 16) & 0xFFFF_FFFFL;
        lastSrArrivalNanos = nowNanos;
    }

    public long ssrc() {
        return ssrc;
    }

    public long packetsReceived() {
        return received;
    }

    public long expected() {
        return started ? maxExt - baseExt + 1 : 0;
    }

    /** RFC 3550 A.3: expected minus received; negative with duplicates. */
    public long cumulativeLost() {
        return expected() - received;
    }

    public long highestSequence() {
        return maxExt - 65_536L;
    }

    /** Interarrival jitter in timestamp units (RFC 3550 A.8). */
    public double jitter() {
        return jitter;
    }

    public double jitterSeconds() {
        return jitter / clockRate;
    }

    /** The report block for an SR/RR, advancing the interval of the fraction lost (RFC 3550 A.3). */
    public ReportBlock reportBlock(long nowNanos) {
        long expected = expected();
        long expectedInterval = expected - expectedPrior;
        long receivedInterval = received - receivedPrior;
        expectedPrior = expected;
        receivedPrior = received;
        long lostInterval = expectedInterval - receivedInterval;
        int fraction = expectedInterval == 0 || lostInterval <= 0 ? 0 : (int) ((lostInterval << 8) / expectedInterval);
        long lost = Math.max(-0x800000, Math.min(0x7FFFFF, cumulativeLost()));
        long dlsr = 0;
        if (lastSrArrivalNanos != 0 || lastSrMiddle != 0) {
            dlsr = (nowNanos - lastSrArrivalNanos) * 65_536L / 1_000_000_000L;   // units of 1/65536 s
        }
        return new ReportBlock(ssrc, Math.min(255, fraction), (int) lost, highestSequence() & 0xFFFF_FFFFL,
                Math.min(0xFFFF_FFFFL, (long) jitter), lastSrMiddle, lastSrMiddle == 0 ? 0 : dlsr & 0xFFFF_FFFFL);
    }
}
