package org.jwebrtc.turn;

import org.jwebrtc.stun.RawAttribute;
import org.jwebrtc.stun.StunAttributeType;
import org.jwebrtc.stun.StunMessage;
import org.jwebrtc.stun.TransactionId;
import org.jwebrtc.turn.internal.XorAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A TURN attribute (RFC 8656 §18). {@code stun} keeps these as {@link RawAttribute}s; this module
 * decodes and encodes them. XOR addresses need the message's transaction ID (IPv6, RFC 8489 §14.2).
 */
public sealed interface TurnAttribute permits ChannelNumber, Lifetime, XorPeerAddress, XorRelayedAddress,
        Data, RequestedTransport, DontFragment, RequestedAddressFamily, EvenPort {

    /** The 16-bit attribute type ({@link StunAttributeType}). */
    int type();

    /** The wire form as a stun attribute, for {@link StunMessage#of}. */
    RawAttribute toRaw(TransactionId id);

    /** True for the TURN types this module understands (RFC 8489 §6.3.1 comprehension check). */
    static boolean isKnown(int type) {
        switch (type) {
            case StunAttributeType.CHANNEL_NUMBER:
            case StunAttributeType.LIFETIME:
            case StunAttributeType.XOR_PEER_ADDRESS:
            case StunAttributeType.XOR_RELAYED_ADDRESS:
            case StunAttributeType.DATA:
            case StunAttributeType.REQUESTED_TRANSPORT:
            case StunAttributeType.DONT_FRAGMENT:
            case StunAttributeType.REQUESTED_ADDRESS_FAMILY:
            case StunAttributeType.EVEN_PORT:
                return true;
            default:
                return false;
        }
    }

    /** Decodes one attribute; TurnException when the type is not a TURN type or its value is malformed. */
    static TurnAttribute decode(RawAttribute raw, TransactionId id) throws TurnException {
        byte[] v = raw.value();
        switch (raw.type()) {
            case StunAttributeType.CHANNEL_NUMBER: {
                check(v.length == 4, raw, "must be 4 bytes");
                int n = ((v[0] & 0xFF) << 8) | (v[1] & 0xFF);
                check(ChannelNumber.isValid(n), raw, "channel " + n + " outside 0x4000..0x4FFF");
                return new ChannelNumber(n);
            }
            case StunAttributeType.LIFETIME:
                check(v.length == 4, raw, "must be 4 bytes");
                return new Lifetime(((long) (v[0] & 0xFF) << 24) | ((v[1] & 0xFF) << 16) | ((v[2] & 0xFF) << 8)
                        | (v[3] & 0xFF));
            case StunAttributeType.XOR_PEER_ADDRESS:
                return new XorPeerAddress(address(raw, id));
            case StunAttributeType.XOR_RELAYED_ADDRESS:
                return new XorRelayedAddress(address(raw, id));
            case StunAttributeType.DATA:
                return new Data(v);
            case StunAttributeType.REQUESTED_TRANSPORT:
                check(v.length == 4, raw, "must be 4 bytes");
                return new RequestedTransport(v[0] & 0xFF);
            case StunAttributeType.DONT_FRAGMENT:
                check(v.length == 0, raw, "must be empty");
                return new DontFragment();
            case StunAttributeType.REQUESTED_ADDRESS_FAMILY:
                check(v.length == 4 && (v[0] == 1 || v[0] == 2), raw, "must be 4 bytes with family 1 or 2");
                return new RequestedAddressFamily(v[0]);
            case StunAttributeType.EVEN_PORT:
                check(v.length == 1, raw, "must be 1 byte");
                return new EvenPort((v[0] & 0x80) != 0);
            default:
                throw new TurnException("attribute 0x" + Integer.toHexString(raw.type()) + " is not a TURN attribute", -1);
        }
    }

    /** First TURN attribute of that record type in {@code m}, decoded. */
    static <T extends TurnAttribute> Optional<T> find(StunMessage m, Class<T> type) throws TurnException {
        for (RawAttribute r : m.attributes(RawAttribute.class)) {
            if (isKnown(r.type())) {
                TurnAttribute a = decode(r, m.transactionId());
                if (type.isInstance(a)) {
                    return Optional.of(type.cast(a));
                }
            }
        }
        return Optional.empty();
    }

    /** Every TURN attribute of that record type in {@code m}, decoded, in order. */
    static <T extends TurnAttribute> List<T> findAll(StunMessage m, Class<T> type) throws TurnException {
        List<T> out = new ArrayList<>();
        for (RawAttribute r : m.attributes(RawAttribute.class)) {
            if (isKnown(r.type())) {
                TurnAttribute a = decode(r, m.transactionId());
                if (type.isInstance(a)) {
                    out.add(type.cast(a));
                }
            }
        }
        return out;
    }

    private static InetSocketAddress address(RawAttribute raw, TransactionId id) throws TurnException {
        byte[] v = raw.value();
        InetSocketAddress a = XorAddress.decode(v, 0, v.length, id);
        check(a != null, raw, "malformed XOR address (" + v.length + " bytes)");
        return a;
    }

    private static void check(boolean ok, RawAttribute raw, String what) throws TurnException {
        if (!ok) {
            throw new TurnException(StunAttributeType.name(raw.type()) + " " + what, -1);
        }
    }
}
