package org.jwebrtc.rtp.jitter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.jwebrtc.rtp.codec.OpusDepacketizer;
import org.jwebrtc.rtp.codec.OpusPacketizer;
import org.jwebrtc.rtp.codec.Vp8Depacketizer;
import org.jwebrtc.rtp.codec.Vp8Packetizer;
import org.jwebrtc.rtp.jitter.TestStream.Pkt;
import org.jwebrtc.rtp.rtcp.GenericNack;
import org.jwebrtc.rtp.rtcp.PictureLossIndication;

class JitterBufferTest {
    static final long MS = 1_000_000L;

    private final List<Frame> frames = new ArrayList<>();
    private final List<JitterEvent> events = new ArrayList<>();

    static long at(int frame) { // arrival = the frame's RTP time at 30 fps
        return frame * 3000L * 1_000_000_000L / 90_000;
    }

    private static JitterBuffer video() {
        return new JitterBuffer(JitterBufferConfig.video(90_000), new Vp8Depacketizer());
    }

    private List<Pkt> stream(int count, int keyEvery, int firstSeq) {
        List<byte[]> src = TestStream.vp8Frames(new Random(7), count, keyEvery, 3000);
        return TestStream.packetize(new Vp8Packetizer(15, 0), src, 500, firstSeq, 1000, 3000);
    }

    private List<byte[]> frameData(int count, int keyEvery) {
        return TestStream.vp8Frames(new Random(7), count, keyEvery, 3000);
    }

    private List<Long> nacked() {
        List<Long> out = new ArrayList<>();
        for (JitterEvent e : events) {
            if (e instanceof JitterEvent.Nack n) {
                n.sequenceNumbers().forEach(s -> out.add((long) s));
            }
        }
        return out;
    }

    private long plis() {
        return events.stream().filter(e -> e instanceof JitterEvent.KeyframeRequest).count();
    }

