package org.jwebrtc.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jwebrtc.testsupport.Chromium;
import org.jwebrtc.testsupport.ChromiumPage;
import org.junit.jupiter.api.Test;

/**
 * The demo's browser viewer page in headless Chromium (a peer we did not write): the page fetches a presigned
 * viewer URL, speaks KVS signaling to the embedded server, and its own RTCPeerConnection connects to the Java
 * master while the Java viewer watches too. Run inside a loopback-only network namespace (see .ci/run).
 */
class BrowserViewerIT {

    @Test
    void aBrowserJoinsTheCameraThroughTheViewerPage() throws Exception {
        try (Chromium chromium = Chromium.launch(Chromium.options())) {  // first: its start is the slow part
            watchTheCamera(chromium, false);
        }
    }

    /**
     * Relay only on every side: Chromium's TURN allocation, the camera's, and nothing else. Chromium pairs only the
     * candidates trickled for the BUNDLE tag's mid (a bundled-away mid's are kept but never paired, and relay-only
     * ICE has no peer-reflexive fallback), so this failed while the camera named the data channel's mid.
     */
    @Test
    void aBrowserJoinsTheCameraRelayOnly() throws Exception {
        try (Chromium chromium = Chromium.launch(Chromium.options())) {
            watchTheCamera(chromium, true);
        }
    }

    private void watchTheCamera(Chromium chromium, boolean relayOnly) throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        BlockingQueue<URI> pages = new LinkedBlockingQueue<>();
        LocalDemo demo = new LocalDemo(new PrintStream(buf, true, StandardCharsets.UTF_8), Duration.ofSeconds(20),
                false).withRelayOnly(relayOnly).withViewerPage(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), pages::add);
        CompletableFuture<Long> run = CompletableFuture.supplyAsync(() -> {
            try {
                return demo.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        URI page = pages.poll(60, TimeUnit.SECONDS);
        assertThat(page).as(buf.toString(StandardCharsets.UTF_8)).isNotNull();
        try (ChromiumPage tab = chromium.newPage()) {
            tab.navigate(page);
            try {
                tab.waitFor("window.demo && demo.state === 'connected' && demo.channelMessages >= 30"
                        + " && demo.framesDecoded >= 30 && demo.audioPacketsReceived > 0", Duration.ofSeconds(30));
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\npage log:\n" + tab.evaluate(
                        "document.getElementById('log').textContent + JSON.stringify(window.demo || {})")
                        + "\nconsole: " + tab.console() + "\ndemo:\n" + buf.toString(StandardCharsets.UTF_8), e);
            }
            assertThat(tab.evaluate("JSON.stringify(demo.errors)")).isEqualTo("[]");
            assertThat(tab.evaluate("demo.pair")).asString().isEqualTo(relayOnly ? "relay -> relay" : "host -> host");
            assertThat(tab.evaluate("demo.frameWidth + 'x' + demo.frameHeight")).isEqualTo("320x240");
            assertThat(tab.evaluate("document.getElementById('video').videoWidth")).isEqualTo(320L);
            Thread.sleep(1500); // one stats refresh with the pair and RTT on screen
            Path shot = Path.of("target", relayOnly ? "browser-viewer-relay.png" : "browser-viewer.png");
            Files.createDirectories(shot.getParent());
            Files.write(shot, tab.screenshot());
            System.out.println("browser viewer: connected in " + tab.evaluate("demo.connectMs") + " ms, "
                    + tab.evaluate("demo.framesDecoded") + " frames decoded, " + tab.evaluate("demo.channelMessages")
                    + " messages; screenshot " + shot.toAbsolutePath());
        }
        assertThat(run.get(60, TimeUnit.SECONDS)).as(buf.toString(StandardCharsets.UTF_8)).isPositive();
    }
}
