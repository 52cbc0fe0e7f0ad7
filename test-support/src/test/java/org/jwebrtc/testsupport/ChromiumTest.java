package org.jwebrtc.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ChromiumTest {
    /**
     * The network rule, checked where the build actually runs: outside a loopback-only namespace
     * launch must refuse before starting anything; inside one it must start and stop cleanly.
     */
    @Test
    void launchRunsOnlyInsideALoopbackOnlyNamespace() {
        if (!Loopback.isolated()) {
            assertThatThrownBy(() -> Chromium.launch(Chromium.options()))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("unshare -n")
                    .hasMessageContaining("ip link set lo up")
                    .hasMessageContaining(".ci/run");
        } else {
            Path profile;
            try (Chromium c = Chromium.launch(Chromium.options())) {
                profile = c.userDataDir();
                assertThat(c.version()).contains("Chrome/");
            }
            assertThat(profile).doesNotExist();
        }
    }

    @Test
    void refusesAMachineWithOtherInterfaces() {
        assertThatThrownBy(() -> Chromium.requireIsolated(false, true))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("loopback-only network namespace")
                .hasMessageContaining("unshare -n");
    }

    @Test
    void refusesANamespaceWhoseLoopbackIsDown() {
        assertThatThrownBy(() -> Chromium.requireIsolated(true, false))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ip link set lo up");
    }

    @Test
    void acceptsANamespaceWithLoopbackUp() {
        assertThatCode(() -> Chromium.requireIsolated(true, true)).doesNotThrowAnyException();
    }

    @Test
    void readsTheDevToolsActivePortFile() {
        assertThat(Chromium.parseActivePort("39487\n/devtools/browser/80c1-ab\n"))
                .hasToString("ws://127.0.0.1:39487/devtools/browser/80c1-ab");
        assertThat(Chromium.parseActivePort("39487\n/devtools/browser/x"))
                .hasToString("ws://127.0.0.1:39487/devtools/browser/x");
    }

    @Test
    void waitsWhileTheDevToolsActivePortFileIsIncomplete() {
        assertThat(Chromium.parseActivePort("")).isNull();
        assertThat(Chromium.parseActivePort("39487")).isNull();
        assertThat(Chromium.parseActivePort("39487\n")).isNull();
        assertThat(Chromium.parseActivePort("39487\n/devtools/page/x")).isNull();
        assertThat(Chromium.parseActivePort("0\n/devtools/browser/x")).isNull();
        assertThat(Chromium.parseActivePort("70000\n/devtools/browser/x")).isNull();
        assertThat(Chromium.parseActivePort("x\n/devtools/browser/x")).isNull();
    }

    @Test
    void deletesAProfileTree() throws Exception {
        Path dir = Files.createTempDirectory("jwebrtc-test-");
        Files.createDirectories(dir.resolve("a/b"));
        Files.writeString(dir.resolve("a/b/c.txt"), "x");
        Chromium.deleteTree(dir);
        assertThat(dir).doesNotExist();
    }
}
