package org.jwebrtc.peerconnection.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.jwebrtc.peerconnection.EncodedFrame;
import org.jwebrtc.peerconnection.RtcStats;
import org.jwebrtc.rtp.RtpView;
import org.jwebrtc.rtp.rtcp.GenericNack;
import org.jwebrtc.rtp.rtcp.RtcpCompound;
import org.jwebrtc.rtp.rtcp.RtcpPacket;
import org.jwebrtc.sdp.jsep.MediaKind;
import org.jwebrtc.srtp.DtlsSrtpContexts;
import org.jwebrtc.srtp.SrtpProfile;
import org.junit.jupiter.api.Test;

/**
 * NACK, RTX and PLI between two sans-IO media sessions on a simulated wire with a virtual clock (no threads, no
 * sockets, seeded loss): when the receiver asks and how often, what the sender answers (RTX packets with the
 * original sequence number, RFC 4588 §4), and that 5 % random loss leaves at least 99 % of the frames intact while
 * an unrecoverable loss ends in a PLI, a key-frame request at the sender and a resumed stream. The test reads RTP
 * headers on the wire (SRTP never encrypts them, RFC 3711 §3.1) and NACKs by unprotecting B's SRTCP.
 */
class RetransmissionTest {
    static final long MS = 1_000_000L;
    static final long SSRC = 1111;
    static final long RTX_SSRC = MediaCodecs.rtxSsrc(SSRC);

    final byte[] material = new byte[SrtpProfile.AEAD_AES_128_GCM.keyingMaterialLength()];
    final List<EncodedFrame> framesAtB = new ArrayList<>();
    final List<String> keyframeRequestsAtA = new ArrayList<>();
    final PriorityQueue<InFlight> wire = new PriorityQueue<>();
    final List<byte[]> aToBLog = new ArrayList<>();
    final List<byte[]> bToALog = new ArrayList<>();
    MediaSession a;
    MediaSession b;
    long now = 1_000 * MS;
    long order;
    long delay = 10 * MS;
    Predicate<byte[]> dropAToB = d -> false;
    Predicate<byte[]> dropBToA = d -> false;

    record InFlight(long at, long order, boolean toB, byte[] datagram) implements Comparable<InFlight> {
        @Override
        public int compareTo(InFlight o) {
            return at != o.at ? Long.compare(at, o.at) : Long.compare(order, o.order);
        }
    }

