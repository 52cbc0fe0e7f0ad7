package org.jwebrtc.dtls.internal.dtls13;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.jwebrtc.dtls.DtlsException;

/** Round trips and hostile input for the DTLS 1.3 codecs: only DtlsException may escape. */
class Dtls13CodecProperties {

    @Property
    void plaintextRoundTrips(@ForAll @IntRange(min = 20, max = 26) int type, @ForAll @IntRange(max = 0xFFFF) int epoch,
                             @ForAll @LongRange(max = (1L << 48) - 1) long seq, @ForAll @Size(max = 2000) byte[] fragment)
            throws DtlsException {
        if (!DtlsPlaintext.isPlaintextType(type)) {
            return;
        }
        DtlsPlaintext p = new DtlsPlaintext(type, epoch, seq, fragment);
        byte[] wire = p.toBytes();
        assertThat(DtlsPlaintext.parse(wire, 0, wire.length)).isEqualTo(p);
        assertThat(DtlsPlaintext.parse(wire, 0, wire.length).toBytes()).isEqualTo(wire);
    }

    @Property
    void unifiedHeaderRoundTrips(@ForAll @IntRange(max = 3) int epochBits, @ForAll @IntRange(max = 0xFFFF) int seq,
                                 @ForAll boolean longSeq, @ForAll boolean hasLength, @ForAll @IntRange(max = 300) int length)
            throws DtlsException {
        UnifiedHeader h = new UnifiedHeader(epochBits, longSeq ? seq : seq & 0xFF, longSeq, hasLength, length);
        byte[] hdr = h.toBytes();
        assertThat(hdr).hasSize(h.headerLength());
        byte[] wire = new byte[hdr.length + length];
        System.arraycopy(hdr, 0, wire, 0, hdr.length);
        assertThat(UnifiedHeader.parse(new WireReader(wire))).isEqualTo(h);
    }

    @Property
    void handshakeFragmentRoundTrips(@ForAll @IntRange(max = 255) int type, @ForAll @IntRange(max = 0xFFFF) int seq,
                                     @ForAll @Size(max = 500) byte[] frag, @ForAll @IntRange(max = 1000) int offset,
                                     @ForAll @IntRange(max = 1000) int extra) throws DtlsException {
        HandshakeFragment f = new HandshakeFragment(type, offset + frag.length + extra, seq, offset, frag);
        byte[] wire = f.toBytes();
        WireReader r = new WireReader(wire);
        assertThat(HandshakeFragment.parse(r)).isEqualTo(f);
        assertThat(r.hasRemaining()).isFalse();
    }

    @Property
    void ackRoundTrips(@ForAll @Size(max = 20) List<@LongRange(min = 0, max = Long.MAX_VALUE) Long> numbers)
            throws DtlsException {
        List<RecordNumber> rn = new ArrayList<>();
        for (long n : numbers) {
            rn.add(new RecordNumber(n % 7, n));
        }
        Ack a = new Ack(rn);
        assertThat(Ack.parse(a.encode())).isEqualTo(a);
    }

    @Provide
    Arbitrary<List<Extension>> extensions() {
        return Combinators.combine(Arbitraries.integers().between(0, 0xFFFF), Arbitraries.bytes().array(byte[].class).ofMaxSize(40))
                .as(Extension::new).list().ofMaxSize(6).uniqueElements(Extension::type);
    }

    @Property
    void clientHelloRoundTrips(@ForAll @Size(32) byte[] random, @ForAll @Size(max = 32) byte[] sid,
                               @ForAll @Size(min = 1, max = 10) List<@IntRange(max = 0xFFFF) Integer> suites,
                               @ForAll("extensions") List<Extension> ext) throws DtlsException {
        ClientHello ch = new ClientHello(0xFEFD, random, sid, new byte[0], suites, ext);
        byte[] body = ch.encode();
        assertThat(ClientHello.parse(body)).isEqualTo(ch);
        assertThat(ClientHello.parse(body).encode()).isEqualTo(body);
    }

    @Property
    void serverHelloRoundTrips(@ForAll @Size(32) byte[] random, @ForAll @Size(max = 32) byte[] sid,
                               @ForAll @IntRange(max = 0xFFFF) int suite, @ForAll("extensions") List<Extension> ext)
            throws DtlsException {
        ServerHello sh = new ServerHello(0xFEFD, random, sid, suite, ext);
        assertThat(ServerHello.parse(sh.encode())).isEqualTo(sh);
    }

    @Property
    void certificateMessagesRoundTrip(@ForAll @Size(max = 4) List<@Size(min = 1, max = 300) byte[]> certs,
                                      @ForAll @Size(max = 8) byte[] ctx) throws DtlsException {
        CertificateMessage m = new CertificateMessage(ctx, certs);
        CertificateMessage back = CertificateMessage.parse(m.encode());
        assertThat(back.context()).isEqualTo(ctx);
        assertThat(back.certificates()).hasSameSizeAs(certs);
        for (int i = 0; i < certs.size(); i++) {
            assertThat(back.certificates().get(i)).isEqualTo(certs.get(i));
        }
        assertThat(back.encode()).isEqualTo(m.encode());
    }

    @Property(tries = 2000)
    void anyBytesParseOrThrowDtlsException(@ForAll @Size(max = 300) byte[] b) {
        List<ParserCall> parsers = List.of(
                x -> DtlsPlaintext.parse(x, 0, x.length),
                x -> UnifiedHeader.parse(new WireReader(x)),
                x -> HandshakeFragment.parse(new WireReader(x)),
                ClientHello::parse, ServerHello::parse, CertificateMessage::parse, CertificateVerify::parse,
                Ack::parse,
                x -> Extension.parseList(new WireReader(x)),
                x -> Extension.parseU16List(x, 1, "list"),
                x -> Extension.parseU16List(x, 2, "list"));
        for (ParserCall p : parsers) {
            try {
                p.parse(b);
            } catch (DtlsException expected) {
                // the only allowed failure
            }
        }
    }

    @Property(tries = 300)
    void everyPrefixAndBitFlipOfAClientHelloParsesOrThrowsDtlsException(@ForAll @Size(32) byte[] random,
            @ForAll("extensions") List<Extension> ext, @ForAll @IntRange(max = 10_000) int flip) {
        byte[] body = new ClientHello(0xFEFD, random, new byte[0], new byte[0], List.of(0x1301), ext).encode();
        for (int n = 0; n < body.length; n++) {
            try {
                ClientHello.parse(java.util.Arrays.copyOf(body, n));
            } catch (DtlsException expected) {
                // truncated
            }
        }
        byte[] flipped = body.clone();
        flipped[flip % flipped.length] ^= (byte) (1 << (flip % 8));
        try {
            ClientHello.parse(flipped);
        } catch (DtlsException expected) {
            // fine
        }
    }

    @Property
    void sequenceNumbersAreReconstructedNearTheExpectedOne(@ForAll @LongRange(max = 1L << 40) long expected,
                                                           @ForAll @IntRange(min = -127, max = 127) int delta,
                                                           @ForAll boolean longSeq) {
        long actual = expected + delta;
        if (actual < 0) {
            return;
        }
        int bits = longSeq ? 16 : 8;
        long low = actual & ((1L << bits) - 1);
        assertThat(RecordLayer.reconstruct(expected, (int) low, bits)).isEqualTo(actual);
    }

    @FunctionalInterface
    interface ParserCall {
        Object parse(byte[] b) throws DtlsException;
    }
}
