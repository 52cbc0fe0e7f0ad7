package org.jwebrtc.rtp.cc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrendlineEstimatorTest {
    static final long MS = 1_000_000L;

    /** Groups 10 ms apart on send; arrival spacing 10 ms + growthMs per group. */
    private static TrendlineEstimator feed(double growthMs, int groups) {
        TrendlineEstimator t = new TrendlineEstimator();
        InterArrival ia = new InterArrival();
        double arrival = 0;
        for (int g = 0; g < groups; g++) {
            long send = g * 10 * MS;
            arrival += (10 + growthMs) * MS;
            for (int k = 0; k < 3; k++) { // three packets per 1 ms burst
                long a = (long) arrival + k * 100_000L;
                if (ia.add(send + k * 100_000L, a)) {
                    t.update(ia.arrivalDelta, ia.sendDelta, a);
                }
            }
        }
        return t;
    }

    @Test
    void steadyDelayIsNormal() {
        assertThat(feed(0, 200).state()).isEqualTo(BandwidthUsage.NORMAL);
    }

    @Test
    void aGrowingQueueIsOveruse() {
        assertThat(feed(1.0, 100).state()).isEqualTo(BandwidthUsage.OVERUSING);
    }

    @Test
    void aDrainingQueueIsUnderuse() {
        assertThat(feed(-1.0, 100).state()).isEqualTo(BandwidthUsage.UNDERUSING);
    }

    @Test
    void theThresholdAdaptsTowardsTheTrendWithinItsBounds() {
        TrendlineEstimator t = feed(0, 500);
        assertThat(t.threshold()).isBetween(6.0, 12.5); // decays (k_down) towards a quiet trend, floor 6 ms
    }
}
