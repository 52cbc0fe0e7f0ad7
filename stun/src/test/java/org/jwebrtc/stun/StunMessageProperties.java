package org.jwebrtc.stun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Round trips and hostile input for the codec, the view and the responder. */
class StunMessageProperties {

    // ---------- generators ----------

    private static Arbitrary<byte[]> bytes(int min, int max) {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(min).ofMaxSize(max);
    }

    private static Arbitrary<String> text(int maxChars) {
        return Arbitraries.oneOf(Arbitraries.strings().ascii().ofMaxLength(maxChars),
                Arbitraries.strings().withCharRange('\u0020', '\uD7FF').ofMaxLength(maxChars));
    }

    private static Arbitrary<InetSocketAddress> addresses() {
        return Combinators.combine(Arbitraries.of(4, 16).flatMap(n -> bytes(n, n)),
                Arbitraries.integers().between(0, 0xFFFF))
                .as((a, port) -> new InetSocketAddress(AttributeCodec.inetAddress(a), port));
    }

    private static Arbitrary<PasswordAlgorithm> passwordAlgorithm() {
        return Combinators.combine(Arbitraries.integers().between(0, 0xFFFF), bytes(0, 9))
                .as(PasswordAlgorithm::new);
    }

    static Arbitrary<StunAttribute> attributes() {
        return Arbitraries.oneOf(List.of(
                addresses().map(MappedAddress::new),
                addresses().map(XorMappedAddress::new),
                addresses().map(AlternateServer::new),
                text(60).map(Username::new),
                text(60).map(Realm::new),
                text(60).map(Nonce::new),
                text(60).map(Software::new),
                text(60).map(AlternateDomain::new),
                bytes(32, 32).map(Userhash::new),
                Combinators.combine(Arbitraries.integers().between(300, 699), text(40)).as(ErrorCode::new),
                Arbitraries.integers().between(0, 0xFFFF).list().ofMaxSize(6).map(UnknownAttributes::new),
                passwordAlgorithm().map(a -> (StunAttribute) a),
                passwordAlgorithm().list().ofMaxSize(4).map(PasswordAlgorithms::new),
                Arbitraries.longs().between(0, 0xFFFF_FFFFL).map(Priority::new),
                Arbitraries.just(new UseCandidate()),
                Arbitraries.longs().map(IceControlled::new),
                Arbitraries.longs().map(IceControlling::new),
                Combinators.combine(Arbitraries.integers().between(0, 0xFFFF)
                        .filter(t -> !StunAttributeType.isDecoded(t)), bytes(0, 40)).as(RawAttribute::new)));
    }

    @Provide
    Arbitrary<StunMessage> messages() {
        return Combinators.combine(Arbitraries.of(StunClass.class), Arbitraries.integers().between(0, 0xFFF),
                bytes(12, 12).map(TransactionId::of), attributes().list().ofMaxSize(8))
                .as(StunMessage::new);
    }

    @Provide
    Arbitrary<byte[]> keys() {
        return bytes(1, 80);
    }

    private static List<StunAttribute> withoutTrailer(List<StunAttribute> attrs) {
        return attrs.stream().filter(a -> !(a instanceof MessageIntegrity || a instanceof MessageIntegritySha256
                || a instanceof Fingerprint)).collect(Collectors.toList());
    }

    // ---------- round trips ----------

    @Property
    void parseOfEncodeIsIdentity(@ForAll("messages") StunMessage m) throws StunException {
        byte[] b = m.toBytes();
        assertThat(b).hasSize(m.encodedLength(null, false));
        // RFC 7983 demultiplexing admits first bytes 0..3 only, i.e. methods below 0x100
        assertThat(StunMessage.isStun(b, 0, b.length)).isEqualTo(m.method() < 0x100);
        assertThat(StunMessage.parse(b, 0, b.length)).isEqualTo(m);
    }

