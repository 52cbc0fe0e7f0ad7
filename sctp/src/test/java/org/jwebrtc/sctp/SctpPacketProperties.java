package org.jwebrtc.sctp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Chunk and packet codecs: round trips, canonical re-encoding, and bad input giving only SctpException. */
class SctpPacketProperties {
    static Arbitrary<Long> u32() {
        return Arbitraries.longs().between(0, 0xffffffffL);
    }

    static Arbitrary<Integer> u16() {
        return Arbitraries.integers().between(0, 0xffff);
    }

    static Arbitrary<byte[]> bytes(int max) {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(max);
    }

    static Arbitrary<Parameter> parameter() {
        return Combinators.combine(u16(), bytes(40)).as(Parameter::new);
    }

    static Arbitrary<ErrorCause> cause() {
        return Combinators.combine(u16(), bytes(20)).as(ErrorCause::new);
    }

    @Provide
    static Arbitrary<Chunk> chunks() {
        Arbitrary<Chunk> data = Combinators.combine(u32(), u16(), u16(), Arbitraries.integers(),
                Arbitraries.integers().between(0, 15), bytes(100))
                .as((tsn, sid, ssn, ppid, f, d) -> new DataChunk(tsn, sid, ssn, ppid, (f & 8) != 0, (f & 4) != 0,
                        (f & 2) != 0, (f & 1) != 0, d));
        Arbitrary<Chunk> init = Combinators.combine(Arbitraries.of(true, false), u32(), u32(), u16(), u16(), u32(),
                parameter().list().ofMaxSize(4)).as(InitChunk::new);
        Arbitrary<Chunk> sack = Combinators.combine(u32(), u32(),
                Combinators.combine(u16(), u16()).as(GapAckBlock::new).list().ofMaxSize(5),
                u32().list().ofMaxSize(5)).as(SelectiveAck::new);
        Arbitrary<Chunk> hb = Combinators.combine(Arbitraries.of(true, false), bytes(40)).as(Heartbeat::new);
        Arbitrary<Chunk> abort = Combinators.combine(Arbitraries.of(true, false), cause().list().ofMaxSize(3))
                .as(Abort::new);
        Arbitrary<Chunk> error = cause().list().ofMaxSize(3).map(ErrorChunk::new);
        Arbitrary<Chunk> fwd = Combinators.combine(u32(),
                Combinators.combine(u16(), u16()).as(StreamSequence::new).list().ofMaxSize(5)).as(ForwardTsn::new);
        Arbitrary<ReconfigParameter> req = Combinators.combine(u32(), u32(), u32(), u16().list().ofMaxSize(7))
                .as(OutgoingSsnResetRequest::new);
        Arbitrary<ReconfigParameter> resp = Combinators.combine(u32(), Arbitraries.longs().between(0, 6))
                .as(ReconfigResponse::new);
        Arbitrary<ReconfigParameter> unk = Combinators.combine(Arbitraries.of(14, 15, 17, 18), bytes(12))
                .as(UnknownReconfigParameter::new);
        Arbitrary<Chunk> reconfig = Arbitraries.oneOf(req, resp, unk).list().ofMinSize(1).ofMaxSize(2)
                .map(ReConfig::new);
        Arbitrary<Chunk> simple = Arbitraries.of(ShutdownAck.INSTANCE, CookieAck.INSTANCE,
                new ShutdownComplete(true), new ShutdownComplete(false));
        Arbitrary<Chunk> shutdown = u32().map(Shutdown::new);
        Arbitrary<Chunk> echo = bytes(80).map(CookieEcho::new);
        Arbitrary<Chunk> unknown = Combinators.combine(Arbitraries.of(0x3f, 0x40, 0x81, 0xc1, 0xff),
                Arbitraries.integers().between(0, 255), bytes(30)).as(UnknownChunk::new);
        return Arbitraries.oneOf(data, init, sack, hb, abort, error, fwd, reconfig, simple, shutdown, echo, unknown);
    }

    @Provide
    static Arbitrary<SctpPacket> packets() {
        return Combinators.combine(u16(), u16(), u32(), chunks().list().ofMaxSize(4)).as(SctpPacket::new);
    }

    @Property
    void chunkRoundTrips(@ForAll("chunks") Chunk c) throws SctpException {
        byte[] b = c.toBytes();
        assertThat(b.length % 4).isZero();
        Chunk back = Chunk.parse(b, 0, b.length);
        assertThat(back).isEqualTo(c);
        assertThat(back.toBytes()).isEqualTo(b);   // canonical
    }

    @Property
    void packetRoundTrips(@ForAll("packets") SctpPacket p) throws SctpException {
        byte[] b = p.toBytes();
        SctpPacket back = SctpPacket.parse(b, 0, b.length);
        assertThat(back).isEqualTo(p);
        assertThat(back.toBytes()).isEqualTo(b);
    }

