package org.jwebrtc.rtp.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.jwebrtc.rtp.RtpException;

/** No VP9 sample is in shared/vectors; frames here carry real uncompressed-header first bytes. */
class Vp9PacketizerTest {
    private static byte[] frame(int firstByte, int size) {
        byte[] f = new byte[size];
        for (int i = 0; i < size; i++) {
            f[i] = (byte) (i * 13);
        }
        f[0] = (byte) firstByte;
        return f;
    }

    @Test
    void keyAndInterFramesRoundTrip() throws RtpException {
        byte[] key = frame(0x82, 5000);   // marker 10, profile 0, show_existing 0, frame_type 0 (key)
        byte[] inter = frame(0x86, 3000); // frame_type 1
        assertThat(Vp9Packetizer.isKeyFrame(key, 0, key.length)).isTrue();
        assertThat(Vp9Packetizer.isKeyFrame(inter, 0, inter.length)).isFalse();
        assertThat(Vp9Packetizer.isKeyFrame(new byte[] {(byte) 0xB1}, 0, 1)).isTrue(); // profile 3, key
        assertThat(Vp9Packetizer.isKeyFrame(new byte[] {(byte) 0x88}, 0, 1)).isFalse(); // show_existing_frame
        Vp9Packetizer pk = new Vp9Packetizer(0x7FFF);
        Vp9Depacketizer dp = new Vp9Depacketizer();
        List<byte[]> k = pk.packetize(key, 1200);
        List<byte[]> i = pk.packetize(inter, 1200);
        assertThat(k).hasSize(5);
        assertThat(dp.depacketize(k)).isEqualTo(key);
        assertThat(dp.depacketize(i)).isEqualTo(inter);
        assertThat(dp.isKeyframe(k.get(0))).isTrue();
        assertThat(dp.isKeyframe(k.get(1))).isFalse();
        assertThat(dp.isKeyframe(i.get(0))).isFalse();
        assertThat(dp.isFrameStart(i.get(0))).isTrue();
        Vp9PayloadDescriptor d0 = Vp9PayloadDescriptor.parse(k.get(0), 0, k.get(0).length);
        Vp9PayloadDescriptor d1 = Vp9PayloadDescriptor.parse(i.get(0), 0, i.get(0).length);
        assertThat(d0.pictureId()).isEqualTo(0x7FFF);
        assertThat(d1.pictureId()).isZero(); // 15-bit wrap
        assertThat(d1.referenceDiffs()).containsExactly(1);
        assertThat(d1.flexibleMode()).isTrue();
    }

    @Test
    void parsesNonFlexibleDescriptorWithLayersAndScalabilityStructure() throws RtpException {
        // I L B E V; PictureID 7-bit 5; TID=2 U=1 SID=1 D=0; TL0PICIDX 9;
        // SS: N_S=1 (2 layers) Y=1 G=1; 2x(w,h); N_G=1: T=0 U=0 R=1 + one P_DIFF
        byte[] p = {(byte) 0xAE, 0x05, 0x52, 0x09, 0x38, 0, 1, 0, 1, 0, 2, 0, 2, 1, 0x04, 1, 0x77};
        Vp9PayloadDescriptor d = Vp9PayloadDescriptor.parse(p, 0, p.length);
        assertThat(d.pictureId()).isEqualTo(5);
        assertThat(d.temporalId()).isEqualTo(2);
        assertThat(d.switchingUp()).isTrue();
        assertThat(d.spatialId()).isEqualTo(1);
        assertThat(d.tl0PicIdx()).isEqualTo(9);
        assertThat(d.scalabilityStructure()).isTrue();
        assertThat(d.length()).isEqualTo(16);
        assertThatThrownBy(() -> Vp9PayloadDescriptor.parse(p, 0, 15)).isInstanceOf(RtpException.class);
        assertThatThrownBy(() -> new Vp9Depacketizer().depacketize(List.of(new byte[] {0x04, 1})))
                .isInstanceOf(RtpException.class).hasMessageContaining("B bit");
    }
}
