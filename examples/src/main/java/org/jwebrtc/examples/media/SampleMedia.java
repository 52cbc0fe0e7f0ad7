package org.jwebrtc.examples.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The bundled 4-second clips (generated with ffmpeg's testsrc2 and a 440 Hz sine; see examples/README.md). */
public final class SampleMedia {
    /** 320x240, 30 fps, H.264 constrained baseline (profile-level-id 42e01f), a keyframe every second. */
    public static final String H264 = "sample-320x240-30fps.h264";
    /** The same picture in VP8 (IVF). */
    public static final String VP8 = "sample-320x240-30fps.ivf";
    /** 48 kHz stereo Opus, 20 ms packets (Ogg). */
    public static final String OPUS = "sample-440hz.ogg";

    private SampleMedia() {}

    public static List<byte[]> h264AccessUnits() {
        return AnnexB.accessUnits(bytes(H264));
    }

    public static List<byte[]> vp8Frames() {
        return Ivf.read(bytes(VP8)).frames().stream().map(Ivf.Frame::data).toList();
    }

    public static List<byte[]> opusPackets() {
        return OggOpus.packets(bytes(OPUS));
    }

    static byte[] bytes(String name) {
        try (InputStream in = SampleMedia.class.getResourceAsStream("/org/jwebrtc/examples/media/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing sample " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
