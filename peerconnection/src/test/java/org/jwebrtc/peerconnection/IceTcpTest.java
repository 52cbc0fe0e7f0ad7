package org.jwebrtc.peerconnection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jwebrtc.sctp.DataChannelInit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * ICE-TCP (RFC 6544) between two Java peer connections with UDP out of the game: each side gathers TCP host
 * candidates (a passive one listening, an active one with port 9) besides its UDP ones, but only the TCP candidates
 * are signalled (in the SDP and trickled). The active side connects to the passive one, STUN checks, DTLS, SCTP
 * and the data channel all run over that connection with RFC 4571 framing.
 */
class IceTcpTest {
    private final List<PeerConnection> open = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll() {
        open.forEach(PeerConnection::close);
    }

    /** Forwards only TCP candidates (and end-of-candidates) to the peer. */
    static final class Observer implements PeerConnectionObserver {
        final List<String> candidates = new CopyOnWriteArrayList<>();
        final BlockingQueue<DataChannel> remoteChannels = new LinkedBlockingQueue<>();
        volatile PeerConnection peer;

        @Override
        public void onIceCandidate(Optional<IceCandidateInit> c) {
            c.ifPresent(i -> candidates.add(i.candidate()));
            if (c.isPresent() && !c.get().candidate().contains(" tcp ")) {
                return;   // UDP is "blocked": the peer never hears of our UDP candidates
            }
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
        final BlockingQueue<byte[]> messages = new LinkedBlockingQueue<>();
        final CountDownLatch opened = new CountDownLatch(1);

        @Override
        public void onOpen() {
            opened.countDown();
        }

        @Override
        public void onMessage(DataChannel channel, boolean binary, byte[] data) {
            messages.add(data);
        }
    }

    @Test
    void dataChannelRunsOverTcpCandidatesOnly() throws Exception {
        PeerConnectionConfig config = PeerConnectionConfig.loopback().withIce(IceOptions.DEFAULT.withTcpCandidates(true));
        Observer oe = new Observer();
        Observer ae = new Observer();
        PeerConnection offerer = PeerConnection.create(config, oe);
        open.add(offerer);
        PeerConnection answerer = PeerConnection.create(config, ae);
        open.add(answerer);
        oe.peer = answerer;
        ae.peer = offerer;
        DataChannel channel = offerer.createDataChannel(DataChannelInit.reliable("tcp"));
        Inbox back = new Inbox();
        channel.setListener(back);

        long start = System.nanoTime();
        SessionDescriptionInit offer = offerer.createOffer().get(10, TimeUnit.SECONDS);
        assertThat(offer.sdp()).contains(" tcp ").contains("tcptype passive").contains("tcptype active");
        offerer.setLocalDescription(offer).get(10, TimeUnit.SECONDS);
        answerer.setRemoteDescription(new SessionDescriptionInit("offer", tcpOnly(offer.sdp())))
                .get(10, TimeUnit.SECONDS);
        SessionDescriptionInit answer = answerer.createAnswer().get(10, TimeUnit.SECONDS);
        answerer.setLocalDescription(answer).get(10, TimeUnit.SECONDS);
        offerer.setRemoteDescription(new SessionDescriptionInit("answer", tcpOnly(answer.sdp())))
                .get(10, TimeUnit.SECONDS);

        assertThat(back.opened.await(30, TimeUnit.SECONDS)).as("channel opens over TCP").isTrue();
        long openNanos = System.nanoTime() - start;
        DataChannel remote = ae.remoteChannels.poll(30, TimeUnit.SECONDS);
        assertThat(remote).isNotNull();
        Inbox in = new Inbox();
        remote.setListener(in);
        for (int i = 0; i < 1_000; i++) {
            while (!channel.send("m" + i)) {
                Thread.sleep(1);
            }
        }
        for (int i = 0; i < 1_000; i++) {
            byte[] m = in.messages.poll(30, TimeUnit.SECONDS);
            assertThat(m).as("message %d", i).isNotNull();
            assertThat(new String(m, StandardCharsets.UTF_8)).isEqualTo("m" + i);
        }
        byte[] big = new byte[200 * 1024];
        new Random(7).nextBytes(big);
        assertThat(remote.send(big.clone())).isTrue();
        byte[] got = back.messages.poll(30, TimeUnit.SECONDS);
        assertThat(got).isNotNull();
        assertThat(Arrays.equals(got, big)).as("200 KiB back over TCP").isTrue();

        System.out.printf("ICE-TCP Java<->Java: channel open in %.0f ms, 1,000 messages + 200 KiB back in %.0f ms%n",
                openNanos / 1e6, (System.nanoTime() - start - openNanos) / 1e6);
        for (PeerConnection pc : List.of(offerer, answerer)) {
            StatsReport r = pc.getStats().get(10, TimeUnit.SECONDS);
            assertThat(r.ofType("local-candidate")).singleElement()
                    .satisfies(c -> assertThat(c.getString("protocol")).isEqualTo("tcp"));
            assertThat(r.ofType("remote-candidate")).singleElement()
                    .satisfies(c -> assertThat(c.getString("protocol")).isEqualTo("tcp"));
        }
        assertThat(oe.candidates).anyMatch(c -> c.contains(" udp ")).anyMatch(c -> c.contains(" tcp "));
    }

    private static String tcpOnly(String sdp) {
        return sdp.replaceAll("(?m)^a=candidate:\\S+ \\d+ (?i:udp) .*\\r?\\n", "");
    }
}