    @Property
    void integrityAndFingerprintRoundTrip(@ForAll("messages") StunMessage m, @ForAll("keys") byte[] key,
                                          @ForAll IntegrityAlgorithm alg, @ForAll boolean fingerprint)
            throws StunException {
        byte[] b = new byte[m.encodedLength(key, alg, fingerprint) + 7];
        int n = m.encode(b, 3, key, alg, fingerprint);
        assertThat(n).isEqualTo(b.length - 7);
        StunMessage parsed = StunMessage.parse(b, 3, n);
        assertThat(withoutTrailer(parsed.attributes())).isEqualTo(m.attributes());
        assertThat(parsed.has(Fingerprint.class)).isEqualTo(fingerprint);
        StunView v = new StunView().wrap(b, 3, n);
        assertThat(v.integrityAlgorithm()).isEqualTo(alg);
        assertThat(v.verifyIntegrity(key)).isTrue();
        assertThat(StunMessage.verifyIntegrity(b, 3, n, key)).isTrue();
        byte[] other = key.clone();
        other[0] ^= 1;
        assertThat(v.verifyIntegrity(other)).isFalse();
        // canonical bytes: encode(parse(b)) == b
        assertThat(parsed.toBytes(key, alg, fingerprint)).isEqualTo(java.util.Arrays.copyOfRange(b, 3, 3 + n));
    }

    @Property
    void viewAgreesWithParse(@ForAll("messages") StunMessage m) throws StunException {
        byte[] b = m.toBytes(null, true);
        StunView v = new StunView().wrap(b, 0, b.length);
        assertThat(v.messageClass()).isEqualTo(m.messageClass());
        assertThat(v.method()).isEqualTo(m.method());
        assertThat(v.transactionIdEquals(m.transactionId())).isTrue();
        assertThat(v.attributeCount()).isEqualTo(m.attributes().size() + 1);
        for (int i = 0; i < m.attributes().size(); i++) {
            assertThat(v.attributeType(i)).isEqualTo(m.attributes().get(i).type());
        }
        assertThat(v.toMessage()).isEqualTo(StunMessage.parse(b, 0, b.length));
    }

    // ---------- hostile input ----------

    private static void parseOrStunException(byte[] b, int off, int len) {
        try {
            StunMessage.parse(b, off, len);
        } catch (StunException e) {
            assertThat(e.offset()).isBetween(off, off + len);
            assertThat(e.getStackTrace()).isEmpty();
        }
        StunView v = new StunView();
        try {
            v.wrap(b, off, len);
            v.verifyIntegrity(new byte[] {1, 2, 3});
            v.priority();
            v.firstUnknownComprehensionRequired(StunAttributeType::isDecoded);
            v.toMessage();
        } catch (StunException e) {
            assertThat(e.offset()).isBetween(off, off + len);
        }
        StunMessage.verifyIntegrity(b, off, len, new byte[] {9});
        StunMessage.verifyFingerprint(b, off, len);
        StunMessage.isStun(b, off, len);
        StunBindingResponder.open("x").respond(b, off, len, new InetSocketAddress(AttributeCodec.inetAddress(new byte[4]), 1));
    }

    @Property
    void anyBytesGiveAMessageOrStunException(@ForAll @Size(max = 200) byte[] bytes) {
        parseOrStunException(bytes, 0, bytes.length);
    }

    @Provide
    Arbitrary<byte[]> stunLooking() {
        // valid header with random body, so the attribute walker is exercised, not just the header check
        return Combinators.combine(Arbitraries.integers().between(0, 0x3FFF), bytes(12, 12), bytes(0, 120)
                .map(b -> java.util.Arrays.copyOf(b, b.length & ~3))).as((type, id, body) -> {
                    byte[] m = new byte[20 + body.length];
                    m[0] = (byte) (type >> 8);
                    m[1] = type.byteValue();
                    m[2] = (byte) (body.length >> 8);
                    m[3] = (byte) body.length;
                    m[4] = 0x21; m[5] = 0x12; m[6] = (byte) 0xA4; m[7] = 0x42;
                    System.arraycopy(id, 0, m, 8, 12);
                    System.arraycopy(body, 0, m, 20, body.length);
                    return m;
                });
    }

    @Property
    void randomBodiesGiveAMessageOrStunException(@ForAll("stunLooking") byte[] bytes) {
        parseOrStunException(bytes, 0, bytes.length);
    }

    @Property(tries = 200)
    void everyTruncationIsAStunException(@ForAll("messages") StunMessage m, @ForAll boolean fingerprint) {
        byte[] b = m.toBytes(null, fingerprint);
        for (int cut = 0; cut < b.length; cut++) {
            int len = cut;
            assertThatThrownBy(() -> StunMessage.parse(b, 0, len)).isInstanceOf(StunException.class);
            parseOrStunException(b, 0, len);
        }
    }

