package org.jwebrtc.rtp.jitter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.jwebrtc.rtp.codec.AnnexB;
import org.jwebrtc.rtp.codec.Av1Depacketizer;
import org.jwebrtc.rtp.codec.Av1Packetizer;
import org.jwebrtc.rtp.codec.Depacketizer;
import org.jwebrtc.rtp.codec.H264Depacketizer;
import org.jwebrtc.rtp.codec.H264Packetizer;
import org.jwebrtc.rtp.codec.MediaFiles;
import org.jwebrtc.rtp.codec.OpusDepacketizer;
import org.jwebrtc.rtp.codec.OpusPacketizer;
import org.jwebrtc.rtp.codec.Packetizer;
import org.jwebrtc.rtp.codec.Vp8Depacketizer;
import org.jwebrtc.rtp.codec.Vp8Packetizer;
import org.jwebrtc.rtp.jitter.TestStream.Pkt;

/**
 * Every media sample in shared/vectors/media: packetizer → RTP → arrival jitter of up to 40 ms (so packets
 * reorder across frames) plus 20 % duplicates → jitter buffer → the frames come out once each, in order,
 * byte for byte (from the first keyframe on).
 */
class MediaVectorsJitterTest {
    static final long MS = 1_000_000L;

    @ParameterizedTest
    @CsvSource({"h264, input-10-320x180.h264, 300", "h264, input-10-720a.h264, 100",
        "h264, input-sps-pps-non-idr-sps-pps-idr.h264, 200", "h264, no_processing_nal.bin, 1200",
        "vp8, vp8_correct.ivf, 300", "av1, av1_correct.ivf, 200", "opus, opus_correct.ogg, 1200"})
    void samplesSurviveReorderingAndDuplicationThroughTheJitterBuffer(String dir, String file, int mtu) {
        byte[] bytes = MediaFiles.bytes(dir, file);
        List<byte[]> frames;
        Packetizer pk;
        Depacketizer dp;
        JitterBufferConfig config;
        int tsStep;
        switch (dir) {
            case "h264" -> {
                frames = file.endsWith(".bin") ? List.of(withStartCode(bytes)) : accessUnits(bytes);
                pk = new H264Packetizer(1);
                dp = new H264Depacketizer();
                config = JitterBufferConfig.video(90_000);
                tsStep = 3000;
            }
            case "vp8" -> {
                frames = MediaFiles.ivfFrames(bytes);
                pk = new Vp8Packetizer(15, 100);
                dp = new Vp8Depacketizer();
                config = JitterBufferConfig.video(90_000);
                tsStep = 3000;
            }
            case "av1" -> {
                frames = MediaFiles.ivfFrames(bytes);
                pk = new Av1Packetizer();
                dp = new Av1Depacketizer();
                config = JitterBufferConfig.video(90_000);
                tsStep = 3000;
            }
            default -> {
                frames = MediaFiles.opusPackets(bytes);
                pk = new OpusPacketizer();
                dp = new OpusDepacketizer();
                config = JitterBufferConfig.audio(48_000);
                tsStep = 960;
            }
        }
        assertThat(frames).isNotEmpty();
        List<Pkt> pkts = TestStream.packetize(pk, frames, mtu, 65_000, 0xFFFF0000L, tsStep); // both counters wrap
        Random r = new Random(file.hashCode());
        long frameNanos = tsStep * 1_000_000_000L / (dir.equals("opus") ? 48_000 : 90_000);
        List<long[]> arrivals = new ArrayList<>(); // {time, packet index}
        for (int k = 0; k < pkts.size(); k++) {
            long t = pkts.get(k).frame() * frameNanos + r.nextInt(40) * MS;
            arrivals.add(new long[] {t, k});
            if (r.nextInt(5) == 0) {
                arrivals.add(new long[] {t + r.nextInt(100) * MS, k});
            }
        }
        arrivals.sort(Comparator.comparingLong(a -> a[0]));
        JitterBuffer jb = new JitterBuffer(config.withDelay(config.minDelayNanos(), 500 * MS, 500 * MS), dp);
        List<Frame> out = new ArrayList<>();
        List<JitterEvent> events = new ArrayList<>();
        for (long[] a : arrivals) {
            jb.handleTimeout(a[0]);
            Pkt p = pkts.get((int) a[1]);
            jb.insert(a[0], p.bytes(), 0, p.bytes().length);
            TestStream.drain(jb, out, events);
        }
        jb.handleTimeout(arrivals.get(arrivals.size() - 1)[0] + 2000 * MS);
        TestStream.drain(jb, out, events);

        int firstKey = 0;
        if (dir.equals("h264")) {
            while (!AnnexB.split(frames.get(firstKey)).stream().anyMatch(n -> (n[0] & 0x1F) == 5)) {
                firstKey++;
            }
        }
        List<byte[]> expect = frames.subList(firstKey, frames.size());
        assertThat(out).hasSize(expect.size());
        for (int i = 0; i < expect.size(); i++) {
            if (dir.equals("h264")) { // the depacketizer writes 4-byte start codes
                assertThat(AnnexB.split(out.get(i).data())).containsExactlyElementsOf(AnnexB.split(expect.get(i)));
            } else {
                assertThat(out.get(i).data()).isEqualTo(expect.get(i));
            }
        }
        assertThat(out.get(0).keyframe()).isTrue();
        JitterBufferStats s = jb.stats();
        assertThat(s.packetsReceived()).isEqualTo(pkts.size());
        assertThat(s.packetsDuplicated()).isEqualTo(arrivals.size() - pkts.size());
        assertThat(s.packetsLost()).isZero();
        assertThat(s.framesDropped()).isEqualTo(firstKey);
        assertThat(events.stream().filter(e -> e instanceof JitterEvent.KeyframeRequest).count())
                .isEqualTo(firstKey > 0 ? 1 : 0);
    }

    private static byte[] withStartCode(byte[] nal) {
        byte[] out = new byte[nal.length + 4];
        out[3] = 1;
        System.arraycopy(nal, 0, out, 4, nal.length);
        return out;
    }

    /** Splits an Annex B stream into access units (H.264 §7.4.1.2.3: AUD/SEI/SPS/PPS or first_mb 0 starts one). */
    static List<byte[]> accessUnits(byte[] stream) {
        List<byte[]> out = new ArrayList<>();
        List<byte[]> cur = new ArrayList<>();
        boolean sawSlice = false;
        for (byte[] nal : AnnexB.split(stream)) {
            int type = nal[0] & 0x1F;
            boolean slice = type == 1 || type == 5;
            boolean starts = (type >= 6 && type <= 9) || slice && nal.length > 1 && (nal[1] & 0x80) != 0;
            if (starts && sawSlice) {
                out.add(AnnexB.join(cur));
                cur.clear();
                sawSlice = false;
            }
            cur.add(nal);
            sawSlice |= slice;
        }
        if (!cur.isEmpty()) {
            out.add(AnnexB.join(cur));
        }
        return out;
    }
}
