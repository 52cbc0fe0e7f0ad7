package org.jwebrtc.rtp.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.jwebrtc.rtp.RtpException;

/** No HEVC sample is in shared/vectors; these use synthetic NAL units with real headers. */
class H265PacketizerTest {
    private static byte[] nal(int type, int tid, int size) {
        byte[] n = new byte[size];
        n[0] = (byte) (type << 1);
        n[1] = (byte) tid;
        for (int i = 2; i < size; i++) {
            n[i] = (byte) (i * 31 + type);
        }
        n[2] |= (byte) 0x80; // first_slice_segment_in_pic_flag for slices
        return n;
    }

    private final List<byte[]> accessUnit = List.of(nal(32, 1, 24), nal(33, 1, 40), nal(34, 1, 8),
            nal(19, 1, 5000)); // VPS, SPS, PPS, IDR_W_RADL

    @Test
    void parameterSetsAggregateAndSliceFragments() throws RtpException {
        List<byte[]> p = new H265Packetizer().packetizeNals(accessUnit, 1200);
        assertThat((p.get(0)[0] >>> 1) & 0x3F).isEqualTo(48);          // AP of VPS+SPS+PPS
        assertThat(p.get(0)).hasSize(2 + 2 * 3 + 24 + 40 + 8);
        assertThat(p.get(0)[1] & 0x07).isEqualTo(1);                   // lowest TID
        assertThat((p.get(1)[0] >>> 1) & 0x3F).isEqualTo(49);          // FU
        assertThat(p.get(1)[2] & 0xFF).isEqualTo(0x80 | 19);           // S + FuType
        assertThat(p.get(p.size() - 1)[2] & 0xFF).isEqualTo(0x40 | 19); // E
        assertThat(p).allSatisfy(x -> assertThat(x.length).isLessThanOrEqualTo(1200));
        H265Depacketizer d = new H265Depacketizer();
        assertThat(d.depacketizeNals(p)).containsExactlyElementsOf(accessUnit);
        assertThat(AnnexB.split(d.depacketize(p))).containsExactlyElementsOf(accessUnit);
        assertThat(d.isFrameStart(p.get(0))).isTrue();
        assertThat(d.isKeyframe(p.get(0))).isFalse();
        assertThat(d.isKeyframe(p.get(1))).isTrue();
        assertThat(d.isFrameStart(p.get(1))).isTrue(); // first slice of the picture (flag set) also counts
        assertThat(d.isFrameStart(p.get(2))).isFalse();
    }

    @Test
    void annexBInputAndSmallMtu() throws RtpException {
        byte[] stream = AnnexB.join(accessUnit);
        List<byte[]> p = new H265Packetizer().packetize(stream, 4);
        assertThat(new H265Depacketizer().depacketizeNals(p)).containsExactlyElementsOf(accessUnit);
    }

    @Test
    void rejectsBrokenPayloads() {
        H265Depacketizer d = new H265Depacketizer();
        assertThatThrownBy(() -> d.depacketizeNals(List.of(new byte[] {0x62, 0x01, 0x13, 1})))
                .isInstanceOf(RtpException.class).hasMessageContaining("without a start");
        assertThatThrownBy(() -> d.depacketizeNals(List.of(new byte[] {0x64, 0x01, 1, 2})))
                .isInstanceOf(RtpException.class).hasMessageContaining("50");
        assertThatThrownBy(() -> d.depacketizeNals(List.of(new byte[] {0x60, 0x01, 0, 3, 0x40, 1, 1})))
                .isInstanceOf(RtpException.class).hasMessageContaining("at least two");
    }
}
