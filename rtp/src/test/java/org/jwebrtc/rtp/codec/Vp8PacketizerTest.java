package org.jwebrtc.rtp.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.jwebrtc.rtp.RtpException;

class Vp8PacketizerTest {
    private static final byte[] IVF = MediaFiles.bytes("vp8", "vp8_correct.ivf");

    @ParameterizedTest
    @CsvSource({"0, 100", "0, 1200", "7, 100", "7, 500", "15, 100", "15, 1200", "15, 5"})
    void ivfFramesRoundTrip(int pictureIdBits, int mtu) throws RtpException {
        assertThat(MediaFiles.ivfFourcc(IVF)).isEqualTo("VP80");
        List<byte[]> frames = MediaFiles.ivfFrames(IVF);
        assertThat(frames).hasSize(29);
        Vp8Packetizer pk = new Vp8Packetizer(pictureIdBits, 32760);
        Vp8Depacketizer dp = new Vp8Depacketizer();
        int keyframes = 0;
        for (int f = 0; f < frames.size(); f++) {
            byte[] frame = frames.get(f);
            List<byte[]> payloads = pk.packetize(frame, mtu);
            assertThat(payloads).allSatisfy(p -> assertThat(p.length).isLessThanOrEqualTo(mtu));
            assertThat(dp.depacketize(payloads)).isEqualTo(frame);
            assertThat(dp.isFrameStart(payloads.get(0))).isTrue();
            for (int i = 1; i < payloads.size(); i++) {
                assertThat(dp.isFrameStart(payloads.get(i))).isFalse();
                assertThat(dp.isKeyframe(payloads.get(i))).isFalse();
            }
            boolean key = (frame[0] & 1) == 0;
            assertThat(dp.isKeyframe(payloads.get(0))).isEqualTo(key);
            keyframes += key ? 1 : 0;
            Vp8PayloadDescriptor d = Vp8PayloadDescriptor.parse(payloads.get(0), 0, payloads.get(0).length);
            assertThat(d.pictureIdBits()).isEqualTo(pictureIdBits);
            if (pictureIdBits != 0) {
                int mask = (1 << pictureIdBits) - 1;
                assertThat(d.pictureId()).isEqualTo((32760 + f) & mask);
            }
        }
        assertThat(keyframes).isGreaterThanOrEqualTo(1);
        assertThat(dp.isKeyframe(pk.packetize(frames.get(0), mtu).get(0))).isTrue(); // the IVF starts with a key frame
    }

    @Test
    void parsesFullDescriptor() throws RtpException {
        // X=1 N=1 S=1 PID=2; I L T K; M=1 PictureID 0x1234; TL0PICIDX 9; TID=2 Y=1 KEYIDX=5
        byte[] p = {(byte) 0xB2, (byte) 0xF0, (byte) 0x92, 0x34, 9, (byte) 0xA5, 0x42};
        Vp8PayloadDescriptor d = Vp8PayloadDescriptor.parse(p, 0, p.length);
        assertThat(d).isEqualTo(new Vp8PayloadDescriptor(true, true, 2, 0x1234, 15, 9, 2, true, 5, 6));
        assertThatThrownBy(() -> Vp8PayloadDescriptor.parse(p, 0, 5)).isInstanceOf(RtpException.class);
        assertThatThrownBy(() -> new Vp8Depacketizer().depacketize(List.of(p))).isInstanceOf(RtpException.class)
                .hasMessageContaining("partition 0");
    }
}