    @Test
    void inOrderFramesAreReleasedOnceEachWithTheirData() {
        JitterBuffer jb = video();
        List<Pkt> pkts = stream(20, 0, 100);
        for (Pkt p : pkts) {
            TestStream.insert(jb, at(p.frame()), p, frames, events);
        }
        assertThat(frames).extracting(JitterBufferTest::hash).containsExactlyElementsOf(hashes(frameData(20, 0)));
        assertThat(frames.get(0).keyframe()).isTrue();
        assertThat(frames.get(1).keyframe()).isFalse();
        assertThat(frames.get(3).timestamp()).isEqualTo(1000 + 3 * 3000);
        assertThat(events).isEmpty();
        JitterBufferStats s = jb.stats();
        assertThat(s.packetsReceived()).isEqualTo(pkts.size());
        assertThat(s.framesComplete()).isEqualTo(20);
        assertThat(s.packetsLost()).isZero();
        assertThat(s.jitter()).isZero();
        assertThat(jb.pollTimeout()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void reorderedAndDuplicatedPacketsGiveTheSameFramesAndAreCounted() {
        JitterBuffer jb = video();
        List<Pkt> pkts = new ArrayList<>(stream(10, 0, 65_530)); // crosses the 16-bit wrap
        List<Pkt> order = new ArrayList<>();
        for (int i = 0; i < pkts.size(); i += 4) { // reverse each group of 4, duplicate the first of each
            List<Pkt> g = new ArrayList<>(pkts.subList(i, Math.min(pkts.size(), i + 4)));
            Collections.reverse(g);
            order.addAll(g);
            order.add(g.get(0));
        }
        for (Pkt p : order) {
            TestStream.insert(jb, at(p.frame()) + 2 * MS, p, frames, events);
        }
        jb.handleTimeout(at(10) + 10 * MS);
        TestStream.drain(jb, frames, events);
        assertThat(frames).extracting(JitterBufferTest::hash).containsExactlyElementsOf(hashes(frameData(10, 0)));
        JitterBufferStats s = jb.stats();
        assertThat(s.packetsDuplicated()).isEqualTo((pkts.size() + 3) / 4);
        assertThat(s.packetsReordered()).isPositive();
        assertThat(s.packetsLost()).isZero();
        assertThat(nacked()).isEmpty(); // each hole was filled before the 5 ms reordering grace
    }

    @Test
    void aLostPacketIsNackedAfterTheGraceThenEveryRttAndRecoveredByRetransmission() {
        JitterBuffer jb = video();
        jb.setRttNanos(50 * MS);
        List<Pkt> pkts = stream(6, 0, 1000);
        int lostIndex = pkts.indexOf(pkts.stream().filter(p -> p.frame() == 2).findFirst().orElseThrow());
        Pkt lost = pkts.get(lostIndex);
        for (int k = 0; k <= lostIndex + 1; k++) {
            if (k != lostIndex) {
                TestStream.insert(jb, at(pkts.get(k).frame()), pkts.get(k), frames, events);
            }
        }
        long detected = at(pkts.get(lostIndex + 1).frame());
        assertThat(frames).hasSize(2); // frame 2 waits for its first packet
        assertThat(jb.pollTimeout()).isEqualTo(detected + 5 * MS);
        jb.handleTimeout(detected + 5 * MS);
        TestStream.drain(jb, frames, events);
        assertThat(nacked()).containsExactly((long) lost.seq());
        assertThat(events.get(0).toRtcp(1)).isInstanceOf(GenericNack.class);
        jb.handleTimeout(detected + 54 * MS); // less than one RTT later: no repeat
        TestStream.drain(jb, frames, events);
        assertThat(nacked()).hasSize(1);
        jb.handleTimeout(detected + 55 * MS);
        TestStream.drain(jb, frames, events);
        assertThat(nacked()).hasSize(2);
        TestStream.insert(jb, detected + 60 * MS, lost, frames, events);
        for (int k = lostIndex + 2; k < pkts.size(); k++) {
            TestStream.insert(jb, Math.max(detected + 60 * MS, at(pkts.get(k).frame())), pkts.get(k), frames, events);
        }
        jb.handleTimeout(at(6) + 500 * MS); // the late retransmission raised the playout delay a little
        TestStream.drain(jb, frames, events);
        assertThat(frames).extracting(JitterBufferTest::hash).containsExactlyElementsOf(hashes(frameData(6, 0)));
        JitterBufferStats s = jb.stats();
        assertThat(s.packetsRecovered()).isEqualTo(1);
        assertThat(s.nackedPackets()).isEqualTo(2);
        assertThat(s.nacksSent()).isEqualTo(2);
        assertThat(s.packetsLost()).isZero();
        assertThat(plis()).isZero();
    }

    @Test
    void nacksStopAfterTheRetryLimit() {
        JitterBuffer jb = new JitterBuffer(JitterBufferConfig.video(90_000).withNackTiming(0, 10 * MS, 3, 10_000 * MS)
                .withDelay(0, 0, 5_000 * MS), new Vp8Depacketizer());
        jb.setRttNanos(20 * MS);
        List<Pkt> pkts = stream(3, 0, 0);
        Pkt lost = pkts.stream().filter(p -> p.frame() == 1).findFirst().orElseThrow();
        for (Pkt p : pkts) {
            if (p != lost) {
                TestStream.insert(jb, at(p.frame()), p, frames, events);
            }
        }
        for (long t = at(2); t < at(2) + 500 * MS; t += 5 * MS) {
            jb.handleTimeout(t);
            TestStream.drain(jb, frames, events);
        }
        assertThat(nacked()).containsExactly((long) lost.seq(), (long) lost.seq(), (long) lost.seq());
        assertThat(jb.stats().nacksGivenUp()).isEqualTo(1);
    }

    @Test
    void anUnrecoverableFrameIsDroppedWithAKeyframeRequestAndDeltasWaitForTheNextKeyframe() {
        JitterBuffer jb = new JitterBuffer(JitterBufferConfig.video(90_000).withNack(false).withDelay(0, 0, 50 * MS),
                new Vp8Depacketizer());
        List<Pkt> pkts = stream(12, 6, 0); // keyframes at 0 and 6
        for (Pkt p : pkts) {
            if (!(p.frame() == 2)) { // frame 2 lost entirely
                TestStream.insert(jb, at(p.frame()), p, frames, events);
            }
            jb.handleTimeout(at(p.frame()));
            TestStream.drain(jb, frames, events);
        }
        jb.handleTimeout(at(12));
        TestStream.drain(jb, frames, events);
        List<byte[]> src = frameData(12, 6);
        List<byte[]> expect = new ArrayList<>(src.subList(0, 2));
        expect.addAll(src.subList(6, 12));
        assertThat(frames).extracting(JitterBufferTest::hash).containsExactlyElementsOf(hashes(expect));
        assertThat(plis()).isEqualTo(1);
        assertThat(events.get(0).toRtcp(9)).isEqualTo(new PictureLossIndication(9, TestStream.SSRC));
        assertThat(jb.stats().framesDropped()).isEqualTo(3); // 3, 4, 5 (2 never arrived)
        assertThat(jb.stats().packetsLost()).isPositive();
    }

    @Test
    void aCompleteKeyframeAfterAHoleIsReleasedWithoutWaitingForTheHole() {
        JitterBuffer jb = video();
        for (Pkt p : stream(12, 6, 0)) {
            if (p.frame() != 4) {
                TestStream.insert(jb, at(p.frame()), p, frames, events);
            }
        }
        List<byte[]> src = frameData(12, 6);
        List<byte[]> expect = new ArrayList<>(src.subList(0, 4));
        expect.addAll(src.subList(6, 12));
        assertThat(frames).extracting(JitterBufferTest::hash).containsExactlyElementsOf(hashes(expect));
        assertThat(plis()).isZero();
        assertThat(jb.stats().framesDropped()).isEqualTo(1); // frame 5 (4 never arrived)
    }

    @Test
    void aStreamThatStartsWithADeltaFrameAsksForAKeyframeAtOnce() {
        JitterBuffer jb = video();
        List<Pkt> pkts = stream(8, 4, 0);
        for (Pkt p : pkts) {
            if (p.frame() >= 1) {
                TestStream.insert(jb, at(p.frame()), p, frames, events);
            }
        }
        assertThat(plis()).isEqualTo(1);
        assertThat(frames).extracting(JitterBufferTest::hash).containsExactlyElementsOf(hashes(frameData(8, 4).subList(4, 8)));
        assertThat(frames.get(0).keyframe()).isTrue();
    }

    @Test
    void withoutAnyKeyframeTheRequestRepeatsAtTheConfiguredInterval() {
        JitterBuffer jb = video();
        List<Pkt> pkts = stream(60, 0, 0);
        for (Pkt p : pkts) {
            if (p.frame() >= 1) {
                TestStream.insert(jb, at(p.frame()), p, frames, events);
                jb.handleTimeout(at(p.frame()));
                TestStream.drain(jb, frames, events);
            }
        }
        assertThat(frames).isEmpty();
        assertThat(plis()).isEqualTo(4); // at the first delta frame, then every 500 ms over ~2 s
    }

    @Test
    void framesAreHeldUntilTheirPlayoutTimeWhichFollowsJitter() {
        JitterBuffer jb = new JitterBuffer(JitterBufferConfig.video(90_000).withDelay(10 * MS, 300 * MS, 200 * MS),
                new Vp8Depacketizer());
        List<Pkt> pkts = stream(200, 0, 0);
        Random r = new Random(3);
        long[] jitterOf = new long[200];
        for (int f = 0; f < 200; f++) {
            jitterOf[f] = f < 100 ? 0 : r.nextInt(40) * MS;
        }
        List<long[]> times = new ArrayList<>();
        for (int k = 0; k < pkts.size(); k++) {
            times.add(new long[] {at(pkts.get(k).frame()) + jitterOf[pkts.get(k).frame()], k});
        }
        times.sort((a, b) -> Long.compare(a[0], b[0]));
        long delayAt100 = -1;
        for (long[] t : times) {
            jb.handleTimeout(t[0]);
            TestStream.insert(jb, t[0], pkts.get((int) t[1]), frames, events);
            if (delayAt100 < 0 && pkts.get((int) t[1]).frame() == 100) {
                delayAt100 = jb.stats().targetDelayNanos();
            }
        }
        jb.handleTimeout(at(200) + 400 * MS);
        TestStream.drain(jb, frames, events);
        assertThat(delayAt100).isEqualTo(10 * MS); // no jitter: the minimum
        assertThat(jb.stats().targetDelayNanos()).isGreaterThan(30 * MS);
        assertThat(jb.stats().jitter()).isPositive();
        assertThat(frames).hasSize(200);
        for (Frame f : frames) {
            assertThat(f.playoutNanos()).isGreaterThanOrEqualTo(f.firstArrivalNanos() - 60 * MS);
        }
        // with zero jitter a frame is held exactly the 10 ms minimum
        assertThat(frames.get(50).playoutNanos() - frames.get(50).firstArrivalNanos()).isEqualTo(10 * MS);
    }

    @Test
    void aPacketFarAheadResetsTheBufferAndAsksForAKeyframe() {
        JitterBuffer jb = new JitterBuffer(JitterBufferConfig.video(90_000).withCapacity(64), new Vp8Depacketizer());
        List<Pkt> pkts = stream(50, 30, 0);
        int n = 0;
        for (Pkt p : pkts) {
            if (p.frame() < 3 || p.frame() >= 30) {
                TestStream.insert(jb, at(p.frame()), p, frames, events);
                n++;
            }
        }
        assertThat(jb.stats().bufferResets()).isEqualTo(1);
        assertThat(frames).extracting(JitterBufferTest::hash)
                .containsExactlyElementsOf(hashes(concat(frameData(50, 30).subList(0, 3), frameData(50, 30).subList(30, 50))));
        assertThat(n).isPositive();
    }

    @Test
    void aSequenceThatJumpsFarBackRestartsTheBufferAfterEightPackets() {
        JitterBuffer jb = video();
        for (Pkt p : stream(5, 0, 40_000)) {
            TestStream.insert(jb, at(p.frame()), p, frames, events);
        }
        assertThat(frames).hasSize(5);
        List<Pkt> again = stream(10, 0, 10_000); // same SSRC, sender restarted 30000 sequence numbers back
        for (Pkt p : again) {
            TestStream.insert(jb, at(5 + p.frame()), p, frames, events);
        }
        assertThat(jb.stats().bufferResets()).isEqualTo(1);
        assertThat(jb.stats().packetsLate()).isEqualTo(7);
        assertThat(plis()).isEqualTo(1);
        // its first frames were among the 7 refused packets; a keyframe request went out, the rest are deltas
        assertThat(frames).hasSize(5);
        List<Pkt> key = stream(12, 11, 10_000 + again.size()); // the requested keyframe (frame 11) arrives
        for (Pkt p : key) {
            if (p.frame() >= 11) {
                TestStream.insert(jb, at(16 + p.frame()), p, frames, events);
            }
        }
        assertThat(frames).hasSize(6);
        assertThat(frames.get(5).keyframe()).isTrue();
    }

    @Test
    void audioReleasesEveryPacketAndSkipsLostOnesAfterTheWait() {
        JitterBuffer jb = new JitterBuffer(JitterBufferConfig.audio(48_000), new OpusDepacketizer());
        List<byte[]> src = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            src.add(new byte[] {(byte) i, 1, 2, 3});
        }
        List<Pkt> pkts = TestStream.packetize(new OpusPacketizer(), src, 1200, 500, 0, 960);
        for (Pkt p : pkts) {
            long t = p.frame() * 20 * MS;
            jb.handleTimeout(t);
            if (p.frame() != 5) {
                jb.insert(t, p.bytes(), 0, p.bytes().length);
            }
            TestStream.drain(jb, frames, events);
        }
        jb.handleTimeout(1000 * MS);
        TestStream.drain(jb, frames, events);
        List<byte[]> expect = new ArrayList<>(src);
        expect.remove(5);
        assertThat(frames).extracting(JitterBufferTest::hash).containsExactlyElementsOf(hashes(expect));
        assertThat(frames).allMatch(Frame::keyframe);
        assertThat(events).isEmpty(); // audio: no NACK, no PLI
        assertThat(frames.get(0).playoutNanos()).isEqualTo(20 * MS); // the audio minimum delay
    }

    @Test
    void paddingOnlyPacketsBetweenFramesTakeASequenceNumberAndBreakNothing() {
        // libwebrtc sends bandwidth probes as padding-only packets (RFC 3550 §5.1 P bit) on the media SSRC when
        // RTX is not negotiated, with the previous frame's timestamp and no marker
        JitterBuffer jb = video();
        List<Pkt> pkts = stream(10, 0, 65_530); // wraps the 16-bit sequence number on the way
        List<byte[]> wire = new ArrayList<>();
        List<Integer> frameOf = new ArrayList<>();
        int shift = 0;
        for (int i = 0; i < pkts.size(); i++) {
            byte[] b = pkts.get(i).bytes().clone();
            int seq = (pkts.get(i).seq() + shift) & 0xFFFF;
            b[2] = (byte) (seq >>> 8);
            b[3] = (byte) seq;
            wire.add(b);
            frameOf.add(pkts.get(i).frame());
            boolean lastOfFrame = i + 1 == pkts.size() || pkts.get(i + 1).frame() != pkts.get(i).frame();
            if (lastOfFrame && pkts.get(i).frame() % 3 == 1) {
                for (int k = 0; k < 2; k++) { // two probes in a row
                    byte[] pad = new byte[12 + 224];
                    System.arraycopy(b, 0, pad, 0, 12);
                    pad[0] = (byte) 0xA0; // V=2, P=1
                    pad[1] = (byte) 96;   // no marker
                    shift++;
                    int ps = (seq + k + 1) & 0xFFFF;
                    pad[2] = (byte) (ps >>> 8);
                    pad[3] = (byte) ps;
                    pad[pad.length - 1] = (byte) 224; // the whole payload is padding
                    wire.add(pad);
                    frameOf.add(pkts.get(i).frame());
                }
            }
        }
        for (int i = 0; i < wire.size(); i++) {
            jb.insert(at(frameOf.get(i)), wire.get(i), 0, wire.get(i).length);
            TestStream.drain(jb, frames, events);
        }
        assertThat(frames).extracting(JitterBufferTest::hash).containsExactlyElementsOf(hashes(frameData(10, 0)));
        assertThat(events).as("no NACK, no PLI").isEmpty();
        assertThat(jb.stats().framesDropped()).isZero();
        assertThat(jb.stats().packetsLost()).isZero();
    }

    @Test
    void malformedAndForeignPacketsAreCountedNotThrown() {
        JitterBuffer jb = video();
        assertThat(jb.insert(0, new byte[] {1, 2, 3}, 0, 3)).isEqualTo(InsertResult.MALFORMED);
        List<Pkt> pkts = stream(1, 0, 0);
        jb.insert(0, pkts.get(0).bytes(), 0, pkts.get(0).bytes().length);
        byte[] other = pkts.get(0).bytes().clone();
        other[11] ^= 1; // another SSRC
        assertThat(jb.insert(0, other, 0, other.length)).isEqualTo(InsertResult.MALFORMED);
        assertThat(jb.stats().packetsMalformed()).isEqualTo(2);
    }

    static int hash(Frame f) {
        return java.util.Arrays.hashCode(f.data());
    }

    static List<Integer> hashes(List<byte[]> frames) {
        return frames.stream().map(java.util.Arrays::hashCode).toList();
    }

    private static List<byte[]> concat(List<byte[]> a, List<byte[]> b) {
        List<byte[]> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
