package org.jwebrtc.benchmarks.peerconnection;

import java.net.URI;
import java.time.Duration;
import org.jwebrtc.testsupport.ChromiumPage;
import org.jwebrtc.testsupport.Json;

/** A Chromium tab running throughput.js; the page keeps its own clock (performance.now()). */
final class ChromiumEndpoint implements Endpoint {
    private static final Duration SIGNALLING = Duration.ofSeconds(30);
    private final ChromiumPage page;

    ChromiumEndpoint(ChromiumPage page, URI index) {
        this.page = page;
        page.navigate(index);
    }

    @Override
    public String offer() {
        return (String) page.evaluate("offer()", SIGNALLING);
    }

    @Override
    public String answer(String offer) {
        return (String) page.evaluate("answer(" + Json.write(offer) + ")", SIGNALLING);
    }

    @Override
    public void accept(String answer) {
        page.evaluate("accept(" + Json.write(answer) + ")", SIGNALLING);
    }

    @Override
    public double awaitOpen() {
        return ((Number) page.evaluate("open()", SIGNALLING)).doubleValue();
    }

    @Override
    public void expect(long bytes) {
        page.evaluate("expect(" + bytes + ")");
    }

    @Override
    public double send(long bytes, int size) {
        // at least 1 Mbit/s, or the run is broken anyway
        Duration limit = Duration.ofSeconds(60 + bytes * 8 / 1_000_000);
        return ((Number) page.evaluate("sendBulk(" + bytes + ", " + size + ")", limit)).doubleValue();
    }

    @Override
    public void close() {
        try {
            page.evaluate("close()");
        } finally {
            page.close();
        }
    }
}
