package org.jwebrtc.stun;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jwebrtc.stun.internal.Bytes;
import org.jwebrtc.stun.internal.Utf8;

/** Attribute values ⇄ records. Offsets are absolute in the caller's buffer. */
final class AttributeCodec {
    static final int MAGIC_COOKIE = 0x2112A442;
    private static final int FAMILY_IPV4 = 0x01;
    private static final int FAMILY_IPV6 = 0x02;

    private AttributeCodec() {}

    /**
     * Decodes one value. A comprehension-optional attribute whose value is malformed is kept as
     * {@link RawAttribute} (RFC 8489 §14: an agent may ignore optional attributes); a malformed
     * required one fails the message.
     */
    static StunAttribute decode(int type, byte[] b, int v, int len, int msgOff) throws StunException {
        try {
            StunAttribute a = decodeKnown(type, b, v, len, msgOff);
            return a != null ? a : new RawAttribute(type, Arrays.copyOfRange(b, v, v + len));
        } catch (StunException e) {
            if (StunAttributeType.isComprehensionRequired(type)) {
                throw e;
            }
            return new RawAttribute(type, Arrays.copyOfRange(b, v, v + len));
        }
    }

    private static StunAttribute decodeKnown(int type, byte[] b, int v, int len, int msgOff)
            throws StunException {
        switch (type) {
            case StunAttributeType.MAPPED_ADDRESS:
                return new MappedAddress(address(b, v, len, msgOff, false));
            case StunAttributeType.XOR_MAPPED_ADDRESS:
                return new XorMappedAddress(address(b, v, len, msgOff, true));
            case StunAttributeType.ALTERNATE_SERVER:
                return new AlternateServer(address(b, v, len, msgOff, false));
            case StunAttributeType.USERNAME:
                return new Username(utf8(b, v, len, Username.MAX_BYTES));
            case StunAttributeType.REALM:
                return new Realm(utf8(b, v, len, Realm.MAX_BYTES));
            case StunAttributeType.NONCE:
                return new Nonce(utf8(b, v, len, Nonce.MAX_BYTES));
            case StunAttributeType.SOFTWARE:
                return new Software(utf8(b, v, len, Software.MAX_BYTES));
            case StunAttributeType.ALTERNATE_DOMAIN:
                return new AlternateDomain(utf8(b, v, len, AlternateDomain.MAX_BYTES));
            case StunAttributeType.USERHASH:
                expectLength(type, len, Userhash.LENGTH, v);
                return new Userhash(Arrays.copyOfRange(b, v, v + len));
            case StunAttributeType.MESSAGE_INTEGRITY:
                expectLength(type, len, MessageIntegrity.LENGTH, v);
                return new MessageIntegrity(Arrays.copyOfRange(b, v, v + len));
            case StunAttributeType.MESSAGE_INTEGRITY_SHA256:
                if (!MessageIntegritySha256.validLength(len)) {
                    throw new StunException("MESSAGE-INTEGRITY-SHA256 length " + len, v - 2);
                }
                return new MessageIntegritySha256(Arrays.copyOfRange(b, v, v + len));
            case StunAttributeType.FINGERPRINT:
                expectLength(type, len, 4, v);
                return new Fingerprint(Bytes.u32(b, v));
            case StunAttributeType.ERROR_CODE:
                return errorCode(b, v, len);
            case StunAttributeType.UNKNOWN_ATTRIBUTES:
                return unknownAttributes(b, v, len);
            case StunAttributeType.PASSWORD_ALGORITHM: {
                PasswordAlgorithm p = passwordAlgorithm(b, v, v + len);
                if (p.encodedLength() != len) {
                    throw new StunException("PASSWORD-ALGORITHM length " + len + " does not match its parameters", v - 2);
                }
                return p;
            }
            case StunAttributeType.PASSWORD_ALGORITHMS:
                return passwordAlgorithms(b, v, len);
            case StunAttributeType.PRIORITY:
                expectLength(type, len, 4, v);
                return new Priority(Bytes.u32(b, v));
            case StunAttributeType.USE_CANDIDATE:
                expectLength(type, len, 0, v);
                return new UseCandidate();
            case StunAttributeType.ICE_CONTROLLED:
                expectLength(type, len, 8, v);
                return new IceControlled(Bytes.i64(b, v));
            case StunAttributeType.ICE_CONTROLLING:
                expectLength(type, len, 8, v);
                return new IceControlling(Bytes.i64(b, v));
            default:
                return null;
        }
    }

    private static void expectLength(int type, int len, int expected, int v) throws StunException {
        if (len != expected) {
            throw new StunException(StunAttributeType.name(type) + " length " + len + ", expected " + expected, v - 2);
        }
    }

