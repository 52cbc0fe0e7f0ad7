package org.jwebrtc.rtp.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.jwebrtc.rtp.RtpException;

class H264PacketizerTest {
    private final H264Depacketizer depacketizer = new H264Depacketizer();

    @ParameterizedTest
    @CsvSource({
        "input-10-320x180.h264, 100", "input-10-320x180.h264, 500", "input-10-320x180.h264, 1200",
        "input-10-720a.h264, 100", "input-10-720a.h264, 500", "input-10-720a.h264, 1200",
        "input-sps-pps-non-idr-sps-pps-idr.h264, 100", "input-sps-pps-non-idr-sps-pps-idr.h264, 500",
        "input-sps-pps-non-idr-sps-pps-idr.h264, 1200", "input-10-320x180.h264, 3"})
    void annexBStreamsRoundTripNalForNal(String file, int mtu) throws RtpException {
        byte[] stream = MediaFiles.bytes("h264", file);
        List<byte[]> nals = AnnexB.split(stream);
        assertThat(nals).hasSizeGreaterThan(2);
        assertThat(nals).allSatisfy(n -> assertThat(n[0] & 0x80).isZero()); // forbidden_zero_bit
        List<byte[]> payloads = new H264Packetizer(1).packetize(stream, mtu);
        assertThat(payloads).allSatisfy(p -> assertThat(p.length).isLessThanOrEqualTo(mtu));
        assertThat(depacketizer.depacketizeNals(payloads)).containsExactlyElementsOf(nals);
        assertThat(AnnexB.split(depacketizer.depacketize(payloads))).containsExactlyElementsOf(nals);
        if (mtu == 1200) { // SPS+PPS(+SEI) are small: at least one STAP-A
            assertThat(payloads).anySatisfy(p -> assertThat(p[0] & 0x1F).isEqualTo(24));
        }
        if (mtu == 100) {
            assertThat(payloads).anySatisfy(p -> assertThat(p[0] & 0x1F).isEqualTo(28));
        }
    }

    @Test
    void keyframeAndFrameStartDetectionOnRealStream() {
        byte[] stream = MediaFiles.bytes("h264", "input-sps-pps-non-idr-sps-pps-idr.h264");
        List<byte[]> nals = AnnexB.split(stream);
        List<Integer> types = nals.stream().map(n -> n[0] & 0x1F).toList();
        assertThat(types).contains(1, 5, 7, 8);
        H264Packetizer pk = new H264Packetizer(1);
        int keyframes = 0;
        for (byte[] nal : nals) {
            for (byte[] p : pk.packetizeNals(List.of(nal), 100)) {
                if (depacketizer.isKeyframe(p)) {
                    keyframes++;
                    assertThat(nal[0] & 0x1F).isEqualTo(5);
                }
            }
        }
        assertThat(keyframes).isPositive();
        // first packet of every FU-A fragmented IDR/non-IDR slice starting a picture is a frame start
        List<byte[]> idrPackets = pk.packetizeNals(List.of(nals.get(types.indexOf(5))), 100);
        assertThat(depacketizer.isFrameStart(idrPackets.get(0))).isTrue();
        assertThat(depacketizer.isFrameStart(idrPackets.get(1))).isFalse();
        assertThat(depacketizer.isKeyframe(idrPackets.get(1))).isTrue();
        // SPS+PPS aggregated: STAP-A starts the access unit, but is not itself an IDR
        List<byte[]> spsPps = pk.packetizeNals(nals.subList(types.indexOf(7), types.indexOf(7) + 2), 1200);
        assertThat(spsPps).hasSize(1);
        assertThat(depacketizer.isFrameStart(spsPps.get(0))).isTrue();
        assertThat(depacketizer.isKeyframe(spsPps.get(0))).isFalse();
    }

    @Test
    void noProcessingNalIsOneSingleNalUnitPacket() throws RtpException {
        byte[] nal = MediaFiles.bytes("h264", "no_processing_nal.bin");
        assertThat(nal[0]).isEqualTo((byte) 0x65);
        for (int mode = 0; mode <= 1; mode++) {
            List<byte[]> payloads = new H264Packetizer(mode).packetizeNals(List.of(nal), 1200);
            assertThat(payloads).hasSize(1);
            assertThat(payloads.get(0)).isEqualTo(nal);
            assertThat(depacketizer.isKeyframe(payloads.get(0))).isTrue();
            assertThat(depacketizer.depacketizeNals(payloads)).containsExactly(nal);
        }
    }

    @Test
    void modeZeroSendsSingleNalUnitsOnly() throws RtpException {
        byte[] stream = MediaFiles.bytes("h264", "input-10-720a.h264");
        List<byte[]> nals = AnnexB.split(stream);
        int biggest = nals.stream().mapToInt(n -> n.length).max().orElseThrow();
        List<byte[]> payloads = new H264Packetizer(0).packetize(stream, biggest);
        assertThat(payloads).hasSameSizeAs(nals);
        assertThat(depacketizer.depacketizeNals(payloads)).containsExactlyElementsOf(nals);
        assertThatThrownBy(() -> new H264Packetizer(0).packetize(stream, biggest - 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void annexBSplitterHandlesBothStartCodesAndLeadingGarbage() {
        byte[] s = {9, 9, 0, 0, 1, 0x67, 1, 2, 0, 0, 0, 1, 0x68, 3, 0, 0, 1, 0x65, 0, 0, 3, 1};
        List<byte[]> nals = AnnexB.split(s);
        assertThat(nals).containsExactly(new byte[] {0x67, 1, 2}, new byte[] {0x68, 3},
                new byte[] {0x65, 0, 0, 3, 1});
        assertThat(AnnexB.split(AnnexB.join(nals))).containsExactlyElementsOf(nals);
        assertThat(AnnexB.split(new byte[] {0, 0, 0})).isEmpty();
    }

    @Test
    void rejectsBrokenFragmentation() {
        byte[] start = {0x7C, (byte) 0x85, 1};
        byte[] middle = {0x7C, 0x05, 2};
        byte[] end = {0x7C, 0x45, 3};
        assertThatThrownBy(() -> depacketizer.depacketizeNals(List.of(middle, end))).isInstanceOf(RtpException.class);
        assertThatThrownBy(() -> depacketizer.depacketizeNals(List.of(start, middle))).isInstanceOf(RtpException.class);
        assertThatThrownBy(() -> depacketizer.depacketizeNals(List.of(start, start, end)))
                .isInstanceOf(RtpException.class);
        assertThatThrownBy(() -> depacketizer.depacketizeNals(List.of(new byte[] {0x19, 0, 1})))
                .isInstanceOf(RtpException.class).hasMessageContaining("type 25");
        assertThatThrownBy(() -> depacketizer.depacketizeNals(List.of(new byte[] {0x18, 0, 5, 0x67})))
                .isInstanceOf(RtpException.class);
        List<byte[]> ok = new ArrayList<>(List.of(start, middle, end));
        try {
            assertThat(depacketizer.depacketizeNals(ok)).containsExactly(new byte[] {0x65, 1, 2, 3});
        } catch (RtpException e) {
            throw new AssertionError(e);
        }
    }
}
