package org.jwebrtc.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChromiumOptionsTest {
    private static final Path PROFILE = Path.of("/tmp/profile");

    @Test
    void defaultsShowLoopbackCandidatesWithoutMdns() {
        List<String> cmd = Chromium.options().commandLine(PROFILE);
        assertThat(cmd.get(0)).isEqualTo("/usr/bin/chromium");
        assertThat(cmd).contains("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--allow-loopback-in-peer-connection",
                "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                "--disable-features=WebRtcHideLocalIpsWithMdns",
                "--user-data-dir=/tmp/profile", "--remote-debugging-port=0");
        assertThat(cmd).noneMatch(f -> f.startsWith("--enable-features"));
        assertThat(cmd.get(cmd.size() - 1)).isEqualTo("about:blank");
    }

    @Test
    void hidingLocalIpsDropsTheMdnsDisable() {
        List<String> cmd = Chromium.options().hideLocalIpsWithMdns(true).commandLine(PROFILE);
        assertThat(cmd).noneMatch(f -> f.startsWith("--disable-features"));
        assertThat(cmd).contains("--enable-features=WebRtcHideLocalIpsWithMdns");
    }

    @Test
    void mergesFeaturesIntoOneFlagEach() {
        List<String> cmd = Chromium.options()
                .enableFeature("A").enableFeature("B").disableFeature("C")
                .flags("--window-size=640,480")
                .commandLine(PROFILE);
        assertThat(cmd).contains("--enable-features=A,B",
                "--disable-features=WebRtcHideLocalIpsWithMdns,C", "--window-size=640,480");
        assertThat(cmd).filteredOn(f -> f.startsWith("--disable-features")).hasSize(1);
    }

    @Test
    void rejectsFeatureFlagsPassedAsPlainFlags() {
        assertThatThrownBy(() -> Chromium.options().flags("--enable-features=X"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Chromium.options().enableFeature("A,B"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsAFeatureBothEnabledAndDisabled() {
        ChromiumOptions o = Chromium.options().enableFeature(ChromiumOptions.MDNS_FEATURE);
        assertThatThrownBy(() -> o.commandLine(PROFILE)).isInstanceOf(IllegalArgumentException.class);
    }
}
