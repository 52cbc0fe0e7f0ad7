package org.jwebrtc.benchmarks.peerconnection;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.jwebrtc.peerconnection.EncodedFrame;
import org.jwebrtc.peerconnection.internal.MediaCodecs;
import org.jwebrtc.peerconnection.internal.MediaSection;
import org.jwebrtc.peerconnection.internal.MediaSession;
import org.jwebrtc.peerconnection.internal.NtpClock;
import org.jwebrtc.sdp.jsep.MediaKind;
import org.jwebrtc.srtp.DtlsSrtpContexts;
import org.jwebrtc.srtp.SrtpProfile;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The media path of a peer connection without sockets: one frame through sender packetization, header extensions
 * and SRTP (GCM-128), then the receiver's SRTP, routing, reassembly and depacketization (two sans-IO
 * MediaSessions wired back to back). A 20 KB video frame is 19 packets; an Opus packet is one.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MediaSessionBenchmark {
    @Param({"VP8", "H264", "opus"})
    public String codec;

    private MediaSession sender;
    private MediaSession receiver;
    private final List<byte[]> wire = new ArrayList<>();
    private byte[] frame;
    private long micros;
    private long now = 1_000_000_000L;
    private int frames;
    private int feedback;

    @Setup
    public void setup() {
        boolean audio = codec.equals("opus");
        MediaKind kind = audio ? MediaKind.AUDIO : MediaKind.VIDEO;
        byte[] material = new byte[SrtpProfile.AEAD_AES_128_GCM.keyingMaterialLength()];
        new SplittableRandom(1).nextBytes(material);
        MediaSession.Output discard = new MediaSession.Output() {
            @Override
            public void transmit(long nowNanos, byte[] datagram) {
                feedback++;
            }

            @Override
            public void frame(String mid, EncodedFrame f) {
                frames++;
            }

            @Override
            public void keyframeRequest(String mid) {
            }
        };
        MediaSession.Output toWire = new MediaSession.Output() {
            @Override
            public void transmit(long nowNanos, byte[] datagram) {
                wire.add(datagram);
            }

            @Override
            public void frame(String mid, EncodedFrame f) {
                frames++;
            }

            @Override
            public void keyframeRequest(String mid) {
            }
        };
        sender = new MediaSession(new SplittableRandom(2), new NtpClock(0), "a", toWire);
        receiver = new MediaSession(new SplittableRandom(3), new NtpClock(0), "b", discard);
        var codecs = MediaCodecs.preferred(kind, List.of(codec));
        sender.configure(new MediaSection("0", kind, codecs, MediaCodecs.extensions(), true, false, 1234, List.of()));
        receiver.configure(new MediaSection("0", kind, codecs, MediaCodecs.extensions(), false, true, 99,
                List.of(1234L)));
        sender.start(now, DtlsSrtpContexts.fromKeyingMaterial(SrtpProfile.AEAD_AES_128_GCM, material, true));
        receiver.start(now, DtlsSrtpContexts.fromKeyingMaterial(SrtpProfile.AEAD_AES_128_GCM, material, false));
        if (codec.equals("VP8")) {
            frame = new byte[20_000];
            frame[0] = 0x10;   // key frame (RFC 6386 §9.1 P bit 0)
        } else if (codec.equals("H264")) {
            frame = new byte[20_004];
            frame[3] = 1;
            frame[4] = 0x65;   // IDR slice after a start code
            frame[5] = (byte) 0x88;   // first_mb_in_slice = 0: a frame start (ITU-T H.264 §7.3.3)
            for (int i = 6; i < frame.length; i++) {
                frame[i] = (byte) (i % 251 + 1);   // no emulated start codes
            }
        } else {
            frame = new byte[120];
            frame[0] = (byte) 0xFC;
        }
    }

    @Benchmark
    public int sendAndReceiveOneFrame() {
        micros += 33_333;
        now += 33_333_333;
        sender.sendFrame(now, "0", null, frame, micros);
        for (byte[] d : wire) {
            receiver.handleInput(now, d, 0, d.length);
        }
        wire.clear();
        receiver.handleTimeout(now);   // TWCC feedback every 100 ms, reports every second, as the loop would
        return frames + feedback;
    }
}
