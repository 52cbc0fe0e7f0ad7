package org.jwebrtc.srtp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 3711 Appendix A index guessing around the 16-bit wrap. */
class RtpStreamTest {

    private static RtpStream at(long index) {
        RtpStream s = new RtpStream(128);
        s.commit(index);
        return s;
    }

    @Test
    void newStreamStartsAtRocZero() {
        assertThat(new RtpStream(128).estimateIndex(65000)).isEqualTo(65000);
        assertThat(new RtpStream(128).rolloverCounter()).isZero();
    }

    @Test
    void wrapForwardIncrementsRoc() {
        RtpStream s = at(65535);
        assertThat(s.estimateIndex(0)).isEqualTo(1L << 16);
        assertThat(s.estimateIndex(100)).isEqualTo((1L << 16) + 100);
        s.commit(1L << 16);
        assertThat(s.rolloverCounter()).isEqualTo(1);
    }

    @Test
    void latepacketFromBeforeTheWrapKeepsTheOldRoc() {
        RtpStream s = at((5L << 16) + 3); // ROC 5, s_l 3
        assertThat(s.estimateIndex(65534)).isEqualTo((4L << 16) + 65534);
        assertThat(s.estimateIndex(2)).isEqualTo((5L << 16) + 2);
    }

    @Test
    void halfWindowBoundaries() {
        RtpStream low = at(1000); // s_l < 32768
        assertThat(low.estimateIndex(1000 + 32768)).isEqualTo(1000 + 32768);
        RtpStream lowRoc1 = at((1L << 16) + 1000);
        assertThat(lowRoc1.estimateIndex(1000 + 32769)).isEqualTo(1000 + 32769); // ROC - 1
        RtpStream high = at(40000); // s_l >= 32768
        assertThat(high.estimateIndex(40000 - 32768)).isEqualTo(40000 - 32768);
        assertThat(high.estimateIndex(40000 - 32769)).isEqualTo((1L << 16) + 40000 - 32769);
    }

    @Test
    void rocMinusOneOnAFreshStreamIsNegative() {
        assertThat(at(10).estimateIndex(60000)).isNegative();
    }
}
