package org.jwebrtc.rtp.rtcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.jwebrtc.rtp.RtpException;

class RtcpCompoundProperties {
    private static final Arbitrary<Long> U32 = Arbitraries.longs().between(0, 0xFFFFFFFFL);

    private static Arbitrary<byte[]> words(int maxWords) {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(maxWords * 4)
                .map(b -> java.util.Arrays.copyOf(b, b.length / 4 * 4));
    }

    private static Arbitrary<ReportBlock> reportBlocks() {
        return Combinators.combine(U32, Arbitraries.integers().between(0, 255),
                Arbitraries.integers().between(-0x800000, 0x7FFFFF), U32, U32, U32, U32).as(ReportBlock::new);
    }

    private static Arbitrary<String> text() {
        return Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(40);
    }

    @Provide
    Arbitrary<List<RtcpPacket>> compounds() {
        Arbitrary<RtcpPacket> sr = Combinators.combine(U32, Arbitraries.longs(), U32, U32, U32,
                reportBlocks().list().ofMaxSize(4), words(3)).as(SenderReport::new);
        Arbitrary<RtcpPacket> rr = Combinators.combine(U32, reportBlocks().list().ofMaxSize(4), words(2))
                .as(ReceiverReport::new);
        Arbitrary<SdesItem> item = Combinators.combine(Arbitraries.integers().between(1, 8), text())
                .as(SdesItem::of);
        Arbitrary<RtcpPacket> sdes = Combinators.combine(U32, item.list().ofMaxSize(3)).as(SdesChunk::new)
                .list().ofMaxSize(3).map(SourceDescription::new);
        Arbitrary<RtcpPacket> bye = Combinators.combine(U32.list().ofMaxSize(4),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(255)).as(Goodbye::new);
        Arbitrary<RtcpPacket> app = Combinators.combine(Arbitraries.integers().between(0, 31), U32,
                Arbitraries.strings().withCharRange('A', 'Z').ofLength(4), words(4)).as(ApplicationDefined::new);
        Arbitrary<RtcpPacket> nack = Combinators.combine(U32, U32, Combinators.combine(
                Arbitraries.integers().between(0, 0xFFFF), Arbitraries.integers().between(0, 0xFFFF))
                .as(NackPair::new).list().ofMaxSize(5)).as(GenericNack::new);
        Arbitrary<RtcpPacket> pli = Combinators.combine(U32, U32).as(PictureLossIndication::new);
        Arbitrary<RtcpPacket> fir = Combinators.combine(U32, U32, Combinators.combine(U32,
                Arbitraries.integers().between(0, 255)).as(FirEntry::new).list().ofMaxSize(3))
                .as(FullIntraRequest::new);
        Arbitrary<Long> bitrate = Combinators.combine(Arbitraries.longs().between(0, 0x3FFFF),
                Arbitraries.integers().between(0, 45)).as((m, e) -> m << e);
        Arbitrary<RtcpPacket> remb = Combinators.combine(U32, bitrate, U32.list().ofMaxSize(4))
                .as(ReceiverEstimatedMaxBitrate::new);
        Arbitrary<PacketStatus> status = Arbitraries.oneOf(Arbitraries.just(PacketStatus.LOST),
                Arbitraries.integers().between(0, 255).map(d -> new PacketStatus(PacketStatus.SMALL_DELTA, d)),
                Arbitraries.integers().between(-32768, 32767).map(d -> new PacketStatus(PacketStatus.LARGE_DELTA, d)));
        Arbitrary<List<PacketStatus>> statuses = Arbitraries.oneOf(status.list().ofMaxSize(60),
                Combinators.combine(status, Arbitraries.integers().between(1, 9000)).as(
                        (s, n) -> java.util.Collections.nCopies(n, s)));
        Arbitrary<RtcpPacket> twcc = Combinators.combine(U32, U32, Arbitraries.integers().between(0, 0xFFFF),
                Arbitraries.integers().between(-0x800000, 0x7FFFFF), Arbitraries.integers().between(0, 255),
                statuses).as(TransportWideFeedback::new);
        Arbitrary<XrBlock> rawXr = Combinators.combine(Arbitraries.integers().between(0, 255),
                        Arbitraries.integers().between(0, 255), words(4))
                .as(RawXrBlock::new)
                .filter(x -> !(x.blockType() == ReceiverReferenceTime.BT && x.body().length == 8)
                        && !(x.blockType() == DlrrBlock.BT && x.body().length % 12 == 0))
                .map(x -> (XrBlock) x);
        Arbitrary<XrBlock> xrBlock = Arbitraries.oneOf(Arbitraries.longs().map(ReceiverReferenceTime::new),
                Combinators.combine(U32, U32, U32).as(DlrrSubBlock::new).list().ofMaxSize(3).map(DlrrBlock::new),
                rawXr);
        Arbitrary<RtcpPacket> xr = Combinators.combine(U32, xrBlock.list().ofMaxSize(3)).as(ExtendedReport::new);
        Arbitrary<RtcpPacket> raw = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.integers().between(0, 31), Arbitraries.integers().between(208, 255),
                        words(4)).as(RawRtcpPacket::new),
                Combinators.combine(Arbitraries.of(2, 3, 4, 5), Arbitraries.just(RtcpPacket.RTPFB), words(4))
                        .as(RawRtcpPacket::new),
                Combinators.combine(Arbitraries.of(2, 3, 5, 6, 7), Arbitraries.just(RtcpPacket.PSFB), words(4))
                        .as(RawRtcpPacket::new));
        return Arbitraries.oneOf(sr, rr, sdes, bye, app, nack, pli, fir, remb, twcc, xr, raw).list()
                .ofMinSize(1).ofMaxSize(5);
    }

    @Property(tries = 500)
    void parseOfEncodeIsIdentity(@ForAll("compounds") List<RtcpPacket> packets) throws RtpException {
        byte[] b = RtcpCompound.toBytes(packets);
        assertThat(b.length % 4).isZero();
        assertThat(RtcpCompound.parse(b, 0, b.length)).isEqualTo(packets);
    }

    @Property(tries = 500)
    void encodeOfParseIsIdentity(@ForAll("compounds") List<RtcpPacket> packets) throws RtpException {
        byte[] b = RtcpCompound.toBytes(packets);
        byte[] shifted = new byte[b.length + 3];
        System.arraycopy(b, 0, shifted, 3, b.length);
        assertThat(RtcpCompound.toBytes(RtcpCompound.parse(shifted, 3, b.length))).isEqualTo(b);
    }

    @Property
    void twccArrivalsRoundTripToTheTick(@ForAll @Size(max = 200) List<@IntRange(min = -1, max = 200_000) Integer> gaps,
                                        @ForAll @IntRange(min = 0, max = 100_000_000) int start) throws RtpException {
        // -1 = lost; otherwise the packet arrived gap µs after the previous arrival (large gaps: large deltas)
        long[] arrivals = new long[gaps.size()];
        long t = start;
        for (int i = 0; i < arrivals.length; i++) {
            if (gaps.get(i) < 0) {
                arrivals[i] = -1;
            } else {
                t += gaps.get(i);
                arrivals[i] = t;
            }
        }
        TransportWideFeedback fb = TransportWideFeedback.fromArrivals(1, 2, 65500, 7, arrivals);
        byte[] b = fb.toBytes();
        long[] back = ((TransportWideFeedback) RtcpCompound.parse(b, 0, b.length).get(0)).arrivalMicros();
        for (int i = 0; i < arrivals.length; i++) {
            assertThat(back[i]).isEqualTo(arrivals[i] < 0 ? -1 : arrivals[i] / 250 * 250);
        }
    }

    @Property
    void nackListRoundTrip(@ForAll @Size(max = 40) List<@IntRange(min = 0, max = 0xFFFF) Integer> seqs) {
        List<Integer> sorted = seqs.stream().distinct().sorted().toList();
        assertThat(GenericNack.of(1, 2, sorted).lostSequenceNumbers()).isEqualTo(sorted);
    }

    @Property
    void anyBytesGiveRtcpOrRtpException(@ForAll @Size(max = 200) byte[] bytes,
                                        @ForAll @IntRange(min = 200, max = 207) int pt,
                                        @ForAll @IntRange(min = 0, max = 3) int pad) {
        if (bytes.length >= 4) { // aim at the typed parsers: version 2, known PT, consistent length
            bytes[0] = (byte) (0x80 | (pad > 0 ? 0x20 : 0) | (bytes[0] & 0x1F));
            bytes[1] = (byte) pt;
            bytes[2] = (byte) ((bytes.length / 4 - 1) >>> 8);
            bytes[3] = (byte) (bytes.length / 4 - 1);
            if (pad > 0) { // a small valid padding count: bodies that end mid-word
                bytes[bytes.length / 4 * 4 - 1] = (byte) pad;
            }
        }
        exercise(bytes, bytes.length);
    }

    @Property(tries = 300)
    void everyPrefixParsesOrFails(@ForAll("compounds") List<RtcpPacket> packets) {
        byte[] b = RtcpCompound.toBytes(packets);
        for (int n = 0; n <= b.length; n += Math.max(1, b.length / 80)) {
            exercise(b, n);
        }
    }

    @Property(tries = 500)
    void bitFlipsParseOrFail(@ForAll("compounds") List<RtcpPacket> packets,
                             @ForAll @IntRange(min = 0, max = 100_000) int where,
                             @ForAll @IntRange(min = 0, max = 7) int bit) {
        byte[] b = RtcpCompound.toBytes(packets);
        b[where % b.length] ^= (byte) (1 << bit);
        exercise(b, b.length);
    }

    @net.jqwik.api.Example
    void paddingThatSplitsAWordAndNonUtf8ByeReason() throws RtpException {
        // SR with P=1 and a 1-octet pad once left a 3-byte profile extension (IllegalArgumentException);
        // a BYE reason of 255 x 0xFF once grew past 255 bytes when decoded to a String and re-encoded.
        byte[] sr = java.util.HexFormat.of().parseHex("a0c80007" + "00000001" + "0000000000000000" + "00000000"
                + "00000000" + "00000000" + "00000001");
        exercise(sr, sr.length);
        byte[] reason = new byte[255];
        java.util.Arrays.fill(reason, (byte) 0xFF);
        byte[] bye = new Goodbye(List.of(1L), reason).toBytes();
        assertThat(RtcpCompound.parse(bye, 0, bye.length)).containsExactly(new Goodbye(List.of(1L), reason));
    }

    private static void exercise(byte[] b, int len) {
        try {
            List<RtcpPacket> l = RtcpCompound.parse(b, 0, len);
            RtcpCompound.toBytes(l);
        } catch (RtpException expected) {
            assertThat(expected.offset()).isBetween(-1, len);
        }
    }
}