    void setUp(boolean fid) {
        new SplittableRandom(7).nextBytes(material);
        a = new MediaSession(new SplittableRandom(1), new NtpClock(0), "a", new MediaSession.Output() {
            @Override
            public void transmit(long n, byte[] d) {
                aToBLog.add(d.clone());
                if (!dropAToB.test(d)) {
                    wire.add(new InFlight(n + delay, order++, true, d));
                }
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
                bToALog.add(d.clone());
                if (!dropBToA.test(d)) {
                    wire.add(new InFlight(n + delay, order++, false, d));
                }
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
        a.configure(new MediaSection("v", MediaKind.VIDEO, codecs, MediaCodecs.extensions(), true, false, SSRC,
                List.of(), RTX_SSRC, Map.of()));
        b.configure(new MediaSection("v", MediaKind.VIDEO, codecs, MediaCodecs.extensions(), false, true, 2222,
                fid ? List.of(SSRC) : List.of(), -1, fid ? Map.of(RTX_SSRC, SSRC) : Map.of()));
        a.start(now, DtlsSrtpContexts.fromKeyingMaterial(SrtpProfile.AEAD_AES_128_GCM, material, true));
        b.start(now, DtlsSrtpContexts.fromKeyingMaterial(SrtpProfile.AEAD_AES_128_GCM, material, false));
    }

    static byte[] vp8(boolean key, int size, int fill) {
        byte[] f = new byte[size];
        java.util.Arrays.fill(f, (byte) fill);
        f[0] = (byte) (key ? 0x10 : 0x11);
        f[size - 2] = (byte) (fill >>> 8);   // the frame's index, to match it on receipt
        f[size - 1] = (byte) fill;
        return f;
    }

    /** Runs both sessions and the wire until {@code until}: deliveries and timers in time order. */
    void runUntil(long until) {
        while (true) {
            long next = until;
            if (!wire.isEmpty() && wire.peek().at() < next) {
                next = wire.peek().at();
            }
            next = Math.min(next, Math.max(now, a.pollTimeout()));
            next = Math.min(next, Math.max(now, b.pollTimeout()));
            if (next >= until) {
                now = until;
                return;
            }
            now = next;
            while (!wire.isEmpty() && wire.peek().at() <= now) {
                InFlight f = wire.poll();
                (f.toB() ? b : a).handleInput(now, f.datagram(), 0, f.datagram().length);
            }
            if (a.pollTimeout() <= now) {
                a.handleTimeout(now);
            }
            if (b.pollTimeout() <= now) {
                b.handleTimeout(now);
            }
        }
    }

    static RtpView rtp(byte[] d) {
        RtpView v = new RtpView();
        try {
            v.wrapHeader(d, 0, d.length);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return v;
    }

    static boolean isRtcp(byte[] d) {
        return RtcpCompound.isRtcp(d, 0, d.length);
    }

    static RtcStats stat(MediaSession s, String type) {
        return s.stats(0, "T").stream().filter(r -> r.type().equals(type)).findFirst().orElseThrow();
    }

    /** NACK packets B sent (SRTCP is authenticated, not encrypted here: decrypt through a third context). */
    List<GenericNack> nacksFromB() {
        var ctx = DtlsSrtpContexts.fromKeyingMaterial(SrtpProfile.AEAD_AES_128_GCM, material, true).remote();
        List<GenericNack> out = new ArrayList<>();
        for (byte[] d : bToALog) {
            byte[] c = d.clone();
            int n = ctx.unprotectRtcp(c, 0, c.length);
            try {
                for (RtcpPacket p : RtcpCompound.parse(c, 0, n)) {
                    if (p instanceof GenericNack g) {
                        out.add(g);
                    }
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        return out;
    }

    @Test
    void aLostPacketIsNackedAfterTheGraceRetriedAndRepairedByAnRtxPacketWithTheOriginalSequenceNumber() {
        setUp(true);
        byte[] key = vp8(true, 3000, 1);
        byte[] delta = vp8(false, 3000, 2);
        a.sendFrame(now, "v", null, key, 0);
        runUntil(now + 50 * MS);
        // lose the middle packet of the delta frame and its first retransmission
        int[] media = {0};
        int[] rtx = {0};
        dropAToB = d -> !isRtcp(d) && (rtp(d).ssrc() == SSRC && media[0]++ == 1
                || rtp(d).ssrc() == RTX_SSRC && rtx[0]++ == 0);
        long sentAt = now;
        a.sendFrame(now, "v", null, delta, 33_333);
        runUntil(now + 10 * MS + InboundRtpStream.NACK_REORDER_NANOS - 1);
        assertThat(nacksFromB()).as("not within the reordering grace").isEmpty();
        runUntil(now + 2);
        assertThat(nacksFromB()).hasSize(1);
        int lostSeq = nacksFromB().get(0).lostSequenceNumbers().get(0);
        runUntil(sentAt + 200 * MS);
        assertThat(framesAtB).hasSize(2);
        assertThat(framesAtB.get(1).data()).isEqualTo(delta);
        List<GenericNack> nacks = nacksFromB();
        assertThat(nacks).as("retried once: the first RTX was lost").hasSize(2);
        assertThat(nacks.get(1).lostSequenceNumbers()).containsExactly(lostSeq);
        List<byte[]> rtxPackets = aToBLog.stream().filter(d -> !isRtcp(d) && rtp(d).ssrc() == RTX_SSRC).toList();
        assertThat(rtxPackets).hasSize(2);
        RtpView v = rtp(rtxPackets.get(1));
        assertThat(v.payloadType()).as("the RTX payload type of VP8 (apt=96)").isEqualTo(97);
        assertThat(rtp(rtxPackets.get(0)).sequenceNumber() + 1 & 0xFFFF).as("RTX has its own sequence")
                .isEqualTo(v.sequenceNumber());

        RtcStats out = stat(a, "outbound-rtp");
        assertThat(out.getLong("nackCount")).isEqualTo(2);
        assertThat(out.getLong("retransmittedPacketsSent")).isEqualTo(2);
        assertThat(out.getLong("rtxSsrc")).isEqualTo(RTX_SSRC);
        RtcStats in = stat(b, "inbound-rtp");
        assertThat(in.getLong("ssrc")).as("the RTX SSRC is no stream of its own").isEqualTo(SSRC);
        assertThat(b.stats(0, "T").stream().filter(r -> r.type().equals("inbound-rtp"))).hasSize(1);
        assertThat(in.getLong("nackCount")).isEqualTo(2);
        assertThat(in.getLong("retransmittedPacketsReceived")).isEqualTo(1);
        assertThat(in.getLong("packetsLost")).isZero();
        assertThat(in.getLong("pliCount")).isZero();
        assertThat(keyframeRequestsAtA).isEmpty();
    }

    @Test
    void withoutAnFidGroupTheRtxStreamIsFoundByItsPayloadTypeAndMid() {
        setUp(false);
        a.sendFrame(now, "v", null, vp8(true, 3000, 1), 0);
        runUntil(now + 50 * MS);
        int[] media = {0};
        dropAToB = d -> !isRtcp(d) && rtp(d).ssrc() == SSRC && media[0]++ == 0;
        byte[] delta = vp8(false, 3000, 2);
        a.sendFrame(now, "v", null, delta, 33_333);
        runUntil(now + 200 * MS);
        assertThat(framesAtB).hasSize(2);
        assertThat(framesAtB.get(1).data()).isEqualTo(delta);
        assertThat(stat(b, "inbound-rtp").getLong("retransmittedPacketsReceived")).isEqualTo(1);
    }

    @Test
    void nacksAreRateLimitedAndAreGivenUpWithTheFrameWhichEndsInAPliAndAKeyframeRequest() {
        setUp(true);
        a.sendFrame(now, "v", null, vp8(true, 3000, 1), 0);
        runUntil(now + 50 * MS);
        // every retransmission is lost, and so is one packet in each of three frames sent 1 ms apart
        int[] media = {0};
        dropAToB = d -> !isRtcp(d) && (rtp(d).ssrc() == RTX_SSRC || rtp(d).ssrc() == SSRC && media[0]++ % 3 == 1);
        long start = now;
        for (int i = 1; i <= 3; i++) {
            a.sendFrame(now, "v", null, vp8(false, 3000, 1 + i), i * 33_333L);
            runUntil(now + MS);
        }
        runUntil(start + MediaSession.HOLE_WAIT_NANOS + 100 * MS);
        List<GenericNack> nacks = nacksFromB();
        assertThat(nacks).isNotEmpty();
        int requests = nacks.stream().mapToInt(n -> n.lostSequenceNumbers().size()).sum();
        assertThat(requests).as("each lost packet asked for every max(20 ms, RTT) at most, then given up")
                .isBetween(3, 3 * (int) (MediaSession.HOLE_WAIT_NANOS / InboundRtpStream.NACK_MIN_INTERVAL_NANOS + 1));
        assertThat(framesAtB).as("only the key frame: the others have holes").hasSize(1);
        RtcStats in = stat(b, "inbound-rtp");
        assertThat(in.getLong("framesDropped")).isPositive();
        assertThat(in.getLong("pliCount")).isPositive();
        assertThat(keyframeRequestsAtA).contains("v");
        long nacksBefore = nacksFromB().size();
        runUntil(now + 500 * MS);
        assertThat(nacksFromB()).as("given up: no NACK after the deadline").hasSize((int) nacksBefore);

        // the sender answers with a key frame; the stream resumes
        dropAToB = d -> false;
        byte[] key = vp8(true, 2500, 9);
        a.sendFrame(now, "v", null, key, 200_000);
        runUntil(now + 50 * MS);
        assertThat(framesAtB).hasSize(2);
        assertThat(framesAtB.get(1).data()).isEqualTo(key);
        assertThat(stat(a, "outbound-rtp").getLong("pliCount")).isPositive();
    }

    @Test
    void theSenderResendsAPacketAtMostOncePerIntervalAndNotAfterItLeftTheHistory() {
        setUp(true);
        a.sendFrame(now, "v", null, vp8(true, 1000, 1), 0);
        runUntil(now + 50 * MS);
        int seq = rtp(aToBLog.get(0)).sequenceNumber();
        byte[] nack = nackDatagram(seq);
        a.handleInput(now, nack.clone(), 0, nack.length);
        a.handleInput(now + MS, nackDatagram(seq), 0, nack.length);
        assertThat(stat(a, "outbound-rtp").getLong("retransmittedPacketsSent")).isEqualTo(1);
        a.handleInput(now + MediaSession.RESEND_MIN_GAP_NANOS, nackDatagram(seq), 0, nack.length);
        assertThat(stat(a, "outbound-rtp").getLong("retransmittedPacketsSent")).isEqualTo(2);
        long later = now + OutboundRtpStream.RTX_MAX_AGE_NANOS + MS;
        a.handleInput(later, nackDatagram(seq), 0, nack.length);
        assertThat(stat(a, "outbound-rtp").getLong("retransmittedPacketsSent")).as("too old").isEqualTo(2);
        assertThat(stat(a, "outbound-rtp").getLong("nackCount")).isEqualTo(4);
    }

    @Test
    void aRedundantRtxCopyOfAReceivedPacketIsDiscardedNotCountedAsReceived() {
        // Chromium probes bandwidth with RTX "payload padding": copies of packets the receiver already has
        setUp(true);
        a.sendFrame(now, "v", null, vp8(true, 3000, 1), 0);
        runUntil(now + 50 * MS);
        RtcStats before = stat(b, "inbound-rtp");
        int seq = rtp(aToBLog.get(1)).sequenceNumber();
        byte[] nack = nackDatagram(seq);   // as if another receiver had asked: A sends an RTX copy to B
        a.handleInput(now, nack, 0, nack.length);
        runUntil(now + 50 * MS);
        assertThat(stat(a, "outbound-rtp").getLong("retransmittedPacketsSent")).isEqualTo(1);
        RtcStats in = stat(b, "inbound-rtp");
        assertThat(in.getLong("packetsReceived")).isEqualTo(before.getLong("packetsReceived"));
        assertThat(in.getLong("packetsLost")).isZero();
        assertThat(in.getLong("retransmittedPacketsReceived")).isZero();
        assertThat(in.getLong("packetsDiscarded")).isEqualTo(before.getLong("packetsDiscarded") + 1);
        assertThat(framesAtB).hasSize(1);
    }

    private DtlsSrtpContexts nackKeys;

    /** A Generic NACK from B's side for {@code seq}, protected with B's keys (each with a fresh SRTCP index). */
    private byte[] nackDatagram(int seq) {
        if (nackKeys == null) {
            nackKeys = DtlsSrtpContexts.fromKeyingMaterial(SrtpProfile.AEAD_AES_128_GCM, material, false);
        }
        List<RtcpPacket> p = List.of(GenericNack.of(3333, SSRC, List.of(seq)));
        int len = RtcpCompound.encodedLength(p);
        byte[] buf = new byte[len + SrtpProfile.AEAD_AES_128_GCM.rtcpOverhead()];
        RtcpCompound.encode(p, buf, 0);
        int n = nackKeys.local().protectRtcp(buf, 0, len);
        return java.util.Arrays.copyOf(buf, n);
    }

    @Test
    void fivePercentRandomLossBothWaysLeavesAtLeast99PercentOfTheFramesIntact() {
        setUp(true);
        SplittableRandom loss = new SplittableRandom(20_261_125L);
        dropAToB = d -> loss.nextDouble() < 0.05;
        dropBToA = d -> loss.nextDouble() < 0.05;
        SplittableRandom sizes = new SplittableRandom(5);
        Map<Integer, byte[]> sent = new HashMap<>();
        int frames = 900;   // 30 s at 30 fps
        boolean wantKey = true;
        int keyRequestsSeen = 0;
        for (int i = 0; i < frames; i++) {
            if (keyframeRequestsAtA.size() > keyRequestsSeen) {
                keyRequestsSeen = keyframeRequestsAtA.size();
                wantKey = true;
            }
            byte[] f = vp8(wantKey, 200 + sizes.nextInt(5000), i);
            wantKey = false;
            long micros = i * 33_333L;
            a.sendFrame(now, "v", null, f, micros);
            sent.put(i, f);
            runUntil(now + 33 * MS);
        }
        runUntil(now + 1_000 * MS);
        int intact = 0;
        for (EncodedFrame f : framesAtB) {
            byte[] d = f.data();
            int index = (d[d.length - 2] & 0xFF) << 8 | d[d.length - 1] & 0xFF;
            assertThat(d).as("delivered frames are intact").isEqualTo(sent.get(index));
            intact++;
        }
        RtcStats in = stat(b, "inbound-rtp");
        RtcStats out = stat(a, "outbound-rtp");
        System.out.printf("simulated 5 %% loss: %d of %d frames intact; receiver %s; sender %s%n", intact, frames,
                in.members(), out.members());
        assertThat(intact).isGreaterThanOrEqualTo(frames * 99 / 100);
        assertThat(in.getLong("nackCount")).isPositive();
        assertThat(in.getLong("retransmittedPacketsReceived")).isPositive();
        assertThat(out.getLong("retransmittedPacketsSent")).isGreaterThanOrEqualTo(
                in.getLong("retransmittedPacketsReceived"));
    }

    @Test
    void aPliReachesTheSenderAsAKeyframeRequest() {
        setUp(true);
        a.sendFrame(now, "v", null, vp8(true, 500, 1), 0);
        runUntil(now + 50 * MS);
        b.requestKeyframe(now, "v");
        runUntil(now + 50 * MS);
        assertThat(keyframeRequestsAtA).containsExactly("v");
        assertThat(stat(a, "outbound-rtp").getLong("pliCount")).isEqualTo(1);
        assertThat(stat(b, "inbound-rtp").getLong("pliCount")).isEqualTo(1);
    }
}
