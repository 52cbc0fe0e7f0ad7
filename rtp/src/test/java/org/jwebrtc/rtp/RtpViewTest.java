package org.jwebrtc.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class RtpViewTest {
    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @Test
    void parsesFixedHeaderAndCsrcs() throws RtpException {
        // V=2 CC=2 M=1 PT=96 seq=0x1234 ts=0xDEADBEEF ssrc=0x01020304 csrc 0xAAAAAAAA 0xFFFFFFFF payload 0102
        byte[] b = hex("82 E0 1234 DEADBEEF 01020304 AAAAAAAA FFFFFFFF 0102");
        RtpView v = new RtpView().wrap(b, 0, b.length);
        assertThat(v.version()).isEqualTo(2);
        assertThat(v.marker()).isTrue();
        assertThat(v.payloadType()).isEqualTo(96);
        assertThat(v.sequenceNumber()).isEqualTo(0x1234);
        assertThat(v.timestamp()).isEqualTo(0xDEADBEEFL);
        assertThat(v.ssrc()).isEqualTo(0x01020304L);
        assertThat(v.csrcCount()).isEqualTo(2);
        assertThat(v.csrc(1)).isEqualTo(0xFFFFFFFFL);
        assertThat(v.payloadOffset()).isEqualTo(20);
        assertThat(v.payloadLength()).isEqualTo(2);
        assertThat(v.toHeader().toBytes()).isEqualTo(java.util.Arrays.copyOf(b, 20));
    }

    @Test
    void rfc8285OneByteExampleWithPadding() throws RtpException {
        // RFC 8285 §4.2 example: three elements (L=0, L=1, L=3) and two padding octets, length=3 words.
        byte[] b = hex("90 60 0001 00000001 00000002 BEDE 0003 10AA 21BBCC 00 00 33 01020304 FF");
        RtpView v = new RtpView().wrap(b, 0, b.length);
        byte[] dst = new byte[16];
        assertThat(v.extension(1, dst, 0)).isEqualTo(1);
        assertThat(dst[0]).isEqualTo((byte) 0xAA);
        assertThat(v.extension(2, dst, 0)).isEqualTo(2);
        assertThat(v.extension(3, dst, 0)).isEqualTo(4);
        assertThat(dst[3]).isEqualTo((byte) 4);
        assertThat(v.extension(4, dst, 0)).isEqualTo(-1);
        assertThat(v.payloadLength()).isEqualTo(1);
        assertThat(v.extensions()).hasSize(3);
    }

    @Test
    void rfc8285TwoByteExample() throws RtpException {
        // RFC 8285 §4.3 example: ID L=0, ID L=1 data, pad, ID L=4 data
        byte[] b = hex("90 60 0001 00000001 00000002 1000 0003 0100 0201AA 00 0304 01020304");
        RtpView v = new RtpView().wrap(b, 0, b.length);
        byte[] dst = new byte[8];
        assertThat(v.extension(1, dst, 0)).isEqualTo(0);
        assertThat(v.extension(2, dst, 0)).isEqualTo(1);
        assertThat(v.extension(3, dst, 0)).isEqualTo(4);
        assertThat(v.extensionOffset(3)).isEqualTo(24);
        assertThat(v.payloadLength()).isZero();
    }

    @Test
    void oneByteIdFifteenStopsProcessing() throws RtpException {
        byte[] b = hex("90 60 0001 00000001 00000002 BEDE 0001 10AA F0 20");
        RtpView v = new RtpView().wrap(b, 0, b.length);
        assertThat(v.extensions()).containsExactly(new RtpExtension(1, new byte[] {(byte) 0xAA}));
        assertThat(v.extension(2, new byte[4], 0)).isEqualTo(-1);
    }

    @Test
    void padding() throws RtpException {
        byte[] b = hex("A0 00 0001 00000001 00000002 CAFE 0000 03");
        RtpView v = new RtpView().wrap(b, 0, b.length);
        assertThat(v.payloadLength()).isEqualTo(2);
        assertThat(v.paddingLength()).isEqualTo(3);
        RtpPacket p = RtpPacket.parse(b, 0, b.length);
        assertThat(p.paddingLength()).isEqualTo(3);
        assertThat(p.toBytes()).isEqualTo(b);
    }

    @Test
    void rejectsMalformed() {
        RtpView v = new RtpView();
        assertThatThrownBy(() -> v.wrap(new byte[11], 0, 11)).isInstanceOf(RtpException.class);
        assertThatThrownBy(() -> v.wrap(hex("40000001000000010000000200"), 0, 13))
                .isInstanceOf(RtpException.class).hasMessageContaining("version");
        assertThatThrownBy(() -> v.wrap(hex("810000010000000100000002"), 0, 12))
                .isInstanceOf(RtpException.class);
        assertThatThrownBy(() -> v.wrap(hex("A00000010000000100000002 00"), 0, 13))
                .isInstanceOf(RtpException.class).hasMessageContaining("padding");
        assertThatThrownBy(() -> v.wrap(hex("900000010000000100000002 BEDE0001 3F000000"), 0, 20))
                .isInstanceOf(RtpException.class).extracting(e -> ((RtpException) e).offset()).isEqualTo(17);
    }

    @Test
    void wrapHeaderLeavesElementsUncheckedAndReadsAMalformedListAsAbsent() throws RtpException {
        // element id 3 claims 16 bytes in a 4-byte block: wrap throws, wrapHeader does not scan it
        byte[] b = hex("900000010000000100000002 BEDE0001 3F000000");
        RtpView v = new RtpView().wrapHeader(b, 0, b.length);
        assertThat(v.sequenceNumber()).isEqualTo(1);
        assertThat(v.extensionBodyOffset()).isEqualTo(16);
        assertThat(v.extensionOffset(3)).isEqualTo(-1);
        assertThat(HeaderExtensions.transportSequenceNumber(v, 3)).isEqualTo(-1);
        assertThat(v.extensions()).isEmpty();
        v.setSequenceNumber(7);
        assertThat(b[3]).isEqualTo((byte) 7);
        // a well-formed block is found lazily
        byte[] ok = RtpHeader.of(96, 1, 2, 3).withExtension(HeaderExtensions.transportSequenceNumber(3, 513))
                .toBytes();
        assertThat(HeaderExtensions.transportSequenceNumber(new RtpView().wrapHeader(ok, 0, ok.length), 3))
                .isEqualTo(513);
        assertThatThrownBy(() -> v.wrapHeader(hex("810000010000000100000002"), 0, 12))
                .isInstanceOf(RtpException.class);
    }

    @Test
    void writerChoosesExtensionForm() {
        RtpHeader h = RtpHeader.of(111, 7, 960, 0x11223344L)
                .withExtension(new AudioLevel(true, 30).toExtension(1))
                .withExtension(HeaderExtensions.transportSequenceNumber(3, 513));
        assertThat(h.extensionProfile()).isEqualTo(RtpHeader.ONE_BYTE_PROFILE);
        assertThat(h.toBytes()).isEqualTo(hex("906F0007000003C011223344 BEDE0002 109E 310201 000000"));
        RtpHeader two = h.withExtension(new RtpExtension(20, new byte[0]));
        assertThat(two.extensionProfile()).isEqualTo(RtpHeader.TWO_BYTE_PROFILE);
    }

    @Test
    void inPlaceRewrite() throws RtpException {
        byte[] b = RtpHeader.of(96, 1, 2, 3).withMarker(true).toBytes();
        RtpView v = new RtpView().wrap(b, 0, b.length);
        v.setSequenceNumber(65535);
        v.setTimestamp(0xFFFFFFFFL);
        v.setSsrc(42);
        v.setPayloadType(97);
        v.setMarker(false);
        assertThat(RtpHeader.parse(b, 0, b.length)).isEqualTo(RtpHeader.of(97, 65535, 0xFFFFFFFFL, 42));
    }

    @Test
    void nonRfc8285ExtensionKeptRaw() throws RtpException {
        byte[] b = hex("90 00 0001 00000001 00000002 ABCD 0001 01020304");
        RtpHeader h = RtpHeader.parse(b, 0, b.length);
        assertThat(h.extensionProfile()).isEqualTo(0xABCD);
        assertThat(h.extensionData()).isEqualTo(hex("01020304"));
        assertThat(h.extensions()).isEmpty();
        assertThat(h.toBytes()).isEqualTo(b);
        assertThat(new RtpView().wrap(b, 0, b.length).extension(1, new byte[4], 0)).isEqualTo(-1);
    }

    @Test
    void standardExtensionValues() throws RtpException {
        RtpHeader h = RtpHeader.of(96, 1, 2, 3).withExtensions(List.of(
                HeaderExtensions.sdesString(1, "0"),
                HeaderExtensions.sdesString(2, "hi"),
                HeaderExtensions.sdesString(3, "lo"),
                HeaderExtensions.absSendTime(4, 0xABCDEF),
                HeaderExtensions.transportSequenceNumber(5, 0xFFFE),
                new AudioLevel(false, 127).toExtension(6)));
        byte[] b = h.toBytes();
        RtpView v = new RtpView().wrap(b, 0, b.length);
        byte[] d = new byte[16];
        int n = v.extension(2, d, 0);
        assertThat(HeaderExtensions.sdesString(d, 0, n)).isEqualTo("hi");
        n = v.extension(4, d, 0);
        assertThat(HeaderExtensions.absSendTime(d, 0, n)).isEqualTo(0xABCDEF);
        assertThat(HeaderExtensions.transportSequenceNumber(v, 5)).isEqualTo(0xFFFE);
        n = v.extension(6, d, 0);
        assertThat(AudioLevel.parse(d, 0, n)).isEqualTo(new AudioLevel(false, 127));
        assertThat(HeaderExtensions.sdesString(new byte[] {'a', 'b', 0, 0}, 0, 4)).isEqualTo("ab");
    }

    @Test
    void absSendTimeFixedPoint() {
        assertThat(HeaderExtensions.absSendTimeFromNanos(1_000_000_000L)).isEqualTo(1 << 18);
        assertThat(HeaderExtensions.absSendTimeFromNanos(64_500_000_000L)).isEqualTo(1 << 17);
        assertThat(HeaderExtensions.absSendTimeToNanos(1 << 17)).isEqualTo(500_000_000L);
        assertThat(HeaderExtensions.absSendTimeFromNanos(Long.MAX_VALUE)).isBetween(0, 0xFFFFFF);
    }
}
