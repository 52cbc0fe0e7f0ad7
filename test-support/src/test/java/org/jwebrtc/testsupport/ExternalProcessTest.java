package org.jwebrtc.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExternalProcessTest {
    @Test
    void closeKillsGrandchildrenThatWouldOutliveTheirParent() throws Exception {
        // The grandchildren ignore nothing but would be re-parented to init once sh exits.
        ExternalProcess p = ExternalProcess.start("tree",
                List.of("sh", "-c", "sleep 60 & sleep 60 & echo started; wait"));
        p.awaitLine("started"::equals, Duration.ofSeconds(5));
        List<ProcessHandle> children = p.process().descendants().toList();
        assertThat(children).hasSizeGreaterThanOrEqualTo(2);
        p.close();
        assertThat(p.process().isAlive()).isFalse();
        assertThat(children).noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void killStopsTheTreeAndTheGivenStragglersAtOnce() throws Exception {
        ExternalProcess straggler = ExternalProcess.start("straggler", List.of("sleep", "60"));
        ExternalProcess p = ExternalProcess.start("tree",
                List.of("sh", "-c", "trap '' TERM; sleep 60 & echo started; wait"));
        p.awaitLine("started"::equals, Duration.ofSeconds(5));
        List<ProcessHandle> children = p.process().descendants().toList();
        long start = System.nanoTime();
        p.kill(List.of(straggler.process().toHandle()));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        assertThat(p.process().isAlive()).isFalse();
        assertThat(children).noneMatch(ProcessHandle::isAlive);
        assertThat(straggler.process().isAlive()).isFalse();
    }
}
