package org.jwebrtc.rtp.cc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * GoogCC against a simulated bottleneck (rate limit, 200 ms drop-tail queue, 25 ms one-way delay) in virtual
 * time: seeded, deterministic, about a second of CPU per 30 simulated seconds.
 */
class BandwidthEstimationSimulationTest {
    static final long MS = CallSimulation.MS;

    private static CallSimulation call(long rate, double loss) {
        BottleneckLink link = new BottleneckLink(rate, rate / 8 / 5, 25 * MS, loss, 42);
        return new CallSimulation(CongestionControlConfig.defaults(), link);
    }

    @ParameterizedTest
    @ValueSource(longs = {1_000_000, 2_500_000, 5_000_000})
    void theEstimateReachesTheLinkRateWithinTwoSecondsAndAveragesWithinTenPercent(long rate) {
        CallSimulation sim = call(rate, 0);
        sim.run(30_000 * MS);
        long first = sim.firstWithin(rate, 0.10);
        assertThat(first).isBetween(0L, 2_000L); // probing: 3x and 6x the 300 kbps start, then doubling
        double mean = sim.meanTarget(first, 30_000);
        assertThat(mean / rate).isBetween(0.90, 1.05); // AIMD saw-tooth around the capacity
        for (long[] s : sim.samples) { // never far off once found: the decrease is 0.85 x throughput
            if (s[0] > first) {
                assertThat((double) s[1] / rate).isBetween(0.75, 1.10);
            }
        }
        assertThat(sim.link.dropped).isZero(); // the delay-based part keeps the queue from overflowing
    }

    @Test
    void theEstimateBacksOffUnderLossAndRecoversAfterwards() {
        long rate = 2_500_000;
        CallSimulation sim = call(rate, 0);
        sim.run(10_000 * MS);
        double before = sim.meanTarget(5_000, 10_000);
        sim.link.lossRate = 0.15; // loss beyond the 10 % GoogCC tolerates
        sim.run(15_000 * MS);
        assertThat(sim.cc.lossFraction()).isBetween(0.10, 0.25);
        double during = sim.meanTarget(14_000, 15_000);
        assertThat(during / before).isLessThan(0.6);
        sim.link.lossRate = 0.01; // below 2 %: grows again
        sim.run(30_000 * MS);
        assertThat(sim.meanTarget(29_000, 30_000)).isGreaterThan(during * 1.5);
    }

    @Test
    void moderateLossBelowTenPercentDoesNotReduceTheEstimate() {
        long rate = 2_500_000;
        CallSimulation sim = call(rate, 0.05);
        sim.run(20_000 * MS);
        assertThat(sim.meanTarget(10_000, 20_000) / rate).isGreaterThan(0.8);
    }

    @Test
    void whenFeedbackStopsTheTargetHalvesEveryHalfSecondAfterOneSecond() {
        CallSimulation sim = call(2_500_000, 0);
        sim.run(10_000 * MS);
        long before = sim.cc.targetBitrateBps();
        sim.link.lossRate = 1.0; // nothing arrives: no feedback at all
        sim.run(10_900 * MS);
        assertThat(sim.cc.targetBitrateBps()).isGreaterThan(before * 9 / 10); // within the timeout
        sim.run(12_600 * MS);
        long after = sim.cc.targetBitrateBps();
        assertThat(after).isLessThanOrEqualTo(before / 6).isGreaterThanOrEqualTo(before / 20); // 3-4 halvings
        assertThat(sim.cc.pollTimeout()).isGreaterThan(sim.now);
        sim.link.lossRate = 0;
        sim.run(25_000 * MS);
        assertThat(sim.cc.targetBitrateBps()).isGreaterThan(after * 3); // recovers once feedback is back
    }

    @Test
    void aRembCapsTheTarget() throws Exception {
        CallSimulation sim = call(5_000_000, 0);
        sim.run(5_000 * MS);
        byte[] wire = new org.jwebrtc.rtp.rtcp.ReceiverEstimatedMaxBitrate(2, 1_200_000, java.util.List.of(1L)).toBytes();
        for (org.jwebrtc.rtp.rtcp.RtcpPacket p : org.jwebrtc.rtp.rtcp.RtcpCompound.parse(wire, 0, wire.length)) {
            assertThat(sim.cc.onRtcp(sim.now, p)).isTrue(); // parsed REMB as the input
        }
        assertThat(sim.cc.onRtcp(sim.now, new org.jwebrtc.rtp.rtcp.PictureLossIndication(1, 2))).isFalse();
        sim.run(6_000 * MS);
        assertThat(sim.cc.targetBitrateBps()).isEqualTo(1_200_000);
        assertThat(sim.cc.pacingBitrateBps()).isEqualTo(3_000_000);
    }

    @Test
    void aLinkThatSlowsDownIsFollowedWithinSeconds() {
        CallSimulation sim = call(5_000_000, 0);
        sim.run(10_000 * MS);
        sim.link.rateBps = 1_500_000;
        sim.run(20_000 * MS);
        long below = sim.samples.stream().filter(s -> s[0] >= 10_000 && s[1] <= 1.15 * 1_500_000).findFirst()
                .orElseThrow()[0];
        assertThat(below - 10_000).isBetween(0L, 1_000L); // backs off within a second
        long back = sim.firstWithin(1_500_000, 0.15, below);
        assertThat(back - 10_000).isBetween(0L, 5_000L); // and is back near the new rate within seconds
        assertThat(sim.meanTarget(15_000, 20_000) / 1_500_000).isBetween(0.85, 1.05);
    }
}
