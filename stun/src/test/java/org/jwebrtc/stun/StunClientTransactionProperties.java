package org.jwebrtc.stun;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** Whatever arrives and whenever the caller wakes it, a transaction never throws and ends on time. */
class StunClientTransactionProperties {

    @Property(tries = 300)
    void junkAndLateWakeUpsNeverBreakTheSchedule(
            @ForAll @Size(max = 20) List<@Size(max = 60) byte[]> junk,
            @ForAll @LongRange(min = 0, max = 3_000_000_000L) long lateness,
            @ForAll @IntRange(min = 1, max = 9) int rc,
            @ForAll boolean reliable) {
        StunTransactionConfig cfg = reliable ? StunTransactionConfig.reliableTransport()
                : new StunTransactionConfig(500_000_000L, rc, 16, false, 39_500_000_000L);
        StunMessage req = StunMessage.of(StunClass.REQUEST, StunMethod.BINDING, TransactionId.of(new byte[12]));
        StunClientTransaction t = StunClientTransaction.of(req, new byte[] {1}, true, cfg);
        long now = 1_000;
        t.start(now);
        int i = 0;
        while (!t.isDone()) {
            while (t.pollTransmit() != null) {
                // sent
            }
            if (i < junk.size()) {
                byte[] j = junk.get(i++);
                t.handleInput(now, j, 0, j.length);
                // also junk carrying our transaction ID
                byte[] ours = req.toBytes();
                if (j.length > 0) {
                    ours[ours.length > 20 ? 20 : 0] ^= j[0];
                }
                t.handleInput(now, ours, 0, ours.length);
            }
            now = t.pollTimeout() + lateness / (i + 1);
            t.handleTimeout(now);
        }
        assertThat(t.pollEvent()).isInstanceOf(StunTransactionEvent.Timeout.class);
        assertThat(t.sends()).isEqualTo(reliable ? 1 : rc);
        assertThat(t.pollTimeout()).isEqualTo(Long.MAX_VALUE);
    }
}