    /** RFC 8489 §14.1/§14.2: reserved byte, family, port, address (XOR-ed for §14.2). */
    private static InetSocketAddress address(byte[] b, int v, int len, int msgOff, boolean xor)
            throws StunException {
        if (len < 4) {
            throw new StunException("address attribute length " + len, v - 2);
        }
        int family = b[v + 1] & 0xFF;
        int addrLen = family == FAMILY_IPV4 ? 4 : family == FAMILY_IPV6 ? 16 : -1;
        if (addrLen < 0) {
            throw new StunException("unknown address family " + family, v + 1);
        }
        if (len != 4 + addrLen) {
            throw new StunException("address family " + family + " with length " + len, v - 2);
        }
        int port = Bytes.u16(b, v + 2);
        byte[] addr = Arrays.copyOfRange(b, v + 4, v + 4 + addrLen);
        if (xor) {
            port ^= MAGIC_COOKIE >>> 16;
            for (int i = 0; i < addrLen; i++) {
                addr[i] ^= b[msgOff + 4 + i]; // cookie then transaction ID, both in the header
            }
        }
        return new InetSocketAddress(inetAddress(addr), port);
    }

    static InetAddress inetAddress(byte[] addr) {
        try {
            // Inet6Address directly, so an IPv4-mapped IPv6 address stays family 2
            return addr.length == 4 ? InetAddress.getByAddress(addr) : Inet6Address.getByAddress(null, addr, -1);
        } catch (UnknownHostException e) {
            throw new AssertionError("address length is 4 or 16", e);
        }
    }

    private static String utf8(byte[] b, int v, int len, int max) throws StunException {
        if (len > max) {
            throw new StunException("text attribute longer than " + max + " bytes", v - 2);
        }
        int bad = Utf8.firstInvalid(b, v, len);
        if (bad >= 0) {
            throw new StunException("text attribute is not UTF-8", bad);
        }
        return new String(b, v, len, StandardCharsets.UTF_8);
    }

    /** RFC 8489 §14.8: 21 reserved bits, class (3 bits), number (0..99), reason. */
    private static ErrorCode errorCode(byte[] b, int v, int len) throws StunException {
        if (len < 4) {
            throw new StunException("ERROR-CODE length " + len, v - 2);
        }
        int cls = b[v + 2] & 0x07;
        int number = b[v + 3] & 0xFF;
        if (cls < 3 || cls > 6 || number > 99) {
            throw new StunException("ERROR-CODE class " + cls + " number " + number, v + 2);
        }
        return new ErrorCode(cls * 100 + number, utf8(b, v + 4, len - 4, ErrorCode.MAX_REASON_BYTES));
    }

    private static UnknownAttributes unknownAttributes(byte[] b, int v, int len) throws StunException {
        if ((len & 1) != 0) {
            throw new StunException("UNKNOWN-ATTRIBUTES length " + len + " is odd", v - 2);
        }
        List<Integer> types = new ArrayList<>(len / 2);
        for (int i = 0; i < len; i += 2) {
            types.add(Bytes.u16(b, v + i));
        }
        return new UnknownAttributes(types);
    }

    private static PasswordAlgorithm passwordAlgorithm(byte[] b, int p, int end) throws StunException {
        if (end - p < 4) {
            throw new StunException("truncated password algorithm", p);
        }
        int alg = Bytes.u16(b, p);
        int plen = Bytes.u16(b, p + 2);
        if (Bytes.padded(plen) > end - p - 4) {
            throw new StunException("password algorithm parameters length " + plen + " exceed the attribute", p + 2);
        }
        return new PasswordAlgorithm(alg, Arrays.copyOfRange(b, p + 4, p + 4 + plen));
    }

    private static PasswordAlgorithms passwordAlgorithms(byte[] b, int v, int len) throws StunException {
        List<PasswordAlgorithm> list = new ArrayList<>();
        int p = v;
        int end = v + len;
        while (p < end) {
            PasswordAlgorithm a = passwordAlgorithm(b, p, end);
            list.add(a);
            p += a.encodedLength();
        }
        return new PasswordAlgorithms(list);
    }

    // ---- encoding ----

    /** Value length (without padding). */
    static int valueLength(StunAttribute a) {
        if (a instanceof MappedAddress m) {
            return addressLength(m.address());
        } else if (a instanceof XorMappedAddress x) {
            return addressLength(x.address());
        } else if (a instanceof AlternateServer s) {
            return addressLength(s.address());
        } else if (a instanceof Username u) {
            return utf8Length(u.value());
        } else if (a instanceof Realm r) {
            return utf8Length(r.value());
        } else if (a instanceof Nonce n) {
            return utf8Length(n.value());
        } else if (a instanceof Software s) {
            return utf8Length(s.value());
        } else if (a instanceof AlternateDomain d) {
            return utf8Length(d.value());
        } else if (a instanceof Userhash) {
            return Userhash.LENGTH;
        } else if (a instanceof MessageIntegrity) {
            return MessageIntegrity.LENGTH;
        } else if (a instanceof MessageIntegritySha256 m) {
            return m.hmac().length;
        } else if (a instanceof Fingerprint) {
            return 4;
        } else if (a instanceof ErrorCode e) {
            return 4 + utf8Length(e.reason());
        } else if (a instanceof UnknownAttributes u) {
            return 2 * u.types().size();
        } else if (a instanceof PasswordAlgorithm p) {
            return p.encodedLength();
        } else if (a instanceof PasswordAlgorithms ps) {
            int n = 0;
            for (PasswordAlgorithm p : ps.algorithms()) {
                n += p.encodedLength();
            }
            return n;
        } else if (a instanceof Priority) {
            return 4;
        } else if (a instanceof UseCandidate) {
            return 0;
        } else if (a instanceof IceControlled || a instanceof IceControlling) {
            return 8;
        } else if (a instanceof RawAttribute r) {
            return r.length();
        }
        throw new AssertionError("sealed StunAttribute has an unhandled variant: " + a);
    }

