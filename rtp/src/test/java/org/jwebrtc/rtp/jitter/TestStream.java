package org.jwebrtc.rtp.jitter;

import java.util.ArrayList;
import java.util.List;
import org.jwebrtc.rtp.RtpHeader;
import org.jwebrtc.rtp.codec.Packetizer;

/** Test helper: frames → RTP packets (marker on each frame's last packet), with frame index per packet. */
final class TestStream {
    record Pkt(byte[] bytes, int frame, int seq) {}

    static final long SSRC = 0x11223344L;

    private TestStream() {}

    static List<Pkt> packetize(Packetizer pk, List<byte[]> frames, int mtu, int firstSeq, long firstTs, int tsStep) {
        List<Pkt> out = new ArrayList<>();
        int seq = firstSeq;
        for (int f = 0; f < frames.size(); f++) {
            List<byte[]> payloads = pk.packetize(frames.get(f), mtu);
            for (int i = 0; i < payloads.size(); i++) {
                RtpHeader h = RtpHeader.of(96, seq & 0xFFFF, (firstTs + (long) f * tsStep) & 0xFFFFFFFFL, SSRC)
                        .withMarker(i == payloads.size() - 1);
                byte[] p = payloads.get(i);
                byte[] b = new byte[h.encodedLength() + p.length];
                int n = h.encode(b, 0);
                System.arraycopy(p, 0, b, n, p.length);
                out.add(new Pkt(b, f, seq & 0xFFFF));
                seq++;
            }
        }
        return out;
    }

    /** Inserts and drains frames. */
    static void insert(JitterBuffer jb, long now, Pkt p, List<Frame> frames, List<JitterEvent> events) {
        jb.insert(now, p.bytes(), 0, p.bytes().length);
        drain(jb, frames, events);
    }

    static void drain(JitterBuffer jb, List<Frame> frames, List<JitterEvent> events) {
        for (Frame f; (f = jb.pollFrame()) != null; ) {
            frames.add(f);
        }
        for (JitterEvent e; (e = jb.pollEvent()) != null; ) {
            events.add(e);
        }
    }

    /** Synthetic VP8 frames: frame 0 (and every keyEvery-th) a keyframe (P bit 0), others inter (P bit 1). */
    static List<byte[]> vp8Frames(java.util.Random r, int count, int keyEvery, int maxSize) {
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] f = new byte[1 + r.nextInt(maxSize)];
            r.nextBytes(f);
            boolean keyframe = keyEvery > 0 ? i % keyEvery == 0 : i == 0;
            f[0] = (byte) (keyframe ? f[0] & ~1 : f[0] | 1);
            frames.add(f);
        }
        return frames;
    }
}
