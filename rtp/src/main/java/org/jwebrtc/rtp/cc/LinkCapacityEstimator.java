package org.jwebrtc.rtp.cc;

/**
 * Running estimate of the link capacity from the throughput seen at overuse (and probe results), with a
 * normalised deviation so AIMD knows when it is near the capacity (libwebrtc LinkCapacityEstimator).
 */
final class LinkCapacityEstimator {
    private double estimateKbps = Double.NaN;
    private double deviationKbps = 0.4;

    boolean hasEstimate() {
        return !Double.isNaN(estimateKbps);
    }

    double estimateBps() {
        return estimateKbps * 1000;
    }

    double upperBoundBps() {
        return hasEstimate() ? (estimateKbps + 3 * deviation()) * 1000 : Double.POSITIVE_INFINITY;
    }

    double lowerBoundBps() {
        return hasEstimate() ? Math.max(0, estimateKbps - 3 * deviation()) * 1000 : 0;
    }

    private double deviation() {
        return Math.sqrt(deviationKbps * estimateKbps);
    }

    void reset() {
        estimateKbps = Double.NaN;
    }

    void onOveruse(double throughputBps) {
        update(throughputBps, 0.05);
    }

    void onProbe(double bps) {
        update(bps, 0.5);
    }

    private void update(double sampleBps, double alpha) {
        double sample = sampleBps / 1000;
        estimateKbps = hasEstimate() ? (1 - alpha) * estimateKbps + alpha * sample : sample;
        double norm = Math.max(estimateKbps, 1.0);
        double err = estimateKbps - sample;
        deviationKbps = (1 - alpha) * deviationKbps + alpha * err * err / norm;
        deviationKbps = Math.max(0.4, Math.min(2.5, deviationKbps));
    }
}
