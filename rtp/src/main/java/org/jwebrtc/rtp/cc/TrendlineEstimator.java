package org.jwebrtc.rtp.cc;

/**
 * Delay-gradient estimate and overuse detection of GoogCC (draft-ietf-rmcat-gcc-02 §5.3-5.4, as in
 * libwebrtc's TrendlineEstimator): accumulated delay variation is smoothed (0.9), the slope of the last 20
 * (time, delay) points is fitted by least squares, scaled by the sample count (up to 60) and a gain of 4,
 * and compared with an adaptive threshold (starts at 12.5 ms, k_up 0.0087, k_down 0.039, 6..600 ms). Overuse
 * must last 10 ms over two groups with a non-falling trend. Times in milliseconds (doubles) inside.
 */
final class TrendlineEstimator {
    private static final int WINDOW = 20;
    private static final double SMOOTHING = 0.9;
    private static final double GAIN = 4.0;
    private static final int MIN_DELTAS = 60;
    private static final double K_UP = 0.0087;
    private static final double K_DOWN = 0.039;
    private static final double OVERUSE_TIME_MS = 10;
    private static final double MAX_ADAPT_OFFSET_MS = 15;

    private final double[] x = new double[WINDOW];
    private final double[] y = new double[WINDOW];
    private int count;
    private int head;
    private int deltas;
    private double firstArrivalMs = Double.NaN;
    private double accumulated;
    private double smoothed;
    private double threshold = 12.5;
    private double lastThresholdUpdateMs = Double.NaN;
    private double timeOverUsing = -1;
    private int overuseCounter;
    private double prevTrend;
    private double modifiedTrend;
    private BandwidthUsage state = BandwidthUsage.NORMAL;

    BandwidthUsage state() {
        return state;
    }

    double threshold() {
        return threshold;
    }

    double modifiedTrend() {
        return modifiedTrend;
    }

    void update(long arrivalDeltaNanos, long sendDeltaNanos, long arrivalNanos) {
        double arrivalDeltaMs = arrivalDeltaNanos / 1e6;
        double sendDeltaMs = sendDeltaNanos / 1e6;
        double nowMs = arrivalNanos / 1e6;
        double delta = arrivalDeltaMs - sendDeltaMs;
        deltas = Math.min(deltas + 1, 1000);
        if (Double.isNaN(firstArrivalMs)) {
            firstArrivalMs = nowMs;
        }
        accumulated += delta;
        smoothed = SMOOTHING * smoothed + (1 - SMOOTHING) * accumulated;
        int i = (head + count) % WINDOW;
        if (count == WINDOW) {
            i = head;
            head = (head + 1) % WINDOW;
        } else {
            count++;
        }
        x[i] = nowMs - firstArrivalMs;
        y[i] = smoothed;
        double trend = prevTrend;
        if (count == WINDOW) {
            trend = slope();
        }
        detect(trend, sendDeltaMs, nowMs);
    }

    /** Least-squares slope of the window (libwebrtc LinearFitSlope). */
    private double slope() {
        double sx = 0;
        double sy = 0;
        for (int k = 0; k < count; k++) {
            sx += x[k];
            sy += y[k];
        }
        double mx = sx / count;
        double my = sy / count;
        double num = 0;
        double den = 0;
        for (int k = 0; k < count; k++) {
            num += (x[k] - mx) * (y[k] - my);
            den += (x[k] - mx) * (x[k] - mx);
        }
        return den == 0 ? prevTrend : num / den;
    }

    private void detect(double trend, double tsDeltaMs, double nowMs) {
        if (deltas < 2) {
            state = BandwidthUsage.NORMAL;
            return;
        }
        modifiedTrend = Math.min(deltas, MIN_DELTAS) * trend * GAIN;
        if (modifiedTrend > threshold) {
            timeOverUsing = timeOverUsing < 0 ? tsDeltaMs / 2 : timeOverUsing + tsDeltaMs;
            overuseCounter++;
            if (timeOverUsing > OVERUSE_TIME_MS && overuseCounter > 1 && trend >= prevTrend) {
                timeOverUsing = 0;
                overuseCounter = 0;
                state = BandwidthUsage.OVERUSING;
            }
        } else if (modifiedTrend < -threshold) {
            timeOverUsing = -1;
            overuseCounter = 0;
            state = BandwidthUsage.UNDERUSING;
        } else {
            timeOverUsing = -1;
            overuseCounter = 0;
            state = BandwidthUsage.NORMAL;
        }
        prevTrend = trend;
        updateThreshold(nowMs);
    }

    /** §5.4: gamma follows |m| slowly (k_down) or quickly (k_up), ignoring spikes beyond 15 ms. */
    private void updateThreshold(double nowMs) {
        if (Double.isNaN(lastThresholdUpdateMs)) {
            lastThresholdUpdateMs = nowMs;
        }
        double m = Math.abs(modifiedTrend);
        if (m > threshold + MAX_ADAPT_OFFSET_MS) {
            lastThresholdUpdateMs = nowMs;
            return;
        }
        double k = m < threshold ? K_DOWN : K_UP;
        double dt = Math.min(nowMs - lastThresholdUpdateMs, 100);
        threshold += k * (m - threshold) * dt;
        threshold = Math.max(6, Math.min(600, threshold));
        lastThresholdUpdateMs = nowMs;
    }
}
