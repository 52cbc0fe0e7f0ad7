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
}
