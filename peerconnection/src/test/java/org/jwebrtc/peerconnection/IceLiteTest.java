package org.jwebrtc.peerconnection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jwebrtc.sctp.DataChannelInit;
import org.jwebrtc.testsupport.Loopback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A Java ICE-lite peer connection (RFC 8445 §2.5) against a Java full agent, as offerer and as answerer: the lite
 * side signals {@code a=ice-lite} and host candidates only (a STUN server is configured and ignored), is controlled,
 * the full side takes control and nominates, and a data channel carries messages both ways.
 */
class IceLiteTest {
    private final List<PeerConnection> open = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll() {
        open.forEach(PeerConnection::close);
    }

    static final class Observer implements PeerConnectionObserver {
        final List<String> candidates = new CopyOnWriteArrayList<>();
        final BlockingQueue<DataChannel> remoteChannels = new LinkedBlockingQueue<>();
        volatile PeerConnection peer;

        @Override
        public void onIceCandidate(Optional<IceCandidateInit> c) {
            c.ifPresent(i -> candidates.add(i.candidate()));
            PeerConnection p = peer;
            if (p != null) {
                p.addIceCandidate(c.orElse(new IceCandidateInit("", Optional.of("0"), Optional.of(0))));
            }
        }

        @Override
        public void onDataChannel(DataChannel channel) {
            remoteChannels.add(channel);
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

    private static PeerConnectionConfig lite() {
        // an (unreachable) STUN server: a lite agent must not gather from it
        return PeerConnectionConfig.loopback()
                .withIceServers(List.of(IceServerConfig.stun("stun:127.0.0.1:" + Loopback.freeUdpPort())))
                .withIce(IceOptions.DEFAULT.withLite(true));
    }

    @Test
    void liteOffererConnectsToAFullAnswerer() throws Exception {
        run(lite(), PeerConnectionConfig.loopback(), true);
    }

    @Test
    void fullOffererConnectsToALiteAnswerer() throws Exception {
        run(PeerConnectionConfig.loopback(), lite(), false);
    }

    private void run(PeerConnectionConfig offererConfig, PeerConnectionConfig answererConfig, boolean offererIsLite)
            throws Exception {
        Observer oe = new Observer();
        Observer ae = new Observer();
        PeerConnection offerer = PeerConnection.create(offererConfig, oe);
        open.add(offerer);
        PeerConnection answerer = PeerConnection.create(answererConfig, ae);
        open.add(answerer);
        oe.peer = answerer;
        ae.peer = offerer;
        DataChannel channel = offerer.createDataChannel(DataChannelInit.reliable("lite"));
        Inbox back = new Inbox();
        channel.setListener(back);

        SessionDescriptionInit offer = offerer.createOffer().get(10, TimeUnit.SECONDS);
        offerer.setLocalDescription(offer).get(10, TimeUnit.SECONDS);
        answerer.setRemoteDescription(offer).get(10, TimeUnit.SECONDS);
        SessionDescriptionInit answer = answerer.createAnswer().get(10, TimeUnit.SECONDS);
        answerer.setLocalDescription(answer).get(10, TimeUnit.SECONDS);
        offerer.setRemoteDescription(answer).get(10, TimeUnit.SECONDS);
        String liteSdp = offererIsLite ? offer.sdp() : answer.sdp();
        String fullSdp = offererIsLite ? answer.sdp() : offer.sdp();
        assertThat(liteSdp).contains("a=ice-lite");
        assertThat(fullSdp).doesNotContain("a=ice-lite");

        assertThat(back.opened.await(30, TimeUnit.SECONDS)).as("channel opens").isTrue();
        DataChannel remote = ae.remoteChannels.poll(30, TimeUnit.SECONDS);
        assertThat(remote).isNotNull();
        Inbox in = new Inbox();
        remote.setListener(in);
        for (int i = 0; i < 100; i++) {
            assertThat(channel.send("to answerer " + i)).isTrue();
            assertThat(remote.send("to offerer " + i)).isTrue();
        }
        for (int i = 0; i < 100; i++) {
            assertThat(in.messages.poll(20, TimeUnit.SECONDS)).isEqualTo("to answerer " + i);
            assertThat(back.messages.poll(20, TimeUnit.SECONDS)).isEqualTo("to offerer " + i);
        }

        PeerConnection litePc = offererIsLite ? offerer : answerer;
        PeerConnection fullPc = offererIsLite ? answerer : offerer;
        List<String> liteCandidates = (offererIsLite ? oe : ae).candidates;
        assertThat(liteCandidates).isNotEmpty().allMatch(c -> c.contains(" typ host"));
        assertThat(transport(litePc).getString("iceRole")).isEqualTo("controlled");
        assertThat(transport(fullPc).getString("iceRole")).isEqualTo("controlling");
        assertThat(litePc.stats().get().ice().checksSent()).as("a lite agent sends no checks").isZero();
        assertThat(fullPc.stats().get().ice().checksSent()).isPositive();
        assertThat(litePc.connectionState()).isEqualTo(PeerConnectionState.CONNECTED);
    }

    private static RtcStats transport(PeerConnection pc) throws Exception {
        return pc.getStats().get(10, TimeUnit.SECONDS).ofType("transport").get(0);
    }
}
