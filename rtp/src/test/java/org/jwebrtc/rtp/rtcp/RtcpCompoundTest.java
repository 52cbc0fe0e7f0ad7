package org.jwebrtc.rtp.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jwebrtc.rtp.RtpException;

class RtcpCompoundTest {
    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replaceAll("\\s", ""));
    }

    @Test
    void receiverReportWithOneBlock() throws RtpException {
        byte[] b = hex("81c90007 902f9e2e bc5e9a40 00000000 000046e1 00000111 09f36432 00024a79");
        List<RtcpPacket> l = RtcpCompound.parse(b, 0, b.length);
        ReceiverReport want = new ReceiverReport(0x902f9e2eL, List.of(
                new ReportBlock(0xbc5e9a40L, 0, 0, 0x46e1, 273, 0x09f36432L, 150137)));
        assertThat(l).containsExactly(want);
        assertThat(want.toBytes()).isEqualTo(b);
    }

    @Test
    void senderReportSdesByeCompound() throws RtpException {
        SenderReport sr = new SenderReport(0x11223344L, 0xE1234567_89ABCDEFL, 90000, 10, 12000,
                List.of(new ReportBlock(5, 25, -3, 0x10000, 7, 8, 9)));
        SourceDescription sdes = SourceDescription.cname(0x11223344L, "abcd");
        Goodbye bye = new Goodbye(List.of(0x11223344L), "done");
        byte[] b = RtcpCompound.toBytes(List.of(sr, sdes, bye));
        assertThat(HexFormat.of().formatHex(b, 0, 8)).isEqualTo("81c8000c11223344");
        // SDES: header, ssrc, CNAME(1) len 4 "abcd", null octet + 3 pad
        assertThat(HexFormat.of().formatHex(b, 52, 52 + 16)).isEqualTo("81ca000311223344010461626364" + "0000");
        assertThat(RtcpCompound.parse(b, 0, b.length)).containsExactly(sr, sdes, bye);
        assertThat(((SourceDescription) RtcpCompound.parse(b, 0, b.length).get(1)).chunks().get(0).cname())
                .contains("abcd");
    }

    @Test
    void genericNackPairsAndLostList() throws RtpException {
        GenericNack n = GenericNack.of(1, 2, List.of(100, 101, 103, 116, 117, 65535, 0, 5));
        assertThat(n.pairs()).containsExactly(new NackPair(100, 0b1000000000000101),
                new NackPair(117, 0), new NackPair(65535, 0b100001));
        assertThat(n.lostSequenceNumbers()).containsExactly(100, 101, 103, 116, 117, 65535, 0, 5);
        byte[] b = n.toBytes();
        assertThat(HexFormat.of().formatHex(b)).isEqualTo("81cd0005000000010000000200648005007500 00ffff0021"
                .replace(" ", ""));
        assertThat(RtcpCompound.parse(b, 0, b.length)).containsExactly(n);
    }

    @Test
    void pliFirRemb() throws RtpException {
        PictureLossIndication pli = new PictureLossIndication(1, 0xDEADBEEFL);
        assertThat(HexFormat.of().formatHex(pli.toBytes())).isEqualTo("81ce000200000001deadbeef");
        FullIntraRequest fir = new FullIntraRequest(1, List.of(new FirEntry(0x12345678L, 7)));
        assertThat(HexFormat.of().formatHex(fir.toBytes())).isEqualTo("84ce0004000000010000000012345678" + "07000000");
        // REMB: exp 6, mantissa 0x220df -> 8927168 bps, one SSRC (draft-alvestrand-rmcat-remb §2.2)
        byte[] remb = hex("8fce0005 00000001 00000000 52454d42 011a20df 00000002");
        ReceiverEstimatedMaxBitrate r = (ReceiverEstimatedMaxBitrate) RtcpCompound.parse(remb, 0, remb.length).get(0);
        assertThat(r.bitrate()).isEqualTo(8_927_168L);
        assertThat(r.ssrcs()).containsExactly(2L);
        assertThat(r.toBytes()).isEqualTo(remb);
        assertThat(new ReceiverEstimatedMaxBitrate(1, Long.MAX_VALUE, List.of()).encodedBitrate())
                .isEqualTo(0x3FFFFL << 45);
        List<RtcpPacket> all = RtcpCompound.parse(RtcpCompound.toBytes(List.of(pli, fir, r)), 0, 12 + 20 + 24);
        assertThat(all).containsExactly(pli, fir, r);
    }

    @Test
    void transportWideFeedbackFromWiresharkCapture() throws RtpException {
        // Chrome TWCC decoded by Wireshark (olivermichel/webrtc-analysis test/include/data.h twcc_pkt1):
        // P=1, base 1, count 9, ref 6197520, fb count 0, one run-length chunk of 9 small deltas, 1 pad octet.
        byte[] b = hex("afcd0007 00000001 dd586eb6 00010009 5e911000 2009 1c0c2c3800040008 18 01");
        TransportWideFeedback t = (TransportWideFeedback) RtcpCompound.parse(b, 0, b.length).get(0);
        assertThat(t.senderSsrc()).isEqualTo(1);
        assertThat(t.mediaSsrc()).isEqualTo(0xdd586eb6L);
        assertThat(t.baseSequenceNumber()).isEqualTo(1);
        assertThat(t.referenceTime()).isEqualTo(6197520);
        assertThat(t.packets()).hasSize(9);
        assertThat(t.packets().stream().mapToLong(PacketStatus::deltaMicros).toArray())
                .containsExactly(7000, 3000, 11000, 14000, 0, 1000, 0, 2000, 6000);
        // We zero-fill instead of using the P bit; everything else is byte-identical.
        byte[] ours = t.toBytes();
        assertThat(ours[0]).isEqualTo((byte) 0x8f);
        assertThat(java.util.Arrays.copyOfRange(ours, 1, 31)).isEqualTo(java.util.Arrays.copyOfRange(b, 1, 31));
    }

    @Test
    void transportWideFeedbackChunkKinds() throws RtpException {
        // Draft §3.1.3/§3.1.4 examples: run of 221 not-received; 1-bit vector; 2-bit vector with a large delta.
        List<PacketStatus> s = new java.util.ArrayList<>();
        for (int i = 0; i < 221; i++) {
            s.add(PacketStatus.LOST);
        }
        s.add(PacketStatus.received(4));
        s.add(PacketStatus.LOST);
        s.add(PacketStatus.received(1));
        s.add(PacketStatus.received(-4)); // negative: large delta
        s.add(PacketStatus.received(1000));
        TransportWideFeedback t = new TransportWideFeedback(1, 2, 65530, -1, 255, s);
        byte[] b = t.toBytes();
        assertThat(HexFormat.of().formatHex(b, 20, 24)).isEqualTo("00dd" + "d1a0"); // run 221; 2-bit vector: 01 00 01 10 10 00 00
        assertThat(RtcpCompound.parse(b, 0, b.length)).containsExactly(t);
    }

    @Test
    void extendedReportRrtrDlrrAndRaw() throws RtpException {
        ExtendedReport xr = new ExtendedReport(9, List.of(new ReceiverReferenceTime(0x0102030405060708L),
                new DlrrBlock(List.of(new DlrrSubBlock(1, 2, 3))), new RawXrBlock(42, 1, new byte[8])));
        byte[] b = xr.toBytes();
        assertThat(HexFormat.of().formatHex(b, 0, 20)).isEqualTo("80cf000b00000009" + "04000002" + "0102030405060708");
        assertThat(RtcpCompound.parse(b, 0, b.length)).containsExactly(xr);
    }

    @Test
    void unknownTypesStayRaw() throws RtpException {
        byte[] b = hex("83d10001 01020304" + "85cd0001 00000000" + "8cce0001 00000000");
        assertThat(RtcpCompound.parse(b, 0, b.length)).containsExactly(
                new RawRtcpPacket(3, 209, hex("01020304")), new RawRtcpPacket(5, 205, new byte[4]),
                new RawRtcpPacket(12, 206, new byte[4]));
    }

    @Test
    void reducedSizeSinglePliParses() throws RtpException {
        byte[] b = new PictureLossIndication(7, 8).toBytes(); // RFC 5506: no leading SR/RR
        assertThat(RtcpCompound.parse(b, 0, b.length)).containsExactly(new PictureLossIndication(7, 8));
        assertThat(RtcpCompound.isRtcp(b, 0, b.length)).isTrue();
    }

    @Test
    void paddingStripped() throws RtpException {
        byte[] b = hex("a1c90008 902f9e2e bc5e9a40 00000000 000046e1 00000111 09f36432 00024a79 00000004");
        assertThat(((ReceiverReport) RtcpCompound.parse(b, 0, b.length).get(0)).reports()).hasSize(1);
    }

    @Test
    void rejectsMalformed() {
        assertThatThrownBy(() -> RtcpCompound.parse(new byte[0], 0, 0)).isInstanceOf(RtpException.class);
        assertThatThrownBy(() -> RtcpCompound.parse(hex("81c90007 902f9e2e"), 0, 8))
                .isInstanceOf(RtpException.class).hasMessageContaining("exceeds");
        assertThatThrownBy(() -> RtcpCompound.parse(hex("41c90001 902f9e2e"), 0, 8))
                .isInstanceOf(RtpException.class).hasMessageContaining("version");
        assertThatThrownBy(() -> RtcpCompound.parse(hex("81c90001 902f9e2e"), 0, 8))
                .isInstanceOf(RtpException.class).hasMessageContaining("blocks");
        assertThatThrownBy(() -> RtcpCompound.parse(hex("81ca0002 00000001 0105616263"), 0, 12))
                .isInstanceOf(RtpException.class);
        assertThatThrownBy(() -> RtcpCompound.parse(hex("8fcd0005 00000001 00000002 00000002 00000000 60020000"), 0, 24))
                .isInstanceOf(RtpException.class).hasMessageContaining("reserved");
    }
}