    @Property
    void dataViewAgreesWithRecord(@ForAll("chunks") Chunk c) throws SctpException {
        if (!(c instanceof DataChunk d)) {
            return;
        }
        byte[] b = d.toBytes();
        DataChunkView v = new DataChunkView().wrap(b, 0, b.length);
        assertThat(v.tsn() & 0xffffffffL).isEqualTo(d.tsn());
        assertThat(v.streamId()).isEqualTo(d.streamId());
        assertThat(v.ssn()).isEqualTo(d.ssn());
        assertThat(v.ppid()).isEqualTo(d.ppid());
        assertThat(v.flags()).isEqualTo(d.flags());
        assertThat(v.payloadLength()).isEqualTo(d.userData().length);
        byte[] enc = new byte[DataChunkView.encodedLength(v.payloadLength())];
        DataChunkView.encode(enc, 0, v.flags(), v.tsn(), v.streamId(), v.ssn(), v.ppid(), b, v.payloadOffset(),
                v.payloadLength());
        assertThat(enc).isEqualTo(b);
    }

    /** Random bytes with a valid checksum reach the chunk parsers. */
    @Property(tries = 2000)
    void anyBytesGiveAPacketOrSctpException(@ForAll @Size(max = 200) byte[] bytes) {
        expectOnlySctpException(withChecksum(bytes));
        try {
            Chunk.parse(bytes, 0, bytes.length);
        } catch (SctpException expected) {
            assertThat(expected.offset()).isBetween(0, Math.max(0, bytes.length));
        }
        try {
            new DataChunkView().wrap(bytes, 0, bytes.length);
        } catch (SctpException expected) {
            assertThat(expected.offset()).isBetween(0, Math.max(0, bytes.length));
        }
    }

    @Property
    void everyPrefixGivesAPacketOrSctpException(@ForAll("packets") SctpPacket p) {
        byte[] b = p.toBytes();
        for (int n = 0; n <= b.length; n++) {
            expectOnlySctpException(withChecksum(java.util.Arrays.copyOf(b, n)));
        }
    }

    @Property
    void bitFlipsGiveAPacketOrSctpException(@ForAll("packets") SctpPacket p, @ForAll @IntRange(min = 0) int where,
                                            @ForAll @IntRange(min = 0, max = 7) int bit) {
        byte[] b = p.toBytes();
        b[where % b.length] ^= (byte) (1 << bit);
        expectOnlySctpException(b);                 // usually a checksum failure
        expectOnlySctpException(withChecksum(b));   // then the parsers proper
    }

    @Property(tries = 300)
    void associationSurvivesMutatedPackets(@ForAll("packets") SctpPacket p, @ForAll long seed) {
        var a = new SctpAssociation(SctpConfig.defaults(), new Random(seed));
        var b = new SctpAssociation(SctpConfig.defaults(), new Random(seed + 1));
        var net = new VirtualNetwork(a, b, seed);
        long[] tagOfB = {0};
        net.tamperToB = x -> {
            tagOfB[0] = Bytes.u32(x, 4);
            return x;
        };
        a.connect(0);
        assertThat(net.runUntil(net::connected, VirtualNetwork.seconds(1))).isTrue();
        // aim at b with its real tag so the chunks get past the verification tag check (§8.5)
        byte[] tagged = new SctpPacket(5000, 5000, tagOfB[0], p.chunks()).toBytes();
        Random r = new Random(seed);
        for (int i = 0; i < 5; i++) {
            byte[] m = tagged.clone();
            if (i > 0 && m.length > 12) {
                m[12 + r.nextInt(m.length - 12)] ^= (byte) (1 << r.nextInt(8));
            }
            m = withChecksum(m);
            b.handleInput(net.now, m, 0, m.length);
            while (b.pollTransmit() != null) { }
            while (b.pollEvent() != null) { }
            b.handleTimeout(net.now + VirtualNetwork.seconds(1));
        }
    }

    @Example
    void badChecksumIsReportedAtItsOffset() {
        byte[] b = new SctpPacket(5000, 5000, 1, List.of(CookieAck.INSTANCE)).toBytes();
        b[15] ^= 1;
        try {
            SctpPacket.parse(b, 0, b.length);
        } catch (SctpException e) {
            assertThat(e.offset()).isEqualTo(8);
            assertThat(e.getStackTrace()).isEmpty();
            return;
        }
        throw new AssertionError("no exception");
    }

    @Example
    void chunkLengthBeyondPacketIsRejected() {
        byte[] b = new SctpPacket(5000, 5000, 1, List.of(new Shutdown(5))).toBytes();
        Bytes.put16(b, 14, 64);
        try {
            SctpPacket.parse(withChecksum(b), 0, b.length);
        } catch (SctpException e) {
            assertThat(e.offset()).isEqualTo(14);
            return;
        }
        throw new AssertionError("no exception");
    }

    static byte[] withChecksum(byte[] b) {
        if (b.length >= 12) {
            Crc32c.writeField(b, 0, new Crc32c().computePacket(b, 0, b.length));
        }
        return b;
    }

    static void expectOnlySctpException(byte[] b) {
        try {
            SctpPacket p = SctpPacket.parse(b, 0, b.length);
            assertThat(p.chunks()).isNotNull();
        } catch (SctpException expected) {
            assertThat(expected.offset()).isBetween(0, b.length);
        }
    }
}
