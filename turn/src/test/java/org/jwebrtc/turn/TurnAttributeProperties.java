package org.jwebrtc.turn;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.jwebrtc.stun.RawAttribute;
import org.jwebrtc.stun.StunClass;
import org.jwebrtc.stun.StunException;
import org.jwebrtc.stun.StunMessage;
import org.jwebrtc.stun.StunMethod;
import org.jwebrtc.stun.TransactionId;

/** TURN attributes (RFC 8656 §18): decode(toRaw(x)) == x, through a whole STUN message too; hostile values. */
class TurnAttributeProperties {

    @Provide
    Arbitrary<TransactionId> ids() {
        return Arbitraries.bytes().array(byte[].class).ofSize(12).map(TransactionId::of);
    }

    @Provide
    Arbitrary<InetSocketAddress> addresses() {
        Arbitrary<byte[]> ip = Arbitraries.oneOf(Arbitraries.bytes().array(byte[].class).ofSize(4),
                Arbitraries.bytes().array(byte[].class).ofSize(16));
        return Combinators.combine(ip, Arbitraries.integers().between(0, 65535)).as((a, p) -> {
            try {
                return new InetSocketAddress(InetAddress.getByAddress(a), p);
            } catch (UnknownHostException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Provide
    Arbitrary<TurnAttribute> attributes() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(ChannelNumber.MIN, ChannelNumber.MAX).map(ChannelNumber::new),
                Arbitraries.longs().between(0, 0xFFFF_FFFFL).map(Lifetime::new),
                addresses().map(XorPeerAddress::new),
                addresses().map(XorRelayedAddress::new),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(600).map(Data::new),
                Arbitraries.integers().between(0, 255).map(RequestedTransport::new),
                Arbitraries.just(new DontFragment()),
                Arbitraries.of(1, 2).map(RequestedAddressFamily::new),
                Arbitraries.of(true, false).map(EvenPort::new));
    }

    @Property
    void decodeOfToRawIsIdentity(@ForAll("attributes") TurnAttribute a, @ForAll("ids") TransactionId id)
            throws TurnException {
        assertThat(TurnAttribute.decode(a.toRaw(id), id)).isEqualTo(a);
    }

    @Property
    void survivesAStunMessageRoundTrip(@ForAll("attributes") TurnAttribute a, @ForAll("ids") TransactionId id)
            throws TurnException, StunException {
        byte[] wire = StunMessage.of(StunClass.REQUEST, StunMethod.ALLOCATE, id, a.toRaw(id)).toBytes();
        StunMessage back = StunMessage.parse(wire);
        TurnAttribute decoded = TurnAttribute.find(back, TurnAttribute.class).orElseThrow();
        assertThat(decoded).isEqualTo(a);
        assertThat(StunMessage.of(StunClass.REQUEST, StunMethod.ALLOCATE, id, decoded.toRaw(id)).toBytes())
                .isEqualTo(wire);
    }

    @Property
    void anyValueOfATurnTypeDecodesOrThrowsTurnException(
            @ForAll("turnTypes") int type, @ForAll @Size(max = 40) byte[] value, @ForAll("ids") TransactionId id) {
        try {
            TurnAttribute a = TurnAttribute.decode(new RawAttribute(type, value), id);
            assertThat(a.type()).isEqualTo(type);
        } catch (TurnException expected) {
            // wrong length, family or channel range
        }
    }

    @Provide
    Arbitrary<Integer> turnTypes() {
        return Arbitraries.of(0x000C, 0x000D, 0x0012, 0x0013, 0x0016, 0x0017, 0x0018, 0x0019, 0x001A);
    }

    @Property
    void lifetimeIsUnsigned(@ForAll @LongRange(min = 0x8000_0000L, max = 0xFFFF_FFFFL) long s,
                            @ForAll("ids") TransactionId id) throws TurnException {
        assertThat(((Lifetime) TurnAttribute.decode(new Lifetime(s).toRaw(id), id)).seconds()).isEqualTo(s);
    }

    @Property
    void channelNumbersOutsideTheRangeAreTurnExceptions(@ForAll @IntRange(max = 0xFFFF) int n,
                                                        @ForAll("ids") TransactionId id) {
        RawAttribute raw = new RawAttribute(0x000C, new byte[] {(byte) (n >>> 8), (byte) n, 0, 0});
        try {
            assertThat(((ChannelNumber) TurnAttribute.decode(raw, id)).number()).isEqualTo(n).isBetween(0x4000, 0x4FFF);
        } catch (TurnException e) {
            assertThat(n < 0x4000 || n > 0x4FFF).isTrue();
        }
    }
}
