package org.jwebrtc.rtp.cc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.jwebrtc.rtp.rtcp.RtcpCompound;
import org.jwebrtc.rtp.rtcp.TransportWideFeedback;

class TransportFeedbackGeneratorTest {
    static final long MS = 1_000_000L;

    @Test
    void feedbackCoversEveryPacketSinceTheLastOneWithLossesAndArrivalDeltas() throws Exception {
        TransportFeedbackGenerator g = new TransportFeedbackGenerator(1, 2, 100 * MS);
        g.onPacket(1000 * MS, 65534);
        g.onPacket(1001 * MS, 65535);
        g.onPacket(1003 * MS, 1); // 0 lost, the counter wrapped
        g.onPacket(1002 * MS, 2);  // reordered arrival: negative delta
        assertThat(g.pollTimeout()).isEqualTo(1100 * MS);
        g.handleTimeout(1099 * MS);
        assertThat(g.pollFeedback()).isNull();
        g.handleTimeout(1100 * MS);
        TransportWideFeedback fb = g.pollFeedback();
        assertThat(fb.baseSequenceNumber()).isEqualTo(65534);
        assertThat(fb.feedbackPacketCount()).isZero();
        long[] a = fb.arrivalMicros();
        assertThat(a).hasSize(5);
        assertThat(a[2]).isEqualTo(-1);
        assertThat(new long[] {a[1] - a[0], a[3] - a[0], a[4] - a[0]}).containsExactly(1000, 3000, 2000);
        TransportWideFeedback parsed = (TransportWideFeedback) RtcpCompound.parse(fb.toBytes(), 0,
                fb.toBytes().length).get(0);
        assertThat(parsed).isEqualTo(fb);

        g.onPacket(1150 * MS, 0); // already reported lost: ignored
        g.onPacket(1150 * MS, 3);
        g.handleTimeout(1200 * MS);
        TransportWideFeedback next = g.pollFeedback();
        assertThat(next.baseSequenceNumber()).isEqualTo(3);
        assertThat(next.packets()).hasSize(1);
        assertThat(next.feedbackPacketCount()).isEqualTo(1);
    }

    @Test
    void nothingIsSentWithoutPackets() {
        TransportFeedbackGenerator g = new TransportFeedbackGenerator(1, 2, 100 * MS);
        assertThat(g.pollTimeout()).isEqualTo(Long.MAX_VALUE);
        g.handleTimeout(5000 * MS);
        assertThat(g.pollFeedback()).isNull();
    }
}
