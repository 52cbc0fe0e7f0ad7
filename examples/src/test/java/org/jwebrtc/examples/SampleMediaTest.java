package org.jwebrtc.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jwebrtc.examples.media.AnnexB;
import org.jwebrtc.examples.media.Ivf;
import org.jwebrtc.examples.media.SampleMedia;
import org.jwebrtc.testsupport.SharedFiles;
import org.junit.jupiter.api.Test;

/** The demo's media readers against the bundled clips and the shared media vectors. */
class SampleMediaTest {
    @Test
    void theH264ClipHas120AccessUnitsWithAKeyframeEverySecond() {
        List<byte[]> units = SampleMedia.h264AccessUnits();
        assertThat(units).hasSize(120);
        for (int i = 0; i < units.size(); i++) {
            assertThat(AnnexB.isKeyframe(units.get(i))).as("unit %d", i).isEqualTo(i % 30 == 0);
        }
    }

    @Test
    void theVp8ClipHas120FramesWithAKeyframeEverySecond() {
        List<byte[]> frames = SampleMedia.vp8Frames();
        assertThat(frames).hasSize(120);
        assertThat(Ivf.isVp8Keyframe(frames.get(0))).isTrue();
        assertThat(frames.stream().filter(Ivf::isVp8Keyframe).count()).isBetween(4L, 8L);
    }

    @Test
    void theOpusClipHas4sOf20msPacketsPlusThePreSkipPacket() {
        // 4 s = 200 packets; the encoder's pre-skip (312 samples, RFC 7845 §4.2) needs one more.
        assertThat(SampleMedia.opusPackets()).hasSize(201);
    }

    @Test
    void sharedVectorsSplitLikeTheirReadme() {
        List<byte[]> units = AnnexB.accessUnits(SharedFiles.bytes(SharedFiles.vectors("media", "h264",
                "input-10-320x180.h264")));
        assertThat(units).hasSize(10);
        assertThat(AnnexB.isKeyframe(units.get(0))).isTrue();
        Ivf.File vp8 = Ivf.read(SharedFiles.bytes(SharedFiles.vectors("media", "vp8", "vp8_correct.ivf")));
        assertThat(vp8.fourcc()).isEqualTo("VP80");
        assertThat(vp8.frames()).isNotEmpty();
    }
}
