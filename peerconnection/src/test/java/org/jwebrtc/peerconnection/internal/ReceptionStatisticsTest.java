package org.jwebrtc.peerconnection.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.jwebrtc.rtp.rtcp.ReportBlock;
import org.junit.jupiter.api.Test;

/** RFC 3550 A.1/A.3/A.8 receiver statistics and the §6.4.1 RTT arithmetic. */
class ReceptionStatisticsTest {
    @Test
    void lossAcrossTheSequenceWrapAndFractionPerInterval() {
        ReceptionStatistics s = new ReceptionStatistics(7, 90_000);
        long now = 0;
        for (int seq = 65_530; seq < 65_546; seq++) {
            if (seq % 4 != 0) {   // every 4th lost
                s.update(now, seq & 0xFFFF, 0);
            }
            now += 1_000_000;
        }
        assertThat(s.expected()).isEqualTo(16);
        assertThat(s.cumulativeLost()).isEqualTo(4);
        ReportBlock b = s.reportBlock(now);
        assertThat(b.highestSequence()).isEqualTo(65_545);   // one cycle: 0x1_0009
        assertThat(b.cumulativeLost()).isEqualTo(4);
        assertThat(b.fractionLost()).isEqualTo(4 * 256 / 16);
        assertThat(s.reportBlock(now).fractionLost()).as("no new packets: nothing lost in the interval").isZero();
    }

    @Test
    void jitterOfAConstantDelayIsZeroAndGrowsWithVariation() {
        ReceptionStatistics s = new ReceptionStatistics(1, 8000);
        for (int i = 0; i < 50; i++) {
            s.update(i * 20_000_000L, i, i * 160L);   // 20 ms apart, 160 samples apart
        }
        assertThat(s.jitter()).isLessThan(1.0);
        for (int i = 50; i < 100; i++) {
            s.update(i * 20_000_000L + (i % 2) * 5_000_000L, i, i * 160L);   // ±5 ms = 40 samples
        }
        assertThat(s.jitter()).isCloseTo(40, within(4.0));
    }

    @Test
    void roundTripFromLsrAndDlsr() {
        NtpClock clock = new NtpClock(1_700_000_000_000_000_000L);
        long sent = 5_000_000_000L;
        long lsr = clock.compact(sent);
        long dlsr = 65_536 / 10;   // the peer held it 100 ms
        double rtt = clock.roundTripSeconds(sent + 130_000_000L, lsr, dlsr);
        assertThat(rtt).isCloseTo(0.030, within(0.001));
        assertThat(clock.roundTripSeconds(sent, 0, 0)).isEqualTo(-1);
        ReceptionStatistics s = new ReceptionStatistics(1, 90_000);
        s.update(0, 1, 0);
        s.onSenderReport(sent, clock.ntp(sent));
        ReportBlock b = s.reportBlock(sent + 100_000_000L);
        assertThat(b.lastSr()).isEqualTo(lsr);
        assertThat(b.delaySinceLastSr()).isCloseTo(6553L, within(2L));
    }
}
