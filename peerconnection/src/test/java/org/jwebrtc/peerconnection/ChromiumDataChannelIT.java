package org.jwebrtc.peerconnection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
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
 * Our PeerConnection against headless Chromium (a peer we did not write), loopback only, inside the test's
 * network namespace: Java as offerer and as answerer, messages both ways, 256 KiB, 10,000 ordered messages,
 * an unordered maxRetransmits=0 channel, close from either side, a hidden (mDNS) browser address, and a
 * wrong fingerprint.
 */
class ChromiumDataChannelIT {
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
        final BlockingQueue<byte[]> messages = new LinkedBlockingQueue<>();
        final CountDownLatch opened = new CountDownLatch(1);
        final CountDownLatch closed = new CountDownLatch(1);
        volatile int seqNext;
        volatile int seqOutOfOrder;

        @Override
        public void onOpen() {
            opened.countDown();
        }

        @Override
        public void onMessage(DataChannel channel, boolean binary, byte[] data) {
            String s = binary ? null : new String(data, StandardCharsets.UTF_8);
            if (s != null && s.startsWith("seq:")) {
                if (Integer.parseInt(s.substring(4)) != seqNext) {
                    seqOutOfOrder++;
                }
                seqNext++;
                return;
            }
            messages.add(data);
        }

        @Override
        public void onClose() {
            closed.countDown();
        }

