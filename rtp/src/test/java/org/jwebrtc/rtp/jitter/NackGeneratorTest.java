package org.jwebrtc.rtp.jitter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The NACK schedule on a virtual clock (RFC 4585 §6.2.1): grace, retry spacing, limits, deadline, overflow. */
class NackGeneratorTest {
    static final long MS = 1_000_000L;

    private static NackGenerator generator() {
        // 500 entries, 5 ms reordering grace, resend every max(20 ms, RTT), 10 tries, 1 s max age
        return new NackGenerator(500, 5 * MS, 20 * MS, 10, 1000 * MS);
    }

    @Test
    void aGapIsRequestedAfterTheGraceThenEveryRttAsSixteenBitSequenceNumbers() {
        NackGenerator g = generator();
        g.setRttNanos(50 * MS);
        assertThat(g.addMissing(65_535, 65_537, 0)).isTrue();   // across the 16-bit wrap
        assertThat(g.collectDue(4 * MS)).as("within the grace: could be reordering").isEmpty();
        assertThat(g.nextDeadline()).isEqualTo(5 * MS);
        assertThat(g.collectDue(5 * MS)).containsExactly(65_535, 0, 1);
        assertThat(g.nextDeadline()).isEqualTo(55 * MS);
        assertThat(g.collectDue(54 * MS)).isEmpty();
        g.received(65_536);
        assertThat(g.collectDue(55 * MS)).containsExactly(65_535, 1);
        assertThat(g.requested()).isEqualTo(5);
    }

    @Test
    void theResendIntervalIsAtLeastTheMinimumWhateverTheRtt() {
        NackGenerator g = generator();
        g.setRttNanos(MS);
        g.addMissing(10, 10, 0);
        assertThat(g.collectDue(5 * MS)).containsExactly(10);
        assertThat(g.collectDue(24 * MS)).isEmpty();
        assertThat(g.collectDue(25 * MS)).containsExactly(10);
    }

    @Test
    void aPacketIsGivenUpAfterTheRetryLimitOrTheMaximumAge() {
        NackGenerator g = generator();
        g.setRttNanos(20 * MS);
        g.addMissing(1, 1, 0);
        int tries = 0;
        for (long t = 0; t <= 2000 * MS; t += MS) {
            tries += g.collectDue(t).size();
        }
        assertThat(tries).isEqualTo(10);
        assertThat(g.size()).isZero();
        assertThat(g.givenUp()).isEqualTo(1);

        NackGenerator slow = generator();
        slow.setRttNanos(300 * MS);   // 4 tries fit into 1 s
        slow.addMissing(1, 1, 0);
        int slowTries = 0;
        for (long t = 0; t <= 2000 * MS; t += MS) {
            slowTries += slow.collectDue(t).size();
        }
        assertThat(slowTries).isEqualTo(4);
        assertThat(slow.nextDeadline()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void packetsBelowTheReleasePointAreForgottenAndAnOversizedBurstAsksForAKeyframe() {
        NackGenerator g = generator();
        g.addMissing(100, 109, 0);
        g.removeBelow(105);
        assertThat(g.collectDue(5 * MS)).containsExactly(105, 106, 107, 108, 109);
        assertThat(g.received(107)).as("had been requested").isTrue();
        assertThat(g.received(107)).as("only once").isFalse();
        assertThat(g.addMissing(200, 200 + 499, 6 * MS)).as("4 + 500 do not fit into 500 entries").isFalse();
        assertThat(g.size()).isZero();
        assertThat(g.collectDue(100 * MS)).isEmpty();
    }
}
