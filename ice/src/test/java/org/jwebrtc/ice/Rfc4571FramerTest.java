package org.jwebrtc.ice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** RFC 4571 §2: a 16-bit length before every packet. */
class Rfc4571FramerTest {

    @Test
    void framesWithABigEndianLength() {
        byte[] f = Rfc4571Framer.frame(new byte[] {1, 2, 3}, 0, 3);
        assertThat(f).containsExactly(0, 3, 1, 2, 3);
        byte[] big = new byte[300];
        assertThat(Rfc4571Framer.frame(big, 0, 300)).startsWith(1, 44);
        assertThatThrownBy(() -> Rfc4571Framer.frame(new byte[70000], 0, 65536))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rfc4571Framer.frame(new byte[3], 0, 3, new byte[4], 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reassemblesByteByByteAndBackToBack() {
        Rfc4571Framer r = new Rfc4571Framer();
        byte[] stream = {0, 2, 9, 8, 0, 0, 0, 1, 7};
        for (int i = 0; i < 3; i++) {
            assertThat(r.feed(stream, i, 1)).isEqualTo(1);
            assertThat(r.pollFrame()).isNull();
        }
        r.feed(stream, 3, stream.length - 3);
        assertThat(r.pollFrame()).containsExactly(9, 8);
        assertThat(r.pollFrame()).isEmpty();
        assertThat(r.pollFrame()).containsExactly(7);
        assertThat(r.pollFrame()).isNull();
        assertThat(r.buffered()).isZero();
    }

    @Test
    void aFullBufferTakesNoMoreUntilDrained() {
        Rfc4571Framer r = new Rfc4571Framer();
        byte[] max = Rfc4571Framer.frame(new byte[65535], 0, 65535);
        byte[] both = new byte[max.length + 3];
        System.arraycopy(max, 0, both, 0, max.length);
        both[max.length + 1] = 1;
        both[max.length + 2] = 42;
        int n = r.feed(both, 0, both.length);
        assertThat(n).isEqualTo(max.length);
        assertThat(r.pollFrame()).hasSize(65535);
        r.feed(both, n, both.length - n);
        assertThat(r.pollFrame()).containsExactly(42);
    }

    @Test
    void pollsIntoACallerBuffer() {
        Rfc4571Framer r = new Rfc4571Framer();
        byte[] stream = {0, 3, 1, 2, 3, 0, 1};
        r.feed(stream, 0, stream.length);
        byte[] dst = new byte[8];
        assertThatThrownBy(() -> r.pollFrame(new byte[2], 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(r.pollFrame(dst, 4)).isEqualTo(3);
        assertThat(dst).containsExactly(0, 0, 0, 0, 1, 2, 3, 0);
        assertThat(r.pollFrame(dst, 0)).isEqualTo(-1);
        assertThat(r.buffered()).isEqualTo(2);
    }
}
