package org.jwebrtc.peerconnection.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jwebrtc.rtp.codec.Vp8Depacketizer;
import org.jwebrtc.rtp.codec.Vp8Packetizer;
import org.junit.jupiter.api.Test;

/** Frame reassembly: reordering, padding-only packets, a hole given up on, and the wait for the next key frame. */
class FrameAssemblerTest {
    static final long WAIT = 250_000_000L;

    /** A VP8 "frame": a key frame starts with a P bit of 0 (RFC 6386 §9.1), an inter frame with 1. */
    static byte[] frame(boolean key, int size, int fill) {
        byte[] f = new byte[size];
        java.util.Arrays.fill(f, (byte) fill);
        f[0] = (byte) (key ? 0x10 : 0x11);
        return f;
    }

    record Pkt(long seq, long ts, boolean marker, byte[] payload) {}

    static List<Pkt> packetize(Vp8Packetizer p, long firstSeq, long ts, byte[] frame) {
        List<byte[]> payloads = p.packetize(frame, 0, frame.length, 300);
        List<Pkt> out = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            out.add(new Pkt(firstSeq + i, ts, i == payloads.size() - 1, payloads.get(i)));
        }
        return out;
    }

    @Test
    void reorderedPacketsAndPaddingGiveTheFramesInOrder() {
        Vp8Packetizer p = new Vp8Packetizer();
        FrameAssembler a = new FrameAssembler(new Vp8Depacketizer(), false, WAIT);
        byte[] f1 = frame(true, 1000, 1);
        byte[] f2 = frame(false, 700, 2);
        List<Pkt> first = new ArrayList<>(packetize(p, 100, 3000, f1));
        List<Pkt> rest = new ArrayList<>();
        rest.add(new Pkt(104, 3000, false, new byte[0]));   // padding-only probe between the frames
        rest.addAll(packetize(p, 105, 6000, f2));
        // the first packet leads (a receiver locks on the first frame start it sees), the rest arrive reversed
        List<Pkt> all = new ArrayList<>(first.subList(0, 1));
        List<Pkt> tail = new ArrayList<>(first.subList(1, first.size()));
        tail.addAll(rest);
        java.util.Collections.reverse(tail);
        all.addAll(tail);
        for (Pkt k : all) {
            a.insert(0, k.seq, k.ts, k.marker, k.payload);
        }
        FrameAssembler.Frame one = a.poll();
        FrameAssembler.Frame second = a.poll();
        assertThat(one.data()).isEqualTo(f1);
        assertThat(one.keyframe()).isTrue();
        assertThat(second.data()).isEqualTo(f2);
        assertThat(second.keyframe()).isFalse();
        assertThat(a.poll()).isNull();
        assertThat(a.framesDropped()).isZero();
    }

    @Test
    void aHoleIsWaitedForThenFramesUpToTheNextKeyFrameAreDropped() {
        Vp8Packetizer p = new Vp8Packetizer();
        FrameAssembler a = new FrameAssembler(new Vp8Depacketizer(), false, WAIT);
        List<Pkt> f1 = packetize(p, 10, 1000, frame(true, 500, 1));
        List<Pkt> f2 = packetize(p, 12, 2000, frame(false, 500, 2));
        List<Pkt> f3 = packetize(p, 14, 3000, frame(false, 500, 3));
        List<Pkt> f4 = packetize(p, 16, 4000, frame(true, 500, 4));
        for (List<Pkt> f : List.of(f1, f2, f3, f4)) {
            for (Pkt k : f) {
                if (k.seq != 12) {   // the first packet of frame 2 is lost
                    a.insert(0, k.seq, k.ts, k.marker, k.payload);
                }
            }
        }
        assertThat(a.poll().rtpTimestamp()).isEqualTo(1000);
        assertThat(a.poll()).as("waiting for a retransmission").isNull();
        assertThat(a.pollTimeout()).isEqualTo(WAIT);
        a.handleTimeout(WAIT);
        assertThat(a.takeKeyframeNeeded()).isTrue();
        FrameAssembler.Frame next = a.poll();
        assertThat(next.rtpTimestamp()).as("frame 3 refers to the lost frame 2: dropped too").isEqualTo(4000);
        assertThat(next.keyframe()).isTrue();
        assertThat(a.framesDropped()).isEqualTo(2);
    }

    @Test
    void aLateRetransmissionFillsTheHoleInTime() {
        Vp8Packetizer p = new Vp8Packetizer();
        FrameAssembler a = new FrameAssembler(new Vp8Depacketizer(), false, WAIT);
        List<Pkt> f0 = packetize(p, 65_530, 0, frame(true, 900, 9));
        for (Pkt k : f0) {
            a.insert(0, k.seq, k.ts, k.marker, k.payload);
        }
        assertThat(a.poll().rtpTimestamp()).isZero();
        List<Pkt> f1 = packetize(p, 65_530 + f0.size(), 1000, frame(false, 900, 1));   // crosses the 16-bit wrap
        for (int i = 1; i < f1.size(); i++) {
            a.insert(i, f1.get(i).seq, f1.get(i).ts, f1.get(i).marker, f1.get(i).payload);
        }
        assertThat(a.poll()).isNull();
        a.insert(100_000_000L, f1.get(0).seq, f1.get(0).ts, f1.get(0).marker, f1.get(0).payload);
        assertThat(a.poll().data()).isEqualTo(frame(false, 900, 1));
        assertThat(a.takeKeyframeNeeded()).isFalse();
    }

    @Test
    void audioPacketsAreFramesAndLateOnesAreDiscarded() {
        FrameAssembler a = new FrameAssembler(new org.jwebrtc.rtp.codec.OpusDepacketizer(), true, WAIT);
        a.insert(0, 1, 960, true, new byte[] {1});
        a.insert(0, 2, 1920, false, new byte[] {2});
        a.insert(0, 2, 1920, false, new byte[] {2});
        assertThat(a.poll().data()).containsExactly(1);
        assertThat(a.poll().data()).containsExactly(2);
        assertThat(a.packetsDiscarded()).isEqualTo(1);
    }
}
