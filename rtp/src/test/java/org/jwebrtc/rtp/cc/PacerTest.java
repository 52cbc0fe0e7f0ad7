package org.jwebrtc.rtp.cc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PacerTest {
    static final long MS = 1_000_000L;

    @Test
    void releasesQueuedPacketsAtThePacingRateWithBoundedBursts() {
        Pacer p = new Pacer(800_000, 5 * MS, 1000); // 100 bytes per ms, burst cap 500 bytes
        for (int i = 0; i < 100; i++) {
            assertThat(p.enqueue(0, i, 1000)).isTrue();
        }
        long sent = 0;
        long lastAt = 0;
        int maxPerMs = 0;
        for (long t = 0; t <= 2000 * MS && sent < 100; t += MS) {
            int n = 0;
            for (long id; (id = p.pollSend(t)) != Pacer.NONE; ) {
                assertThat(id).isEqualTo(sent);
                sent++;
                n++;
                lastAt = t;
            }
            maxPerMs = Math.max(maxPerMs, n);
        }
        assertThat(sent).isEqualTo(100);
        assertThat(lastAt).isBetween(980 * MS, 1010 * MS); // 100 kB at 100 B/ms
        assertThat(maxPerMs).isEqualTo(1);
        assertThat(p.queuedPackets()).isZero();
        assertThat(p.pollTimeout()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void pollTimeoutSaysWhenTheBudgetAllowsTheNextPacket() {
        Pacer p = new Pacer(8_000_000, 5 * MS, 10); // 1000 bytes per ms
        p.enqueue(0, 1, 1200);
        p.enqueue(0, 2, 1200);
        assertThat(p.pollSend(0)).isEqualTo(1);
        assertThat(p.pollSend(0)).isEqualTo(Pacer.NONE);
        assertThat(p.pollTimeout()).isEqualTo(1_200_000L); // 1200 bytes owed at 1 B/µs
        assertThat(p.pollSend(1_200_000L)).isEqualTo(2);
    }

    @Test
    void aProbeClusterRunsAtItsOwnRateWithPaddingWhenTheQueueIsEmpty() {
        Pacer p = new Pacer(100_000, 5 * MS, 10);
        p.enqueue(0, 7, 500);
        p.addProbe(new ProbeCluster(3, 8_000_000, 5, 6000)); // 1 byte per µs
        assertThat(p.pollSend(0)).isEqualTo(7);
        assertThat(p.lastProbeCluster()).isEqualTo(3);
        long t = p.pollTimeout();
        assertThat(t).isEqualTo(500_000L);
        int bytes = 500;
        int packets = 1;
        long lastSend = 0;
        while (true) {
            long id = p.pollSend(t);
            if (id == Pacer.NONE || p.lastProbeCluster() != 3) {
                break;
            }
            lastSend = t;
            assertThat(id).isEqualTo(Pacer.PADDING);
            bytes += p.lastSize();
            packets++;
            t = p.pollTimeout();
        }
        assertThat(bytes).isGreaterThanOrEqualTo(6000);
        assertThat(packets).isGreaterThanOrEqualTo(5);
        assertThat(lastSend).isBetween(5 * MS, 7 * MS); // ~6.5 kB at 8 Mbit/s
        assertThat(p.pollTimeout()).isEqualTo(Long.MAX_VALUE); // probe done, nothing queued
    }

    @Test
    void aFullQueueRefusesPackets() {
        Pacer p = new Pacer(1000, 5 * MS, 2);
        assertThat(p.enqueue(0, 1, 10)).isTrue();
        assertThat(p.enqueue(0, 2, 10)).isTrue();
        assertThat(p.enqueue(0, 3, 10)).isFalse();
        assertThat(p.queuedBytes()).isEqualTo(20);
    }
}
