package org.jwebrtc.srtp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplayWindowTest {

    @Test
    void acceptsEachIndexOnce() {
        ReplayWindow w = new ReplayWindow(128);
        assertThat(w.isReplayed(5)).isFalse();
        w.commit(5);
        assertThat(w.isReplayed(5)).isTrue();
        assertThat(w.isReplayed(4)).isFalse();
        assertThat(w.isReplayed(6)).isFalse();
        w.commit(4);
        assertThat(w.isReplayed(4)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {64, 100, 128, 1024})
    void rejectsIndicesLeftOfTheWindow(int size) {
        ReplayWindow w = new ReplayWindow(size);
        w.commit(10_000);
        assertThat(w.isReplayed(10_000 - size + 1)).isFalse();
        assertThat(w.isReplayed(10_000 - size)).isTrue();
        assertThat(w.isReplayed(-1)).isTrue();
    }

    @Test
    void aLargeJumpForgetsEverything() {
        ReplayWindow w = new ReplayWindow(64);
        for (int i = 0; i < 64; i++) {
            w.commit(i);
        }
        w.commit(1_000_000);
        assertThat(w.isReplayed(999_999)).isFalse();
        assertThat(w.isReplayed(1_000_000 - 63)).isFalse();
    }

    @Test
    void slotsReusedByTheRingStartClear() {
        ReplayWindow w = new ReplayWindow(64);
        w.commit(0);
        w.commit(64); // slot 0 again: index 0 is now left of the window, 64 is set
        assertThat(w.isReplayed(64)).isTrue();
        assertThat(w.isReplayed(1)).isFalse();
        w.commit(1);
        w.commit(66); // clears the slot of 65 (= slot of 1)
        assertThat(w.isReplayed(65)).isFalse();
    }

    @Test
    void matchesASetModelOnRandomTraffic() {
        Random r = new Random(7);
        ReplayWindow w = new ReplayWindow(128);
        Set<Long> seen = new HashSet<>();
        long highest = -1;
        for (int i = 0; i < 20_000; i++) {
            long idx = Math.max(0, highest + r.nextInt(200) - 150);
            boolean expected = seen.contains(idx) || (highest >= 0 && highest - idx >= 128);
            assertThat(w.isReplayed(idx)).as("index %d at highest %d", idx, highest).isEqualTo(expected);
            if (!expected) {
                w.commit(idx);
                seen.add(idx);
                highest = Math.max(highest, idx);
            }
        }
    }

    @Test
    void windowBelow64IsRefused() {
        assertThatThrownBy(() -> new ReplayWindow(63)).isInstanceOf(IllegalArgumentException.class);
    }
}
