package org.jwebrtc.rtp.rtx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.jwebrtc.rtp.HeaderExtensions;
import org.jwebrtc.rtp.RtpException;
import org.jwebrtc.rtp.RtpHeader;
import org.jwebrtc.rtp.RtpPacket;
import org.jwebrtc.rtp.RtpView;

class RtxTest {
    static final long MS = 1_000_000L;

    static byte[] packet(int seq, int payloadLen, int padding) {
        byte[] payload = new byte[payloadLen];
        for (int i = 0; i < payloadLen; i++) {
            payload[i] = (byte) (i * 7 + seq);
        }
        RtpHeader h = RtpHeader.of(96, seq, 123456, 0xAABBCCDDL).withMarker(true)
                .withExtensions(List.of(HeaderExtensions.transportSequenceNumber(3, 77)));
        return new RtpPacket(h, payload, padding).toBytes();
    }

    @Test
    void encapsulateThenDecapsulateRestoresTheOriginalWithoutPadding() throws RtpException {
        RtxEncoder enc = new RtxEncoder(0x01020304L, Map.of(96, 97), 65535);
        RtxDecoder dec = new RtxDecoder(0xAABBCCDDL, Map.of(97, 96));
        byte[] orig = packet(4242, 300, 0);
        byte[] rtx = new byte[RtxEncoder.maxEncodedLength(orig.length)];
        int n = enc.encapsulate(orig, 0, orig.length, rtx, 0);
        assertThat(n).isEqualTo(orig.length + 2);
        RtpView v = new RtpView().wrap(rtx, 0, n);
        assertThat(v.ssrc()).isEqualTo(0x01020304L);
        assertThat(v.payloadType()).isEqualTo(97);
        assertThat(v.sequenceNumber()).isEqualTo(65535);
        assertThat(v.marker()).isTrue();
        assertThat(HeaderExtensions.transportSequenceNumber(v, 3)).isEqualTo(77);
        assertThat(v.buffer()[v.payloadOffset()] & 0xFF).isEqualTo(4242 >>> 8); // OSN, RFC 4588 §4
        assertThat(enc.nextSequenceNumber()).isZero(); // wraps
        int m = dec.decapsulate(rtx, 0, n);
        assertThat(Arrays.copyOf(rtx, m)).isEqualTo(orig);

        byte[] padded = packet(7, 40, 9);
        n = enc.encapsulate(padded, 0, padded.length, rtx, 0);
        m = dec.decapsulate(rtx, 0, n);
        assertThat(Arrays.copyOf(rtx, m)).isEqualTo(packet(7, 40, 0));
    }

    @Test
    void paddingOnlyAndUnknownPayloadTypesAreReportedMalformedOnesThrow() throws RtpException {
        RtxDecoder dec = new RtxDecoder(1, Map.of(97, 96));
        byte[] probe = new RtpPacket(RtpHeader.of(97, 1, 0, 5), new byte[0], 200).toBytes();
        assertThat(dec.decapsulate(probe, 0, probe.length)).isEqualTo(RtxDecoder.PADDING_ONLY);
        byte[] other = packet(1, 10, 0);
        assertThat(dec.decapsulate(other, 0, other.length)).isEqualTo(RtxDecoder.UNKNOWN_PAYLOAD_TYPE);
        byte[] oneByte = new RtpPacket(RtpHeader.of(97, 1, 0, 5), new byte[1]).toBytes();
        assertThatThrownBy(() -> dec.decapsulate(oneByte, 0, oneByte.length)).isInstanceOf(RtpException.class);
        assertThatThrownBy(() -> dec.decapsulate(new byte[3], 0, 3)).isInstanceOf(RtpException.class);
        RtxEncoder enc = new RtxEncoder(9, Map.of(100, 101), 0);
        assertThatThrownBy(() -> enc.encapsulate(other, 0, other.length, new byte[100], 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void historyKeepsTheLastPacketsUpToCapacityAndAge() {
        RtpPacketHistory h = new RtpPacketHistory(8, 1500, 1000 * MS);
        for (int s = 65530; s < 65540; s++) {
            byte[] p = packet(s & 0xFFFF, 100, 0);
            h.store(s * MS, p, 0, p.length);
        }
        byte[] dst = new byte[1500];
        assertThat(h.get(65540 * MS, 65531, dst, 0)).isEqualTo(-1); // overwritten (capacity 8)
        int n = h.get(65540 * MS, 2, dst, 0);
        assertThat(Arrays.copyOf(dst, n)).isEqualTo(packet(2, 100, 0));
        assertThat(h.get(65533 * MS + 1001 * MS, 65533, dst, 0)).isEqualTo(-1); // too old
        assertThat(h.getForResend(65540 * MS, 3, 50 * MS, dst, 0)).isPositive();
        assertThat(h.getForResend(65560 * MS, 3, 50 * MS, dst, 0)).isEqualTo(-1); // within one RTT
        assertThat(h.getForResend(65590 * MS, 3, 50 * MS, dst, 0)).isPositive();
        assertThat(h.get(0, 1000, dst, 0)).isEqualTo(-1);
    }
}
