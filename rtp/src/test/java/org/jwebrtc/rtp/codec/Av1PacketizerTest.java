package org.jwebrtc.rtp.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.jwebrtc.rtp.RtpException;

class Av1PacketizerTest {
    private static final byte[] IVF = MediaFiles.bytes("av1", "av1_correct.ivf");

    @ParameterizedTest
    @ValueSource(ints = {3, 20, 100, 500, 1200})
    void ivfTemporalUnitsRoundTrip(int mtu) throws RtpException {
        assertThat(MediaFiles.ivfFourcc(IVF)).isEqualTo("AV01");
        List<byte[]> frames = MediaFiles.ivfFrames(IVF);
        assertThat(frames).hasSize(29); // IVF header frame count
        Av1Packetizer pk = new Av1Packetizer();
        Av1Depacketizer dp = new Av1Depacketizer();
        for (int f = 0; f < frames.size(); f++) {
            byte[] tu = frames.get(f);
            assertThat(tu[0]).isEqualTo((byte) 0x12); // every TU starts with a temporal delimiter
            List<byte[]> payloads = pk.packetize(tu, mtu);
            assertThat(payloads).allSatisfy(p -> assertThat(p.length).isLessThanOrEqualTo(mtu));
            assertThat(dp.depacketize(payloads)).isEqualTo(tu);
            assertThat(dp.isKeyframe(payloads.get(0))).isEqualTo(f == 0);
            for (int i = 1; i < payloads.size(); i++) {
                assertThat(dp.isKeyframe(payloads.get(i))).isFalse();
            }
            if (mtu >= 100) {
                assertThat(dp.isFrameStart(payloads.get(0))).isTrue();
            }
        }
    }

    @Test
    void aggregationHeaderFields() throws RtpException {
        // TD + sequence header (3 payload bytes) + frame OBU (2 bytes) -> W=2, N=1, elements: [len]seq, frame
        byte[] tu = {0x12, 0x00, 0x0A, 0x03, 1, 2, 3, 0x32, 0x02, 9, 9};
        List<byte[]> p = new Av1Packetizer().packetize(tu, 1200);
        assertThat(p).containsExactly(new byte[] {0x28, 0x04, 0x08, 1, 2, 3, 0x30, 9, 9});
        // fragmented at a tiny MTU: Y on all but the last packet of the OBU, Z on all but the first
        List<byte[]> small = new Av1Packetizer().packetize(tu, 4);
        assertThat(small.get(0)[0] & 0xC0).isEqualTo(0x40);
        assertThat(small.get(1)[0] & 0xC0).isEqualTo(0x80);
        assertThat(new Av1Depacketizer().depacketize(small)).isEqualTo(tu);
    }

    @Test
    void rejectsBrokenPayloads() {
        Av1Depacketizer dp = new Av1Depacketizer();
        assertThatThrownBy(() -> dp.depacketize(List.of(new byte[] {(byte) 0x90, 0x30, 1})))
                .isInstanceOf(RtpException.class).hasMessageContaining("Z set");
        assertThatThrownBy(() -> dp.depacketize(List.of(new byte[] {0x50, 0x30, 1})))
                .isInstanceOf(RtpException.class).hasMessageContaining("fragmented");
        assertThatThrownBy(() -> dp.depacketize(List.of(new byte[] {0x30, 0x05, 0x30})))
                .isInstanceOf(RtpException.class).hasMessageContaining("exceeds");
        assertThatThrownBy(() -> dp.depacketize(List.of(new byte[] {0x30, 0x01, 0x30})))
                .isInstanceOf(RtpException.class).hasMessageContaining("W=3");
        assertThatThrownBy(() -> dp.depacketize(List.of(new byte[] {0x10, (byte) 0xB0})))
                .isInstanceOf(RtpException.class).hasMessageContaining("OBU header");
    }
}
