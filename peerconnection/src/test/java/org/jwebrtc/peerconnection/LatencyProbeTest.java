package org.jwebrtc.peerconnection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jwebrtc.sctp.DataChannelInit;
import org.junit.jupiter.api.Test;

/** Paced small messages (a camera's 30 fps) must arrive promptly, not in bursts held back by the transport. */
class LatencyProbeTest {
    @Test
    void pacedMessagesArriveWithinMilliseconds() throws Exception {
        JavaToJavaDataChannelTest.Events oe = new JavaToJavaDataChannelTest.Events();
        JavaToJavaDataChannelTest.Events ae = new JavaToJavaDataChannelTest.Events();
        try (PeerConnection a = PeerConnection.create(PeerConnectionConfig.loopback(), oe);
             PeerConnection b = PeerConnection.create(PeerConnectionConfig.loopback(), ae)) {
            oe.peer = b;
            ae.peer = a;
            DataChannel dc = a.createDataChannel(DataChannelInit.reliable("paced"));
            BlockingQueue<Long> delays = new LinkedBlockingQueue<>();
            SessionDescriptionInit offer = a.createOffer().get(10, TimeUnit.SECONDS);
            a.setLocalDescription(offer).get();
            b.setRemoteDescription(offer).get();
            SessionDescriptionInit answer = b.createAnswer().get();
            b.setLocalDescription(answer).get();
            a.setRemoteDescription(answer).get();
            DataChannel remote = ae.remoteChannels.poll(20, TimeUnit.SECONDS);
            assertThat(remote).isNotNull();
            remote.setListener((c, bin, d) -> delays.add(System.nanoTime()
                    - java.nio.ByteBuffer.wrap(d).getLong()));
            long worst = 0;
            for (int i = 0; i < 60; i++) {
                byte[] frame = new byte[4096];
                java.nio.ByteBuffer.wrap(frame).putLong(System.nanoTime());
                assertThat(dc.send(frame)).isTrue();
                Thread.sleep(33);
            }
            for (int i = 0; i < 60; i++) {
                Long d = delays.poll(10, TimeUnit.SECONDS);
                assertThat(d).as("frame " + i + " stats " + a.stats().get()).isNotNull();
                worst = Math.max(worst, d);
            }
            System.out.printf("paced 4 KiB messages: worst one-way delay %.1f ms%n", worst / 1e6);
            assertThat(worst).isLessThan(TimeUnit.MILLISECONDS.toNanos(500));
        }
    }
}
