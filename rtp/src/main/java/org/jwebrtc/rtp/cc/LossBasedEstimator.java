package org.jwebrtc.rtp.cc;

/**
 * Loss-based bound of GoogCC (draft-ietf-rmcat-gcc-02 §6, libwebrtc SendSideBandwidthEstimation): loss is
 * measured over at least 20 reported packets; below 2 % the bound grows 8 % above the lowest target of the
 * last second, above 10 % it drops to {@code rate x (1 - loss/2)} at most once per 300 ms + RTT, in between
 * it holds.
 */
final class LossBasedEstimator {
    private static final int MIN_PACKETS = 20;
    private final long[] histTime = new long[64];
    private final long[] histRate = new long[64];
    private int histHead;
    private int histSize;
    private int lost;
    private int total;
    private double lastLoss;
    private long bound;
    private long lastDecrease = Long.MIN_VALUE;

    LossBasedEstimator(long startBps) {
        bound = startBps;
    }

    long bound() {
        return bound;
    }

    double lastLossFraction() {
        return lastLoss;
    }

    /** A probe showed the path carries {@code bps}: the bound starts from there (libwebrtc SetSendBitrate). */
    void onProbe(long now, long bps) {
        if (bps > bound || histSize == 0) {
            bound = Math.max(bound, bps);
        }
        histHead = 0;
        histSize = 0;
        remember(now, bps);
    }

    /** Feedback timed out: the bound drops with the target. */
    void capAt(long bps) {
        bound = Math.min(bound, bps);
    }

    void onPacket(boolean received) {
        total++;
        if (!received) {
            lost++;
        }
    }

    /** Records the current target (for the 1 s minimum) and, once enough packets were reported, updates. */
    void update(long now, long currentTarget, long rttNanos, long maxBps) {
        remember(now, currentTarget);
        if (total < MIN_PACKETS) {
            return;
        }
        double loss = (double) lost / total;
        lastLoss = loss;
        lost = 0;
        total = 0;
        if (loss < 0.02) {
            bound = Math.min(maxBps, (long) (1.08 * minRecent(now)) + 1000);
        } else if (loss > 0.10) {
            if (lastDecrease == Long.MIN_VALUE || now - lastDecrease >= 300_000_000L + rttNanos) {
                bound = (long) (Math.min(bound, currentTarget) * (1 - loss / 2));
                lastDecrease = now;
            }
        } else {
            bound = Math.min(bound, Math.max(currentTarget, bound)); // hold
        }
    }

    private void remember(long now, long rate) {
        if (histSize == histTime.length) {
            histHead = (histHead + 1) % histTime.length;
            histSize--;
        }
        int i = (histHead + histSize) % histTime.length;
        histTime[i] = now;
        histRate[i] = rate;
        histSize++;
        while (histSize > 1 && now - histTime[histHead] > 1_000_000_000L) {
            histHead = (histHead + 1) % histTime.length;
            histSize--;
        }
    }

    private long minRecent(long now) {
        long m = Long.MAX_VALUE;
        for (int k = 0; k < histSize; k++) {
            m = Math.min(m, histRate[(histHead + k) % histTime.length]);
        }
        return m;
    }
}