    @Property
    void aBitFlipNeverPassesAsFingerprinted(@ForAll("messages") StunMessage m, @ForAll @IntRange(min = 0, max = 100_000) int at) {
        byte[] b = m.toBytes(null, true);
        int bit = at % (b.length * 8);
        b[bit / 8] ^= (byte) (1 << (bit % 8));
        // CRC-32 detects every single-bit error. The flip can only escape by hiding FINGERPRINT
        // itself: a flip in its type field, or in an attribute length that makes the walk swallow it.
        try {
            StunMessage parsed = StunMessage.parse(b, 0, b.length);
            assertThat(parsed.has(Fingerprint.class)).isFalse();
            assertThat(StunMessage.verifyFingerprint(b, 0, b.length)).isFalse();
        } catch (StunException expected) {
            // the usual outcome
        }
    }

    @Property(tries = 300)
    void anyBitFlipBreaksTheIntegrity(@ForAll("messages") StunMessage m, @ForAll("keys") byte[] key,
                                      @ForAll @IntRange(min = 0, max = 100_000) int at) {
        byte[] b = m.toBytes(key, false);
        int bit = at % (b.length * 8);
        b[bit / 8] ^= (byte) (1 << (bit % 8));
        assertThat(StunMessage.verifyIntegrity(b, 0, b.length, key)).isFalse();
        parseOrStunException(b, 0, b.length);
    }

    @Property(tries = 500)
    void mutatedBytesGiveAMessageOrStunException(@ForAll("messages") StunMessage m,
                                                 @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 0, max = 100_000) Integer> positions,
                                                 @ForAll byte value) {
        byte[] b = m.toBytes();
        for (int p : positions) {
            b[p % b.length] ^= value;
        }
        parseOrStunException(b, 0, b.length);
    }

    @Example
    void malformedOptionalAttributeIsKeptRaw() throws StunException {
        // SOFTWARE (optional) with invalid UTF-8 and ICE-CONTROLLING (optional) of 3 bytes survive as raw
        StunMessage m = StunMessage.of(StunClass.REQUEST, 1, TransactionId.of(new byte[12]),
                new RawAttribute(StunAttributeType.SOFTWARE, new byte[] {(byte) 0xC3}),
                new RawAttribute(StunAttributeType.ICE_CONTROLLING, new byte[3]));
        StunMessage parsed = StunMessage.parse(m.toBytes());
        assertThat(parsed).isEqualTo(m);
        assertThat(parsed.unknownComprehensionRequired()).isEmpty();
    }

    @Example
    void malformedRequiredAttributeFailsTheMessage() {
        StunMessage m = StunMessage.of(StunClass.REQUEST, 1, TransactionId.of(new byte[12]),
                new RawAttribute(StunAttributeType.USERNAME, new byte[] {(byte) 0xFF}));
        byte[] b = m.toBytes();
        assertThatThrownBy(() -> StunMessage.parse(b)).isInstanceOf(StunException.class)
                .hasMessageContaining("offset 24");
    }

    @Example
    void attributesAfterIntegrityAreIgnoredExceptFingerprint() throws StunException {
        byte[] key = {1, 2, 3};
        StunMessage m = StunMessage.of(StunClass.REQUEST, 1, TransactionId.of(new byte[12]), new Priority(5));
        byte[] signed = m.toBytes(key, false);
        // append a SOFTWARE after MESSAGE-INTEGRITY, then fix the length field
        byte[] b = java.util.Arrays.copyOf(signed, signed.length + 8);
        b[signed.length] = (byte) 0x80;
        b[signed.length + 1] = 0x22;
        b[signed.length + 3] = 4;
        b[3] = (byte) (b.length - 20);
        StunMessage parsed = StunMessage.parse(b);
        assertThat(parsed.has(Software.class)).isFalse();
        assertThat(StunMessage.verifyIntegrity(b, 0, b.length, key)).isTrue();
    }

    @Example
    void unknownRequiredAttributesAreReported() throws StunException {
        List<StunAttribute> attrs = new ArrayList<>();
        attrs.add(new RawAttribute(StunAttributeType.LIFETIME, new byte[4]));
        attrs.add(new RawAttribute(0x802F, new byte[1]));
        attrs.add(new RawAttribute(StunAttributeType.LIFETIME, new byte[4]));
        StunMessage m = StunMessage.parse(new StunMessage(StunClass.REQUEST, 3, TransactionId.of(new byte[12]), attrs)
                .toBytes());
        assertThat(m.unknownComprehensionRequired()).containsExactly(StunAttributeType.LIFETIME);
        assertThat(m.unknownComprehensionRequired(t -> t == StunAttributeType.LIFETIME)).isEmpty();
    }
}
