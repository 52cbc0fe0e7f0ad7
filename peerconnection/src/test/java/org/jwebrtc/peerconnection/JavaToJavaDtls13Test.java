package org.jwebrtc.peerconnection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jwebrtc.dtls.DtlsVersion;
import org.jwebrtc.sctp.DataChannelInit;
import org.jwebrtc.sdp.jsep.MediaKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Peer connections on DTLS 1.3 (RFC 9147, our own engine): SRTP keys from the 1.3 exporter carry video, the data
 * channel works on top, getStats says FEFC; and a 1.3-capable side falls back to 1.2 for a 1.2-only peer, both as
 * DTLS server and as DTLS client.
 */
class JavaToJavaDtls13Test {
    private final List<PeerConnection> open = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll() {
        open.forEach(PeerConnection::close);
    }

    private record Pair(PeerConnection offerer, JavaToJavaMediaTest.Events offererEvents, PeerConnection answerer,
                        JavaToJavaMediaTest.Events answererEvents) {}

    private Pair create(DtlsVersion offerer, DtlsVersion answerer) {
        JavaToJavaMediaTest.Events oe = new JavaToJavaMediaTest.Events();
        JavaToJavaMediaTest.Events ae = new JavaToJavaMediaTest.Events();
        PeerConnection o = PeerConnection.create(PeerConnectionConfig.loopback().withMaxDtlsVersion(offerer), oe);
        PeerConnection a = PeerConnection.create(PeerConnectionConfig.loopback().withMaxDtlsVersion(answerer), ae);
        open.add(o);
        open.add(a);
        oe.peer = a;
        ae.peer = o;
        return new Pair(o, oe, a, ae);
    }

    private static void negotiate(Pair p) throws Exception {
        SessionDescriptionInit offer = p.offerer().createOffer().get(10, TimeUnit.SECONDS);
        p.offerer().setLocalDescription(offer).get(10, TimeUnit.SECONDS);
        p.answerer().setRemoteDescription(offer).get(10, TimeUnit.SECONDS);
        SessionDescriptionInit answer = p.answerer().createAnswer().get(10, TimeUnit.SECONDS);
        p.answerer().setLocalDescription(answer).get(10, TimeUnit.SECONDS);
        p.offerer().setRemoteDescription(answer).get(10, TimeUnit.SECONDS);
    }

    private static String tlsVersion(PeerConnection pc) throws Exception {
        return pc.getStats().get(5, TimeUnit.SECONDS).ofType("transport").get(0).getString("tlsVersion");
    }

    @Test
    void videoAndADataChannelRunOverDtls13() throws Exception {
        Pair p = create(DtlsVersion.DTLS_1_3, DtlsVersion.DTLS_1_3);
        RtpSender video = p.offerer().addTrack(MediaKind.VIDEO, "cam");
        video.useCodec("VP8");
        p.answerer().addTransceiver(MediaKind.VIDEO, org.jwebrtc.sdp.Direction.RECVONLY);
        DataChannel channel = p.offerer().createDataChannel(DataChannelInit.reliable("chat"));
        CountDownLatch opened = new CountDownLatch(1);
        channel.setListener(new DataChannelListener() {
            @Override
            public void onOpen() {
                opened.countDown();
            }

            @Override
            public void onMessage(DataChannel c, boolean binary, byte[] data) {
            }
        });
        negotiate(p);
        assertThat(p.offererEvents().awaitConnected()).isTrue();
        assertThat(opened.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(tlsVersion(p.offerer())).isEqualTo("FEFC");
        assertThat(tlsVersion(p.answerer())).isEqualTo("FEFC");
        List<byte[]> frames = MediaFiles.vp8Frames();
        for (byte[] f : frames) {
            assertThat(video.sendFrame(f, System.nanoTime() / 1000)).isTrue();
            Thread.sleep(5);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (p.answererEvents().frames("video").size() < frames.size() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(p.answererEvents().frames("video")).hasSize(frames.size());
        for (int i = 0; i < frames.size(); i++) {
            assertThat(p.answererEvents().frames("video").get(i).data()).as("frame %d", i).isEqualTo(frames.get(i));
        }
        assertThat(channel.send("over 1.3".getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @Test
    void aDtls13OffererServesADtls12OnlyAnswererWithDtls12() throws Exception {
        // The offerer says actpass, the answerer picks active: the offerer is the DTLS server and falls back.
        Pair p = create(DtlsVersion.DTLS_1_3, DtlsVersion.DTLS_1_2);
        DataChannel channel = p.offerer().createDataChannel(DataChannelInit.reliable("chat"));
        CountDownLatch opened = new CountDownLatch(1);
        channel.setListener(new DataChannelListener() {
            @Override
            public void onOpen() {
                opened.countDown();
            }

            @Override
            public void onMessage(DataChannel c, boolean binary, byte[] data) {
            }
        });
        negotiate(p);
        assertThat(opened.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(tlsVersion(p.offerer())).isEqualTo("FEFD");
        assertThat(tlsVersion(p.answerer())).isEqualTo("FEFD");
    }

    @Test
    void aDtls13AnswererConnectsAsDtlsClientToADtls12OnlyOffererWithDtls12() throws Exception {
        // The answerer picks a=setup:active, so the 1.3-capable side is the DTLS client: its ClientHello offers
        // 1.3 and 1.2, the 1.2-only server answers 1.2 (no downgrade sentinel) and the client continues in 1.2.
        Pair p = create(DtlsVersion.DTLS_1_2, DtlsVersion.DTLS_1_3);
        DataChannel channel = p.offerer().createDataChannel(DataChannelInit.reliable("chat"));
        CountDownLatch opened = new CountDownLatch(1);
        channel.setListener(new DataChannelListener() {
            @Override
            public void onOpen() {
                opened.countDown();
            }

            @Override
            public void onMessage(DataChannel c, boolean binary, byte[] data) {
            }
        });
        negotiate(p);
        assertThat(opened.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(tlsVersion(p.offerer())).isEqualTo("FEFD");
        assertThat(tlsVersion(p.answerer())).isEqualTo("FEFD");
        assertThat(channel.send("over 1.2".getBytes(StandardCharsets.UTF_8))).isTrue();
    }
}
