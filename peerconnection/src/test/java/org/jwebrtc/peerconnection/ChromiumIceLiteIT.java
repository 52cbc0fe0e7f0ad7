package org.jwebrtc.peerconnection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jwebrtc.sctp.DataChannelInit;
import org.jwebrtc.testsupport.Chromium;
import org.jwebrtc.testsupport.ChromiumPage;
import org.jwebrtc.testsupport.Json;
import org.jwebrtc.testsupport.LocalWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Our PeerConnection as an ICE-lite agent (RFC 8445 §2.5, {@code a=ice-lite}) against headless Chromium, a full
 * agent we did not write, loopback only inside the test's network namespace: Chromium takes the controlling role,
 * checks and nominates; the Java side only answers. A data channel echoes messages, with Java as offerer and as
 * answerer.
 */
class ChromiumIceLiteIT {
    private static final String ICE_ROLE = "(async () => { const r = await pc.getStats(); let v = null;"
            + " r.forEach((x) => { if (x.type === 'transport') { v = x.iceRole || null; } }); return v; })()";
    static Chromium chromium;
    static LocalWebServer web;
    ChromiumPage page;
    PeerConnection java;
    final Observer observer = new Observer();

    static final class Observer implements PeerConnectionObserver {
        final BlockingQueue<DataChannel> remote = new LinkedBlockingQueue<>();
        final List<PeerConnectionState> states = new CopyOnWriteArrayList<>();

        @Override
        public void onDataChannel(DataChannel channel) {
            remote.add(channel);
        }

        @Override
        public void onConnectionStateChange(PeerConnectionState state) {
            states.add(state);
        }
    }

    static final class Inbox implements DataChannelListener {
        final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        final CountDownLatch opened = new CountDownLatch(1);

        @Override
        public void onOpen() {
            opened.countDown();
        }

        @Override
        public void onMessage(DataChannel channel, boolean binary, byte[] data) {
            messages.add(new String(data, StandardCharsets.UTF_8));
        }
    }

    @BeforeAll
    static void launch() throws IOException {
        try (InputStream js = ChromiumIceLiteIT.class.getResourceAsStream("peer.js")) {
            web = LocalWebServer.start(Map.of("/index.html", "<!doctype html><script src=/peer.js></script>",
                    "/peer.js", new String(js.readAllBytes(), StandardCharsets.UTF_8)));
        }
        chromium = Chromium.launch(Chromium.options());
    }

    @AfterAll
    static void shutdown() {
        if (chromium != null) {
            chromium.close();
        }
        if (web != null) {
            web.close();
        }
    }

    @BeforeEach
    void open() {
        page = chromium.newPage();
        page.navigate(web.uri("/index.html"));
        java = PeerConnection.create(PeerConnectionConfig.loopback().withIce(IceOptions.DEFAULT.withLite(true)),
                observer);
    }

    @AfterEach
    void close() {
        java.close();
        page.close();
    }

    private static String js(String function, String arg) {
        return function + "(" + Json.write(arg) + ")";
    }

    @Test
    void liteJavaOffersChromiumAnswersAndControls() throws Exception {
        DataChannel dc = java.createDataChannel(DataChannelInit.reliable("java"));
        Inbox inbox = new Inbox();
        dc.setListener(inbox);
        SessionDescriptionInit offer = java.createOffer().get(10, TimeUnit.SECONDS);
        assertThat(offer.sdp()).contains("a=ice-lite");
        java.setLocalDescription(offer).get(10, TimeUnit.SECONDS);
        String answer = (String) page.evaluate(js("browserAnswer", offer.sdp()), Duration.ofSeconds(30));
        assertThat(answer).doesNotContain("a=ice-lite");
        java.setRemoteDescription(new SessionDescriptionInit("answer", answer)).get(10, TimeUnit.SECONDS);
        assertThat(inbox.opened.await(30, TimeUnit.SECONDS)).as("channel open; states " + observer.states).isTrue();
        echo(dc, inbox);
    }

    @Test
    void chromiumOffersLiteJavaAnswers() throws Exception {
        String offer = (String) page.evaluate("browserOffer()", Duration.ofSeconds(30));
        java.setRemoteDescription(new SessionDescriptionInit("offer", offer)).get(10, TimeUnit.SECONDS);
        SessionDescriptionInit answer = java.createAnswer().get(10, TimeUnit.SECONDS);
        assertThat(answer.sdp()).contains("a=ice-lite");
        java.setLocalDescription(answer).get(10, TimeUnit.SECONDS);
        page.evaluate(js("acceptAnswer", answer.sdp()), Duration.ofSeconds(30));
        DataChannel dc = observer.remote.poll(30, TimeUnit.SECONDS);
        assertThat(dc).as("Chromium's channel; states " + observer.states).isNotNull();
        Inbox inbox = new Inbox();
        dc.setListener(inbox);
        echo(dc, inbox);
    }

    private void echo(DataChannel dc, Inbox inbox) throws Exception {
        for (int i = 0; i < 50; i++) {
            assertThat(dc.send("lite " + i)).isTrue();
        }
        for (int i = 0; i < 50; i++) {
            assertThat(inbox.messages.poll(20, TimeUnit.SECONDS)).as("echo %d", i).isEqualTo("lite " + i);
        }
        RtcStats transport = java.getStats().get(10, TimeUnit.SECONDS).ofType("transport").get(0);
        assertThat(transport.getString("iceRole")).isEqualTo("controlled");
        assertThat(java.stats().get().ice().checksSent()).as("a lite agent sends no checks").isZero();
        Object browserRole = page.evaluate(ICE_ROLE, Duration.ofSeconds(10));
        System.out.println("ICE-lite Java <-> Chromium: Chromium iceRole " + browserRole + ", Java states "
                + observer.states);
        assertThat(browserRole).isEqualTo("controlling");
    }
}