        byte[] next() throws InterruptedException {
            byte[] m = messages.poll(20, TimeUnit.SECONDS);
            assertThat(m).as("an echo within 20 s").isNotNull();
            return m;
        }
    }

    @BeforeAll
    static void launch() throws IOException {
        try (InputStream js = ChromiumDataChannelIT.class.getResourceAsStream("peer.js")) {
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
        java = PeerConnection.create(PeerConnectionConfig.loopback(), observer);
    }

    @AfterEach
    void close() {
        java.close();
        page.close();
    }

    private String js(String function, String... args) {
        StringBuilder sb = new StringBuilder(function).append('(');
        for (int i = 0; i < args.length; i++) {
            sb.append(i > 0 ? "," : "").append(Json.write(args[i]));
        }
        return sb.append(')').toString();
    }

    @Test
    void javaOffersChromiumAnswersAndEchoesEverything() throws Exception {
        DataChannel dc = java.createDataChannel(DataChannelInit.reliable("java"));
        Inbox inbox = new Inbox();
        dc.setListener(inbox);
        long start = System.nanoTime();
        SessionDescriptionInit offer = java.createOffer().get(10, TimeUnit.SECONDS);
        java.setLocalDescription(offer).get(10, TimeUnit.SECONDS);
        String answer = (String) page.evaluate(js("browserAnswer", offer.sdp()), Duration.ofSeconds(30));
        assertThat(answer).contains("a=setup:active");
        java.setRemoteDescription(new SessionDescriptionInit("answer", answer)).get(10, TimeUnit.SECONDS);
        assertThat(inbox.opened.await(30, TimeUnit.SECONDS)).as("channel open; states " + observer.states).isTrue();
        System.out.printf("Java(offerer)<->Chromium: createOffer -> channel open in %.1f ms%n",
                (System.nanoTime() - start) / 1e6);
        page.waitFor("stats['java'] && stats['java'].open", Duration.ofSeconds(20));
        System.out.println("Chromium transport tlsVersion: " + page.evaluate("dtlsVersion()"));

        exchange(dc, inbox, "java");
    }

    @Test
    void chromiumOffersJavaAnswers() throws Exception {
        String offer = (String) page.evaluate("browserOffer()", Duration.ofSeconds(30));
        long start = System.nanoTime();
        java.setRemoteDescription(new SessionDescriptionInit("offer", offer)).get(10, TimeUnit.SECONDS);
        SessionDescriptionInit answer = java.createAnswer().get(10, TimeUnit.SECONDS);
        java.setLocalDescription(answer).get(10, TimeUnit.SECONDS);
        page.evaluate(js("acceptAnswer", answer.sdp()), Duration.ofSeconds(30));
        DataChannel dc = observer.remote.poll(30, TimeUnit.SECONDS);
        assertThat(dc).as("Chromium's channel; states " + observer.states).isNotNull();
        System.out.printf("Chromium(offerer)<->Java: answer -> channel open in %.1f ms%n",
                (System.nanoTime() - start) / 1e6);
        assertThat(dc.label()).isEqualTo("browser");
        Inbox inbox = new Inbox();
        dc.setListener(inbox);
        exchange(dc, inbox, "browser");
    }

    /** Text, binary, empty, 256 KiB both ways (echo), 10,000 ordered each way, then Chromium closes. */
    private void exchange(DataChannel dc, Inbox inbox, String label) throws Exception {
        assertThat(dc.send("hello chromium")).isTrue();
        assertThat(new String(inbox.next(), StandardCharsets.UTF_8)).isEqualTo("hello chromium");
        assertThat(dc.send(new byte[] {0, 1, 2, (byte) 255})).isTrue();
        assertThat(inbox.next()).containsExactly(0, 1, 2, 255);
        byte[] big = new byte[256 * 1024];
        new Random(1).nextBytes(big);
        assertThat(dc.send(big.clone())).isTrue();
        assertThat(inbox.next()).isEqualTo(big);

        for (int i = 0; i < 10_000; i++) {
            while (!dc.send("seq:" + i)) {
                Thread.sleep(1);
            }
        }
        page.waitFor("stats['" + label + "'].next === 10000", Duration.ofSeconds(60));
        assertThat(((Number) page.evaluate("stats['" + label + "'].outOfOrder")).intValue()).isZero();

        page.evaluate("sendSequence('" + label + "', 10000)");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (inbox.seqNext < 10_000 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(inbox.seqNext).isEqualTo(10_000);
        assertThat(inbox.seqOutOfOrder).isZero();

        page.evaluate("channels['" + label + "'].close()");
        assertThat(inbox.closed.await(20, TimeUnit.SECONDS)).as("closed by Chromium").isTrue();
        assertThat(dc.state()).isEqualTo(DataChannel.State.CLOSED);
    }

    @Test
    void unorderedNoRetransmitChannelAndCloseFromJava() throws Exception {
        DataChannel lossy = java.createDataChannel(new DataChannelInit("lossy", "", false, 0, -1, 0, -1));
        Inbox inbox = new Inbox();
        lossy.setListener(inbox);
        SessionDescriptionInit offer = java.createOffer().get(10, TimeUnit.SECONDS);
        java.setLocalDescription(offer).get(10, TimeUnit.SECONDS);
        String answer = (String) page.evaluate(js("browserAnswer", offer.sdp()), Duration.ofSeconds(30));
        java.setRemoteDescription(new SessionDescriptionInit("answer", answer)).get(10, TimeUnit.SECONDS);
        assertThat(inbox.opened.await(30, TimeUnit.SECONDS)).isTrue();
        page.waitFor("stats['lossy'] && stats['lossy'].open", Duration.ofSeconds(20));
        assertThat(page.evaluate("channels['lossy'].ordered")).isEqualTo(false);
        assertThat(((Number) page.evaluate("channels['lossy'].maxRetransmits")).intValue()).isZero();
        lossy.send("unordered");
        assertThat(new String(inbox.next(), StandardCharsets.UTF_8)).isEqualTo("unordered");
        lossy.close();
        page.waitFor("stats['lossy'].closed", Duration.ofSeconds(20));
        assertThat(inbox.closed.await(20, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void connectsWhenChromiumHidesItsAddress() throws Exception {
        String offer = (String) page.evaluate("browserOffer()", Duration.ofSeconds(30));
        // what Chromium sends by default (mDNS, RFC 8838 §...): its host address replaced by a random .local name
        String hidden = offer.replaceAll("(a=candidate:\\S+ \\d+ \\w+ \\d+ )127\\.0\\.0\\.1", "$1"
                + "0f4d6c2e-8f43-4b1a-9d7e-2c1b5a6e9f00.local").replace("c=IN IP4 127.0.0.1", "c=IN IP4 0.0.0.0");
        assertThat(hidden).contains(".local").doesNotContain("127.0.0.1 ");
        java.setRemoteDescription(new SessionDescriptionInit("offer", hidden)).get(10, TimeUnit.SECONDS);
        SessionDescriptionInit answer = java.createAnswer().get(10, TimeUnit.SECONDS);
        java.setLocalDescription(answer).get(10, TimeUnit.SECONDS);
        page.evaluate(js("acceptAnswer", answer.sdp()), Duration.ofSeconds(30));
        DataChannel dc = observer.remote.poll(30, TimeUnit.SECONDS);
        assertThat(dc).as("connected through the peer-reflexive candidate; states " + observer.states).isNotNull();
        Inbox inbox = new Inbox();
        dc.setListener(inbox);
        dc.send("via prflx");
        assertThat(new String(inbox.next(), StandardCharsets.UTF_8)).isEqualTo("via prflx");
    }

    @Test
    void aWrongChromiumFingerprintFailsTheJavaSideCleanly() throws Exception {
        DataChannel dc = java.createDataChannel(DataChannelInit.reliable("x"));
        SessionDescriptionInit offer = java.createOffer().get(10, TimeUnit.SECONDS);
        java.setLocalDescription(offer).get(10, TimeUnit.SECONDS);
        String answer = (String) page.evaluate(js("browserAnswer", offer.sdp()), Duration.ofSeconds(30));
        int i = answer.indexOf("a=fingerprint:sha-256 ") + "a=fingerprint:sha-256 ".length();
        String tampered = answer.substring(0, i) + (answer.charAt(i) == 'A' ? 'B' : 'A') + answer.substring(i + 1);
        java.setRemoteDescription(new SessionDescriptionInit("answer", tampered)).get(10, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!observer.states.contains(PeerConnectionState.FAILED) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(observer.states).contains(PeerConnectionState.FAILED).doesNotContain(PeerConnectionState.CONNECTED);
        assertThat(dc.send("never")).isFalse();
        assertThat(Optional.ofNullable(page.evaluate("stats['x'] ? stats['x'].received : 0"))).contains(0L);
    }
}
