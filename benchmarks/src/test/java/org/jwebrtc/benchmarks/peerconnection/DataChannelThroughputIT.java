package org.jwebrtc.benchmarks.peerconnection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@link DataChannelThroughput} from rotting: the same four pairs (Java → Java, Java → Chromium,
 * Chromium → Java, Chromium → Chromium) with 2 MiB each. Each pair completes only when the receiver has counted
 * every byte, so the assertions are about delivery and the table, never about speed. Needs the loopback-only
 * network namespace every Chromium IT needs.
 */
class DataChannelThroughputIT {
    private static final int MIB = 2;

    @Test
    void everyPairDeliversEveryByteAndTheTableComparesThemToChromium() throws Exception {
        List<DataChannelThroughput.Result> results = DataChannelThroughput.run(MIB, 0, System.out);

        assertThat(results).extracting(DataChannelThroughput.Result::pair).containsExactly(
                "Chromium -> Chromium", "Java -> Java", "Java -> Chromium", "Chromium -> Java");
        for (DataChannelThroughput.Result r : results) {
            assertThat(r.bytes()).as(r.pair()).isEqualTo(MIB * 1024L * 1024);
            assertThat(r.seconds()).as(r.pair()).isPositive();
            assertThat(r.setupMillis()).as(r.pair()).isPositive();
            assertThat(r.mbitPerSecond()).as(r.pair()).isPositive();
        }
        String table = DataChannelThroughput.table(results);
        System.out.print(table);
        assertThat(table.lines()).hasSize(2 + results.size());
        assertThat(table).contains("| Chromium → Chromium | 2 |").contains("| 1.00 | 1.00 |")
                .contains("| Java → Java | 2 |").contains("| Java → Chromium | 2 |").contains("| Chromium → Java | 2 |");
    }
}
