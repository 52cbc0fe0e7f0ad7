package org.jwebrtc.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class RtpPacketProperties {

    @Provide
    Arbitrary<RtpPacket> packets() {
        Arbitrary<Long> u32 = Arbitraries.longs().between(0, 0xFFFFFFFFL);
        Arbitrary<RtpHeader> fixed = Combinators.combine(Arbitraries.of(true, false),
                        Arbitraries.integers().between(0, 127), Arbitraries.integers().between(0, 0xFFFF), u32, u32,
                        u32.list().ofMaxSize(15))
                .as((m, pt, seq, ts, ssrc, csrcs) -> RtpHeader.of(pt, seq, ts, ssrc).withMarker(m).withCsrcs(csrcs));
        Arbitrary<RtpExtension> oneByte = Combinators.combine(Arbitraries.integers().between(1, 14),
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(16)).as(RtpExtension::new);
        Arbitrary<RtpExtension> twoByte = Combinators.combine(Arbitraries.integers().between(1, 255),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(40)).as(RtpExtension::new);
        Arbitrary<List<RtpExtension>> exts = Arbitraries.oneOf(oneByte.list().ofMaxSize(6),
                Arbitraries.oneOf(oneByte, twoByte).list().ofMaxSize(6));
        Arbitrary<RtpHeader> withExt = Combinators.combine(fixed, exts).as(RtpHeader::withExtensions);
        Arbitrary<RtpHeader> withRaw = Combinators.combine(fixed, Arbitraries.integers().between(0, 0xFFFF)
                        .filter(p -> !RtpHeader.isRfc8285(p)), Arbitraries.bytes().array(byte[].class).ofMaxSize(8)
                        .map(b -> Arrays.copyOf(b, b.length * 4)))
                .as((h, prof, data) -> new RtpHeader(h.marker(), h.payloadType(), h.sequenceNumber(), h.timestamp(),
                        h.ssrc(), h.csrcs(), prof, List.of(), data));
        return Combinators.combine(Arbitraries.frequencyOf(
                                net.jqwik.api.Tuple.of(3, fixed), net.jqwik.api.Tuple.of(5, withExt),
                                net.jqwik.api.Tuple.of(1, withRaw)),
                        Arbitraries.bytes().array(byte[].class).ofMaxSize(1200),
                        Arbitraries.integers().between(0, 255))
                .as(RtpPacket::new);
    }

    @Property
    void parseOfEncodeIsIdentity(@ForAll("packets") RtpPacket p) throws RtpException {
        byte[] b = p.toBytes();
        assertThat(b).hasSize(p.encodedLength());
        assertThat(RtpPacket.parse(b, 0, b.length)).isEqualTo(p);
        RtpView v = new RtpView().wrap(b, 0, b.length);
        assertThat(v.payloadLength()).isEqualTo(p.payload().length);
        assertThat(v.sequenceNumber()).isEqualTo(p.header().sequenceNumber());
        for (RtpExtension e : p.header().extensions()) {
            byte[] dst = new byte[256];
            int n = v.extension(e.id(), dst, 0);
            // duplicates: the first element with the id wins
            RtpExtension first = p.header().extension(e.id()).orElseThrow();
            assertThat(Arrays.copyOf(dst, n)).isEqualTo(first.data());
        }
    }

    @Property
    void encodeOfParseIsIdentityForCanonicalBytes(@ForAll("packets") RtpPacket p) throws RtpException {
        byte[] b = p.toBytes();
        byte[] shifted = new byte[b.length + 7];
        System.arraycopy(b, 0, shifted, 5, b.length);
        assertThat(RtpPacket.parse(shifted, 5, b.length).toBytes()).isEqualTo(b);
    }

    @Property
    void anyBytesGiveAPacketOrRtpException(@ForAll @Size(max = 300) byte[] bytes) {
        if (bytes.length > 0) {
            bytes[0] = (byte) (0x80 | (bytes[0] & 0x3F)); // mostly version 2 to get deep
        }
        exercise(bytes, 0, bytes.length);
    }

    @Property
    void everyPrefixOfAValidPacketParsesOrFails(@ForAll("packets") RtpPacket p) {
        byte[] b = p.toBytes();
        for (int n = 0; n <= b.length; n += Math.max(1, b.length / 64)) {
            exercise(b, 0, n);
        }
    }

    @Property
    void bitFlipsGiveAPacketOrRtpException(@ForAll("packets") RtpPacket p,
                                           @ForAll @IntRange(min = 0, max = 10_000) int where,
                                           @ForAll @IntRange(min = 0, max = 7) int bit) {
        byte[] b = p.toBytes();
        int i = where % b.length;
        b[i] ^= (byte) (1 << bit);
        exercise(b, 0, b.length);
    }

    @Example
    void twoByteElementHeaderAtEndOfBlock() {
        byte[] b = {(byte) 0x90, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 2, 0x10, 0, 0, 1, 0, 0, 0, 5};
        exercise(b, 0, b.length);
    }

    @Example
    void oneByteIdZeroWithNonZeroLengthIsPadding() throws RtpException {
        // once threw IllegalArgumentException from RtpExtension: 0x05 has id 0 (padding) but length nibble 5
        byte[] b = {(byte) 0x90, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 2, (byte) 0xBE, (byte) 0xDE, 0, 1, 0x05, 0x10, 7, 0};
        RtpView v = new RtpView().wrap(b, 0, b.length);
        assertThat(v.extensions()).containsExactly(new RtpExtension(1, new byte[] {7}));
        exercise(b, 0, b.length);
    }

    private static void exercise(byte[] b, int off, int len) {
        RtpView v = new RtpView();
        try {
            v.wrap(b, off, len);
            List<Object> sink = new ArrayList<>();
            sink.add(v.toHeader());
            sink.add(v.payload());
            for (int id = 1; id < 256; id++) {
                v.extension(id, new byte[256], 0);
            }
            RtpPacket.parse(b, off, len).toBytes();
        } catch (RtpException expected) {
            assertThat(expected.offset()).isBetween(-1, len);
        }
        exerciseLazy(b, off, len);
    }

    /** wrapHeader: RtpException or a view whose every lookup stays inside the extension block. */
    private static void exerciseLazy(byte[] b, int off, int len) {
        RtpView full = new RtpView();
        boolean fullOk;
        try {
            full.wrap(b, off, len);
            fullOk = true;
        } catch (RtpException e) {
            fullOk = false;
        }
        RtpView lazy = new RtpView();
        try {
            lazy.wrapHeader(b, off, len);
        } catch (RtpException expected) {
            assertThat(fullOk).as("wrapHeader rejects only what wrap rejects").isFalse();
            assertThat(expected.offset()).isBetween(-1, len);
            return;
        }
        RtpHeader h = lazy.toHeader();
        for (int id = 1; id < 256; id++) {
            int at = lazy.extensionOffset(id);
            int n = lazy.extensionLength(id);
            if (at >= 0) {
                assertThat(at + n).isLessThanOrEqualTo(lazy.extensionBodyOffset() + lazy.extensionBodyLength());
            }
            if (fullOk) {
                assertThat(at).isEqualTo(full.extensionOffset(id));
                assertThat(n).isEqualTo(full.extensionLength(id));
            }
        }
        HeaderExtensions.transportSequenceNumber(lazy, 3);
        if (fullOk) {
            assertThat(h).isEqualTo(full.toHeader());
            assertThat(lazy.payloadOffset()).isEqualTo(full.payloadOffset());
            assertThat(lazy.payloadLength()).isEqualTo(full.payloadLength());
        }
    }
}
