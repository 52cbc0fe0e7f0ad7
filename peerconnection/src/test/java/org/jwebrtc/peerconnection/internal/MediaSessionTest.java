package org.jwebrtc.peerconnection.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.jwebrtc.peerconnection.EncodedFrame;
import org.jwebrtc.rtp.rtcp.RtcpCompound;
import org.jwebrtc.rtp.rtcp.RtcpPacket;
import org.jwebrtc.sdp.jsep.MediaKind;
import org.jwebrtc.srtp.DtlsSrtpContexts;
import org.jwebrtc.srtp.SrtpContext;
import org.jwebrtc.srtp.SrtpProfile;
import org.jwebrtc.srtp.SrtpStats;
import org.junit.jupiter.api.Test;

/**
 * Two sans-IO media sessions back to back with a virtual clock: a lost packet is NACKed and repaired from the
 * sender's history, tampered and replayed SRTP is counted and dropped, a PLI becomes a key-frame request, and no
 * input makes the receive path throw.
 */
class MediaSessionTest {
    final List<byte[]> toB = new ArrayList<>();
    final List<byte[]> toA = new ArrayList<>();
    final List<EncodedFrame> framesAtB = new ArrayList<>();
    final List<String> keyframeRequestsAtA = new ArrayList<>();
    final byte[] material = new byte[SrtpProfile.AEAD_AES_128_GCM.keyingMaterialLength()];
    MediaSession a;
    MediaSession b;
    long now = 1_000_000_000L;

    MediaSessionTest() {
        new SplittableRandom(7).nextBytes(material);
        a = new MediaSession(new SplittableRandom(1), new NtpClock(0), "a", new MediaSession.Output() {
            @Override
            public void transmit(long n, byte[] d) {
                toB.add(d);
            }

            @Override
            public void frame(String mid, EncodedFrame f) {
            }

            @Override
            public void keyframeRequest(String mid) {
                keyframeRequestsAtA.add(mid);
            }
        });
        b = new MediaSession(new SplittableRandom(2), new NtpClock(0), "b", new MediaSession.Output() {
            @Override
            public void transmit(long n, byte[] d) {
                toA.add(d);
            }

            @Override
            public void frame(String mid, EncodedFrame f) {
                framesAtB.add(f);
            }

            @Override
            public void keyframeRequest(String mid) {
            }
        });
        var codecs = MediaCodecs.preferred(MediaKind.VIDEO, List.of("VP8"));
        a.configure(new MediaSection("v", MediaKind.VIDEO, codecs, MediaCodecs.extensions(), true, false, 1111,
                List.of()));
        b.configure(new MediaSection("v", MediaKind.VIDEO, codecs, MediaCodecs.extensions(), false, true, 2222,
                List.of()));   // no a=ssrc: routed by the mid extension
        a.start(now, DtlsSrtpContexts.fromKeyingMaterial(SrtpProfile.AEAD_AES_128_GCM, material, true));
        b.start(now, DtlsSrtpContexts.fromKeyingMaterial(SrtpProfile.AEAD_AES_128_GCM, material, false));
    }

    static byte[] vp8(boolean key, int size, int fill) {
        byte[] f = new byte[size];
        java.util.Arrays.fill(f, (byte) fill);
        f[0] = (byte) (key ? 0x10 : 0x11);
        return f;
    }

    void deliver(List<byte[]> queue, MediaSession to) {
        List<byte[]> copy = new ArrayList<>(queue);
        queue.clear();
        for (byte[] d : copy) {
            to.handleInput(now, d, 0, d.length);
        }
    }

    @Test
    void aLostPacketIsNackedAndRepairedFromTheHistory() {
        byte[] f1 = vp8(true, 3000, 1);
        byte[] f2 = vp8(false, 3000, 2);
        assertThat(a.sendFrame(now, "v", null, f1, 0)).isTrue();
        deliver(toB, b);
        assertThat(a.sendFrame(now, "v", null, f2, 33_333)).isTrue();
        assertThat(toB).hasSize(3);
        toB.remove(1);   // lose the middle packet of frame 2
        now += 1_000_000;
        deliver(toB, b);
        assertThat(framesAtB).hasSize(1);
        assertThat(toA).as("no NACK within the reordering grace").isEmpty();
        now += InboundRtpStream.NACK_REORDER_NANOS;
        b.handleTimeout(now);
        assertThat(toA).as("a NACK after the grace").hasSize(1);
        deliver(toA, a);
        assertThat(toB).as("the lost packet, re-sent as it was").hasSize(1);
        deliver(toB, b);
        assertThat(framesAtB).hasSize(2);
        assertThat(framesAtB.get(1).data()).isEqualTo(f2);
        assertThat(a.stats(0, "T").get(0).getLong("retransmittedPacketsSent")).isEqualTo(1);
        assertThat(b.stats(0, "T").get(0).getLong("nackCount")).isEqualTo(1);
    }

    @Test
    void tamperedAndReplayedPacketsAreCountedNotThrownNorDelivered() {
        a.sendFrame(now, "v", null, vp8(true, 500, 1), 0);
        byte[] packet = toB.get(0);
        byte[] captured = packet.clone();   // handleInput decrypts in place: keep the ciphertext for the replay
        byte[] tampered = packet.clone();
        tampered[tampered.length - 1] ^= 1;
        b.handleInput(now, tampered, 0, tampered.length);
        deliver(toB, b);
        b.handleInput(now, captured, 0, captured.length);
        SrtpStats s = b.srtpStats().orElseThrow();
        assertThat(s.rtpAuthFailed()).isEqualTo(1);
        assertThat(s.rtpReplayed()).isEqualTo(1);
        assertThat(framesAtB).hasSize(1);
        assertThat(b.stats(0, "T").get(0).getLong("packetsReceived")).isEqualTo(1);
    }

    @Test
    void aPliFromTheReceiverBecomesAKeyframeRequest() throws Exception {
        a.sendFrame(now, "v", null, vp8(true, 500, 1), 0);
        deliver(toB, b);
        b.requestKeyframe(now, "v");
        assertThat(toA).hasSize(1);
        deliver(toA, a);
        assertThat(keyframeRequestsAtA).containsExactly("v");
        // RTCP reports: after the interval, B sends an RR with a report block about A's SSRC
        now += 2_000_000_000L;
        b.handleTimeout(now);
        byte[] rr = toA.get(toA.size() - 1).clone();
        SrtpContext bLocalView = DtlsSrtpContexts.fromKeyingMaterial(SrtpProfile.AEAD_AES_128_GCM, material, true)
                .remote();
        int n = bLocalView.unprotectRtcp(rr, 0, rr.length);
        assertThat(n).isPositive();
        List<RtcpPacket> packets = RtcpCompound.parse(rr, 0, n);
        assertThat(packets.get(0)).isInstanceOf(org.jwebrtc.rtp.rtcp.ReceiverReport.class);
        assertThat(((org.jwebrtc.rtp.rtcp.ReceiverReport) packets.get(0)).reports().get(0).ssrc()).isEqualTo(1111);
    }

    @Property(tries = 300)
    void anyDatagramIsDroppedOrDeliveredNeverThrown(@ForAll byte[] junk) {
        if (junk.length > 0) {
            junk[0] = (byte) (0x80 | (junk[0] & 0x3F));   // looks like RTP/RTCP (RFC 7983)
        }
        b.handleInput(now, junk, 0, junk.length);
        assertThat(framesAtB).isEmpty();
    }
}
