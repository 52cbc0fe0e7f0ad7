package org.jwebrtc.benchmarks.peerconnection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.NoSuchElementException;
import org.jwebrtc.benchmarks.peerconnection.DataChannelThroughput.Result;
import org.junit.jupiter.api.Test;

/** The table of {@link DataChannelThroughput} without Chromium: rates and both ratios against the reference row. */
class DataChannelThroughputTableTest {
    private static final long MIB_128 = 128L << 20;

    @Test
    void ratiosAreAgainstChromiumToChromium() {
        List<Result> results = List.of(
                new Result("Chromium -> Chromium", MIB_128, 10.0, 500),
                new Result("Java -> Java", MIB_128, 2.5, 250),
                new Result("Java -> Chromium", MIB_128, 20.0, 750));

        assertThat(results.get(0).mbitPerSecond()).isCloseTo(107.37, org.assertj.core.data.Offset.offset(0.01));
        assertThat(DataChannelThroughput.table(results).lines()).containsExactly(
                "| pair | MiB sent | seconds | Mbit/s | setup ms | ratio vs Chromium↔Chromium | setup vs Chromium↔Chromium |",
                "|---|---|---|---|---|---|---|",
                "| Chromium → Chromium | 128 | 10.00 | 107 | 500 | 1.00 | 1.00 |",
                "| Java → Java | 128 | 2.50 | 429 | 250 | 4.00 | 0.50 |",
                "| Java → Chromium | 128 | 20.00 | 54 | 750 | 0.50 | 1.50 |");
    }

    @Test
    void aTableNeedsTheReferenceRow() {
        assertThatThrownBy(() -> DataChannelThroughput.table(List.of(new Result("Java -> Java", MIB_128, 1, 1))))
                .isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void theKernelsUdpCounterIsReadable() {
        assertThat(DataChannelThroughput.udpReceiveBufferErrors()).isGreaterThanOrEqualTo(0);
    }
}
