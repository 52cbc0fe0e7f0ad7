package org.jwebrtc.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Smoke test of the Chromium fixture; needs the loopback-only namespace (see README). One browser
 * serves the class; the cleanup test starts its own.
 */
class ChromiumIT {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private static LocalWebServer web;
    private static Chromium chromium;
    private static ChromiumPage page;

    @BeforeAll
    static void launchAndLoadTheFirstPage() throws IOException {
        web = LocalWebServer.start(Map.of(
                "/index.html", "<!doctype html><title>smoke</title><h1>jwebrtc</h1>"
                        + "<script src=\"/in-page-loopback.js\"></script>",
                "/in-page-loopback.js", resource("in-page-loopback.js")));
        long t0 = System.nanoTime();
        chromium = Chromium.launch(Chromium.options());
        long t1 = System.nanoTime();
        page = chromium.newPage();
        long t2 = System.nanoTime();
        page.navigate(web.uri("/index.html"));
        long t3 = System.nanoTime();
        Object two = page.evaluate("1 + 1");
        long t4 = System.nanoTime();
        assertThat(two).isEqualTo(2L);
        System.out.printf("ChromiumIT timing: launch %d ms (DevTools connected), newPage %d ms,"
                        + " navigate %d ms, first evaluate %d ms, total %d ms; %s%n",
                ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t4 - t3), ms(t4 - t0), chromium.version());
    }

    @AfterAll
    static void close() {
        if (page != null) {
            page.close();
        }
        if (chromium != null) {
            chromium.close();
        }
        if (web != null) {
            web.close();
        }
    }

    @Test
    void servesThePageFromTheLocalWebServer() {
        assertThat(page.evaluate("document.title")).isEqualTo("smoke");
        assertThat(page.evaluate("location.origin")).isEqualTo("http://127.0.0.1:" + web.port());
        assertThat(page.evaluate("window.isSecureContext")).isEqualTo(true);
        assertThat(web.requests()).contains("GET /index.html 200", "GET /in-page-loopback.js 200");
    }

    @Test
    void twoPeerConnectionsInOnePageConnectOverLoopback() {
        Map<String, Object> r = Json.object(page.evaluate("inPageLoopback()", Duration.ofSeconds(20)));
        System.out.println("ChromiumIT in-page loopback: " + Json.write(r));
        assertThat(r).containsEntry("received", "ping").containsEntry("reply", "pong:ping");
        assertThat(r.get("localAddress")).isEqualTo("127.0.0.1");
        assertThat(r.get("remoteAddress")).isEqualTo("127.0.0.1");
        assertThat(Json.array(r.get("candidates")))
                .allSatisfy(c -> assertThat((String) c).doesNotContain(".local"));
        // What two Chromium 156 peers negotiate: recorded, not asserted.
        System.out.printf("ChromiumIT DTLS between two Chromiums: tlsVersion=%s cipher=%s group=%s%n",
                r.get("tlsVersion"), r.get("dtlsCipher"), r.get("tlsGroup"));
        assertThat(page.console()).anyMatch(l -> l.startsWith("log: in-page loopback"));
    }

    @Test
    void screenshotIsAPng() {
        byte[] png = page.screenshot();
        assertThat(png.length).isGreaterThan(100);
        assertThat(Arrays.copyOf(png, 8)).isEqualTo(PNG_SIGNATURE);
    }

    @Test
    void javascriptExceptionsBecomeAssertionErrorsWithTheirText() {
        assertThatThrownBy(() -> page.evaluate("(() => { throw new Error('boom-42'); })()"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("JavaScript exception: Error: boom-42");
        assertThatThrownBy(() -> page.evaluate("Promise.reject(new TypeError('rejected-7'))"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("TypeError: rejected-7");
        assertThatThrownBy(() -> page.evaluate("this is not javascript"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("SyntaxError");
    }

    @Test
    void evaluateReturnsJsonValuesAndAwaitsPromises() {
        assertThat(page.evaluate("new Promise(r => setTimeout(() => r('later'), 50))")).isEqualTo("later");
        assertThat(page.evaluate("({a: [1, 2.5, 'x'], b: null})"))
                .isEqualTo(Json.parse("{\"a\":[1,2.5,\"x\"],\"b\":null}"));
        assertThat(page.evaluate("undefined")).isNull();
        assertThat(page.evaluate("0/0")).isEqualTo(Double.NaN);
    }

    @Test
    void waitForPollsAConditionUntilItHolds() {
        page.evaluate("window.flag = false; setTimeout(() => window.flag = true, 200); 0");
        page.waitFor("window.flag", Duration.ofSeconds(5));
        assertThatThrownBy(() -> page.waitFor("Promise.resolve(false)", Duration.ofMillis(300)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("still false after PT0.3S");
    }

    @Test
    void consoleMessagesAreCaptured() {
        page.evaluate("console.warn('careful', 7, {k: 1, s: 'x'}, [1, 2])");
        assertThat(page.console()).contains("warning: careful 7 {k: 1, s: 'x'} [1, 2]");
        page.evaluate("setTimeout(() => { throw new Error('async-boom') }, 0); "
                + "new Promise(r => setTimeout(r, 50))");
        assertThat(page.console()).anyMatch(l -> l.startsWith("uncaught: ") && l.contains("async-boom"));
    }

    @Test
    void pagesCanBeGivenAsHtmlTextWithoutAServer() {
        try (ChromiumPage p = chromium.newPage()) {
            p.setContent("<title>inline</title><p id=x>hello</p>");
            assertThat(p.evaluate("document.getElementById('x').textContent")).isEqualTo("hello");
            assertThat(p.evaluate("typeof RTCPeerConnection")).isEqualTo("function");
        }
    }

    @Test
    void navigationErrorsFailTheTest() {
        try (ChromiumPage p = chromium.newPage()) {
            int closed = Loopback.freeTcpPort();
            assertThatThrownBy(() -> p.navigate("http://127.0.0.1:" + closed + "/"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("net::ERR_CONNECTION_REFUSED");
        }
    }

    @Test
    void closeKillsTheProcessTreeAndDeletesTheProfile() {
        Chromium c = Chromium.launch(Chromium.options());
        Path profile = c.userDataDir();
        ProcessHandle browser = ProcessHandle.of(c.pid()).orElseThrow();
        List<ProcessHandle> tree = browser.descendants().toList();
        assertThat(tree).isNotEmpty();
        assertThat(profile.resolve("DevToolsActivePort")).exists();
        c.close();
        assertThat(browser.isAlive()).isFalse();
        assertThat(tree).noneMatch(ProcessHandle::isAlive);
        // chrome_crashpad_handler is re-parented to init; its command line names the profile
        assertThat(ProcessHandle.allProcesses().filter(h -> h.info().arguments()
                .map(args -> String.join(" ", args).contains(profile.toString())).orElse(false)))
                .isEmpty();
        assertThat(profile).doesNotExist();
    }

    @Test
    void aChromiumThatExitsEarlyFailsWithItsOutput() throws IOException {
        Path fake = fakeChromium("echo \"fake chromium says no: $1\"; exit 3");
        assertThatThrownBy(() -> Chromium.launch(Chromium.options().binary(fake)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("exited with 3")
                .hasMessageContaining("fake chromium says no: --headless");
    }

    @Test
    void aChromiumThatNeverOpensDevToolsTimesOutWithItsOutput() throws IOException {
        Path fake = fakeChromium("echo still starting; exec sleep 30");
        long start = System.nanoTime();
        assertThatThrownBy(() -> Chromium.launch(Chromium.options().binary(fake)
                        .startupTimeout(Duration.ofMillis(500))))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("within PT0.5S")
                .hasMessageContaining("still starting");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    private static Path fakeChromium(String body) throws IOException {
        Path script = Files.createTempFile("fake-chromium-", ".sh");
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        script.toFile().setExecutable(true);
        script.toFile().deleteOnExit();
        return script;
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ChromiumIT.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
