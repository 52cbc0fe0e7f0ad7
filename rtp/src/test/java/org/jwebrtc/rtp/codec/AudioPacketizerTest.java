package org.jwebrtc.rtp.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.jwebrtc.rtp.RtpException;

class AudioPacketizerTest {

    @Test
    void opusPacketsFromOggAreOnePayloadEach() throws RtpException {
        List<byte[]> packets = MediaFiles.opusPackets(MediaFiles.bytes("opus", "opus_correct.ogg"));
        assertThat(packets).hasSizeGreaterThan(40); // 1 s of 20 ms frames
        OpusPacketizer pk = new OpusPacketizer();
        OpusDepacketizer dp = new OpusDepacketizer();
        for (byte[] opus : packets) {
            // TOC byte (RFC 6716 §3.1): frame-count code 0, one frame per packet in this file
            assertThat(opus[0] & 0x03).isZero();
            List<byte[]> payloads = pk.packetize(opus, 1200);
            assertThat(payloads).hasSize(1);
            assertThat(payloads.get(0)).isEqualTo(opus);
            assertThat(dp.depacketize(payloads)).isEqualTo(opus);
            assertThat(dp.isKeyframe(payloads.get(0))).isTrue();
        }
        byte[] big = new byte[1300];
        assertThatThrownBy(() -> pk.packetize(big, 1200)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> dp.depacketize(List.of(new byte[1], new byte[1]))).isInstanceOf(RtpException.class);
        assertThatThrownBy(() -> dp.depacketize(List.of(new byte[0]))).isInstanceOf(RtpException.class);
    }

    @Test
    void g711TwentyMillisecondPackets() throws RtpException {
        byte[] oneSecond = new byte[G711Packetizer.CLOCK_RATE];
        for (int i = 0; i < oneSecond.length; i++) {
            oneSecond[i] = (byte) (i * 7);
        }
        List<byte[]> payloads = new G711Packetizer().packetize(oneSecond, 1200);
        assertThat(payloads).hasSize(50).allSatisfy(p -> assertThat(p).hasSize(160));
        assertThat(new G711Depacketizer().depacketize(payloads)).isEqualTo(oneSecond);
        assertThat(new G711Packetizer().packetize(oneSecond, 0, 100, 40)).hasSize(3);
        assertThatThrownBy(() -> new G711Depacketizer().depacketize(List.of())).isInstanceOf(RtpException.class);
    }
}