    /**
     * Writes the value at {@code v}; the transaction ID for XOR-MAPPED-ADDRESS is read from the
     * header already written at {@code msgOff}. Padding is written by the caller.
     */
    static void writeValue(StunAttribute a, byte[] d, int v, int msgOff) {
        if (a instanceof MappedAddress m) {
            writeAddress(m.address(), d, v, msgOff, false);
        } else if (a instanceof XorMappedAddress x) {
            writeAddress(x.address(), d, v, msgOff, true);
        } else if (a instanceof AlternateServer s) {
            writeAddress(s.address(), d, v, msgOff, false);
        } else if (a instanceof Username u) {
            writeUtf8(u.value(), d, v);
        } else if (a instanceof Realm r) {
            writeUtf8(r.value(), d, v);
        } else if (a instanceof Nonce n) {
            writeUtf8(n.value(), d, v);
        } else if (a instanceof Software s) {
            writeUtf8(s.value(), d, v);
        } else if (a instanceof AlternateDomain ad) {
            writeUtf8(ad.value(), d, v);
        } else if (a instanceof Userhash u) {
            System.arraycopy(u.hash(), 0, d, v, Userhash.LENGTH);
        } else if (a instanceof MessageIntegrity m) {
            System.arraycopy(m.hmac(), 0, d, v, MessageIntegrity.LENGTH);
        } else if (a instanceof MessageIntegritySha256 m) {
            byte[] h = m.hmac();
            System.arraycopy(h, 0, d, v, h.length);
        } else if (a instanceof Fingerprint f) {
            Bytes.put32(d, v, f.crc());
        } else if (a instanceof ErrorCode e) {
            d[v] = 0;
            d[v + 1] = 0;
            d[v + 2] = (byte) (e.code() / 100);
            d[v + 3] = (byte) (e.code() % 100);
            writeUtf8(e.reason(), d, v + 4);
        } else if (a instanceof UnknownAttributes u) {
            int p = v;
            for (int t : u.types()) {
                Bytes.put16(d, p, t);
                p += 2;
            }
        } else if (a instanceof PasswordAlgorithm p) {
            writePasswordAlgorithm(p, d, v);
        } else if (a instanceof PasswordAlgorithms ps) {
            int p = v;
            for (PasswordAlgorithm alg : ps.algorithms()) {
                p += writePasswordAlgorithm(alg, d, p);
            }
        } else if (a instanceof Priority p) {
            Bytes.put32(d, v, p.priority());
        } else if (a instanceof UseCandidate) {
            // no value
        } else if (a instanceof IceControlled c) {
            Bytes.put64(d, v, c.tieBreaker());
        } else if (a instanceof IceControlling c) {
            Bytes.put64(d, v, c.tieBreaker());
        } else if (a instanceof RawAttribute r) {
            System.arraycopy(r.value(), 0, d, v, r.length());
        } else {
            throw new AssertionError("sealed StunAttribute has an unhandled variant: " + a);
        }
    }

    private static int writePasswordAlgorithm(PasswordAlgorithm p, byte[] d, int v) {
        byte[] params = p.parameters();
        Bytes.put16(d, v, p.algorithm());
        Bytes.put16(d, v + 2, params.length);
        System.arraycopy(params, 0, d, v + 4, params.length);
        Arrays.fill(d, v + 4 + params.length, v + p.encodedLength(), (byte) 0);
        return p.encodedLength();
    }

    private static int addressLength(InetSocketAddress a) {
        return a.getAddress() instanceof Inet4Address ? 8 : 20;
    }

    private static void writeAddress(InetSocketAddress a, byte[] d, int v, int msgOff, boolean xor) {
        byte[] addr = a.getAddress().getAddress();
        writeAddress(addr, 0, addr.length, a.getPort(), d, v, msgOff, xor);
    }

    /** RFC 8489 §14.1/§14.2 layout from raw address bytes (4 or 16) and port. */
    static void writeAddress(byte[] addr, int addrOff, int addrLen, int port, byte[] d, int v, int msgOff,
                             boolean xor) {
        d[v] = 0;
        d[v + 1] = (byte) (addrLen == 4 ? FAMILY_IPV4 : FAMILY_IPV6);
        Bytes.put16(d, v + 2, xor ? port ^ (MAGIC_COOKIE >>> 16) : port);
        for (int i = 0; i < addrLen; i++) {
            byte x = xor ? d[msgOff + 4 + i] : 0;
            d[v + 4 + i] = (byte) (addr[addrOff + i] ^ x);
        }
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static void writeUtf8(String s, byte[] d, int v) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(b, 0, d, v, b.length);
    }
}
