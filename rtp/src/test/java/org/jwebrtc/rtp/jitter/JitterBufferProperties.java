package org.jwebrtc.rtp.jitter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.jwebrtc.rtp.codec.Vp8Depacketizer;
import org.jwebrtc.rtp.codec.Vp8Packetizer;
import org.jwebrtc.rtp.jitter.TestStream.Pkt;

class JitterBufferProperties {
    static final long MS = 1_000_000L;

    @Property(tries = 200)
    void anyPermutationWithDuplicatesYieldsEveryFrameExactlyOnceInOrder(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 30) int frameCount, @ForAll @IntRange(min = 0, max = 0xFFFF) int firstSeq,
            @ForAll @IntRange(min = 60, max = 1200) int mtu, @ForAll @IntRange(min = 0, max = 50) int duplicatePercent) {
        Random r = new Random(seed);
        List<byte[]> src = TestStream.vp8Frames(r, frameCount, 0, 1000);
        List<Pkt> pkts = TestStream.packetize(new Vp8Packetizer(15, r.nextInt(0x8000)), src, mtu, firstSeq,
                r.nextLong() & 0xFFFFFFFFL, 3000);
        List<Pkt> order = new ArrayList<>(pkts);
        for (Pkt p : pkts) {
            if (r.nextInt(100) < duplicatePercent) {
                order.add(p);
            }
        }
        Collections.shuffle(order, r);
        JitterBuffer jb = new JitterBuffer(JitterBufferConfig.video(90_000).withDelay(0, 0, 3_600_000 * MS),
                new Vp8Depacketizer());
        List<Frame> frames = new ArrayList<>();
        List<JitterEvent> events = new ArrayList<>();
        int duplicates = 0;
        for (Pkt p : order) {
            if (jb.insert(0, p.bytes(), 0, p.bytes().length) == InsertResult.DUPLICATE) {
                duplicates++;
            }
            TestStream.drain(jb, frames, events);
        }
        jb.handleTimeout(0);
        TestStream.drain(jb, frames, events);
        assertThat(frames).extracting(f -> Arrays.hashCode(f.data())).containsExactlyElementsOf(
                src.stream().map(Arrays::hashCode).toList());
        assertThat(frames).extracting(Frame::data).zipSatisfy(src, (a, b) -> assertThat(a).isEqualTo(b));
        assertThat(duplicates).isEqualTo(order.size() - pkts.size());
        assertThat(jb.stats().packetsDuplicated()).isEqualTo(duplicates);
        assertThat(jb.stats().packetsReceived()).isEqualTo(pkts.size());
        assertThat(jb.stats().packetsLost()).isZero();
    }

    @Property(tries = 200)
    void lossesYieldNacksForExactlyTheMissingSequenceNumbers(@ForAll long seed,
            @ForAll @IntRange(min = 2, max = 40) int frameCount, @ForAll @IntRange(min = 0, max = 0xFFFF) int firstSeq,
            @ForAll @IntRange(min = 0, max = 40) int lossPercent) {
        Random r = new Random(seed);
        List<byte[]> src = TestStream.vp8Frames(r, frameCount, 0, 1500);
        List<Pkt> pkts = TestStream.packetize(new Vp8Packetizer(7, 0), src, 300, firstSeq, 0, 3000);
        Set<Integer> lost = new TreeSet<>();
        JitterBuffer jb = new JitterBuffer(JitterBufferConfig.video(90_000), new Vp8Depacketizer());
        List<Frame> frames = new ArrayList<>();
        List<JitterEvent> events = new ArrayList<>();
        long now = 0;
        for (int k = 0; k < pkts.size(); k++) {
            Pkt p = pkts.get(k);
            now = JitterBufferTest.at(p.frame()) + k * 100_000L; // 0.1 ms apart inside a frame
            jb.handleTimeout(now);
            if (k > 0 && k < pkts.size() - 1 && r.nextInt(100) < lossPercent) {
                lost.add(p.seq());
            } else {
                jb.insert(now, p.bytes(), 0, p.bytes().length);
            }
            TestStream.drain(jb, frames, events);
        }
        jb.handleTimeout(now + 6 * MS);
        TestStream.drain(jb, frames, events);
        Set<Integer> nacked = new TreeSet<>();
        for (JitterEvent e : events) {
            if (e instanceof JitterEvent.Nack n) {
                nacked.addAll(n.sequenceNumbers());
                assertThat(n.toRtcp(1).lostSequenceNumbers()).containsExactlyElementsOf(n.sequenceNumbers());
            }
        }
        assertThat(nacked).isEqualTo(lost);
        assertThat(jb.stats().packetsLost()).isEqualTo(lost.size());
    }

    @Property(tries = 300)
    void anyBytesAreInsertedOrCountedNeverThrown(@ForAll byte[] bytes, @ForAll long now) {
        JitterBuffer jb = new JitterBuffer(JitterBufferConfig.video(90_000), new Vp8Depacketizer());
        jb.insert(now, bytes, 0, bytes.length);
        jb.handleTimeout(now);
        while (jb.pollFrame() != null || jb.pollEvent() != null) {
            continue;
        }
        assertThat(jb.stats().packetsMalformed() + jb.stats().packetsReceived()).isEqualTo(1);
    }
}
