package org.jwebrtc.peerconnection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jwebrtc.sctp.DataChannelInit;
import org.jwebrtc.testsupport.Chromium;
import org.jwebrtc.testsupport.ChromiumPage;
import org.jwebrtc.testsupport.Json;
import org.jwebrtc.testsupport.LocalWebServer;
import org.jwebrtc.turn.TurnServer;
import org.jwebrtc.turn.TurnServerConfig;
import org.junit.jupiter.api.Test;

/**
 * Headless Chromium with iceTransportPolicy 'relay' and our Java peer with RELAY, both allocating on OUR TURN
 * server on 127.0.0.1, over UDP and over TCP: the only path is relay to relay, through two allocations of our
 * server. Runs inside the loopback-only network namespace like the other Chromium ITs.
 */
class ChromiumTurnRelayIT {
    static final class Observer implements PeerConnectionObserver {
        final List<String> candidates = new CopyOnWriteArrayList<>();
        final CountDownLatch end = new CountDownLatch(1);

        @Override
        public void onIceCandidate(Optional<IceCandidateInit> c) {
            c.ifPresentOrElse(x -> candidates.add(x.candidate()), end::countDown);
        }
    }

    @Test
    void chromiumOnRelayPolicyTalksToJavaThroughOurTurnServer() throws Exception {
        relayToRelay(false);
    }

    @Test
    void chromiumOnRelayPolicyTalksToJavaThroughOurTurnServerOverTcp() throws Exception {
        relayToRelay(true);
    }

    private static void relayToRelay(boolean tcp) throws Exception {
        String js;
        try (InputStream in = ChromiumTurnRelayIT.class.getResourceAsStream("relay.js")) {
            js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        InetAddress lo = InetAddress.getLoopbackAddress();
        try (TurnServer turn = TurnServer.start(TurnServerConfig.builder("jwebrtc.test").user("alice", "wonderland")
                        .allowLoopbackPeers(true).relayAddress(lo).build(), new InetSocketAddress(lo, 0));
             LocalWebServer web = LocalWebServer.start(Map.of("/index.html",
                     "<!doctype html><script src=/relay.js></script>", "/relay.js", js));
             Chromium chromium = Chromium.launch(Chromium.options())) {
            String url = tcp ? "turn:127.0.0.1:" + turn.tcpAddress().getPort() + "?transport=tcp"
                    : "turn:127.0.0.1:" + turn.udpAddress().getPort() + "?transport=udp";
            Observer observer = new Observer();
            try (PeerConnection java = PeerConnection.create(PeerConnectionConfig.loopback()
                    .withIceServers(List.of(IceServerConfig.turn(url, "alice", "wonderland")))
                    .withIceTransportPolicy(IceTransportPolicy.RELAY), observer)) {
                ChromiumPage page = chromium.newPage();
                page.navigate(web.uri("/index.html"));
                DataChannel dc = java.createDataChannel(DataChannelInit.reliable("relay"));
                TurnRelayDataChannelTest.Inbox inbox = new TurnRelayDataChannelTest.Inbox();
                dc.setListener(inbox);
                SessionDescriptionInit offer = java.createOffer().get(10, TimeUnit.SECONDS);
                java.setLocalDescription(offer).get(10, TimeUnit.SECONDS);
                assertThat(observer.end.await(10, TimeUnit.SECONDS)).isTrue();
                assertThat(observer.candidates).isNotEmpty().allSatisfy(c -> assertThat(c).contains(" typ relay "));
                // the trickled relay candidates, appended to the (only) m-section for a non-trickle browser offer
                StringBuilder sdp = new StringBuilder(offer.sdp());
                for (String c : observer.candidates) {
                    sdp.append("a=").append(c).append("\r\n");
                }
                sdp.append("a=end-of-candidates\r\n");
                String answer = (String) page.evaluate("relayAnswer(" + Json.write(sdp.toString()) + ","
                        + Json.write(url) + ",'alice','wonderland')", Duration.ofSeconds(30));
                assertThat(answer).contains(" typ relay ").doesNotContain(" typ host ");
                java.setRemoteDescription(new SessionDescriptionInit("answer", answer)).get(10, TimeUnit.SECONDS);
                assertThat(inbox.opened.await(30, TimeUnit.SECONDS))
                        .as("channel open; browser log " + page.evaluate("JSON.stringify(log)")).isTrue();
                for (int i = 0; i < 20; i++) {
                    dc.send("via relay " + i);
                }
                for (int i = 0; i < 20; i++) {
                    assertThat(inbox.messages.poll(10, TimeUnit.SECONDS)).isEqualTo("via relay " + i);
                }
                assertThat(page.evaluate("selectedTypes()", Duration.ofSeconds(10))).isEqualTo("relay/relay");
                assertThat(page.evaluate("selectedRelayProtocol()", Duration.ofSeconds(10)))
                        .isEqualTo(tcp ? "tcp" : "udp");
                StatsReport stats = java.getStats().get(10, TimeUnit.SECONDS);
                assertThat(stats.ofType("local-candidate")).singleElement()
                        .satisfies(c -> assertThat(c.getString("candidateType")).isEqualTo("relay"))
                        .satisfies(c -> assertThat(c.getString("relayProtocol")).isEqualTo(tcp ? "tcp" : "udp"));
                assertThat(turn.stats().relayedToPeers()).isGreaterThan(20);
                assertThat(turn.stats().allocationsCreated()).isGreaterThanOrEqualTo(2);
                page.close();
            }
        }
    }
}
