package org.jwebrtc.turn.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import org.jwebrtc.stun.TransactionId;

/**
 * The XOR-MAPPED-ADDRESS encoding (RFC 8489 §14.2) that XOR-PEER-ADDRESS and XOR-RELAYED-ADDRESS
 * reuse (RFC 8656 §18.3, §18.5): family, port XOR the cookie's top 16 bits, address XOR the cookie
 * (IPv4) or cookie + transaction ID (IPv6).
 */
public final class XorAddress {
    public static final int MAGIC_COOKIE = 0x2112A442;

    private XorAddress() {}

    public static byte[] encode(InetSocketAddress a, TransactionId id) {
        byte[] addr = a.getAddress().getAddress();
        byte[] v = new byte[4 + addr.length];
        v[1] = (byte) (addr.length == 4 ? 0x01 : 0x02);
        Bytes.put16(v, 2, a.getPort() ^ (MAGIC_COOKIE >>> 16));
        for (int i = 0; i < addr.length; i++) {
            v[4 + i] = (byte) (addr[i] ^ mask(i, id));
        }
        return v;
    }

    /** Null when the value is malformed (wrong length or family). */
    public static InetSocketAddress decode(byte[] v, int off, int len, TransactionId id) {
        if (len < 4) {
            return null;
        }
        int family = v[off + 1] & 0xFF;
        int addrLen = family == 0x01 ? 4 : family == 0x02 ? 16 : -1;
        if (addrLen < 0 || len != 4 + addrLen) {
            return null;
        }
        int port = Bytes.u16(v, off + 2) ^ (MAGIC_COOKIE >>> 16);
        byte[] addr = new byte[addrLen];
        for (int i = 0; i < addrLen; i++) {
            addr[i] = (byte) (v[off + 4 + i] ^ mask(i, id));
        }
        try {
            return new InetSocketAddress(InetAddress.getByAddress(addr), port);
        } catch (UnknownHostException e) {
            throw new AssertionError("4 or 16 address bytes are always valid", e);
        }
    }

    /** As {@link #decode(byte[], int, int, TransactionId)}, with the transaction ID read from {@code tx[txOff..+12)}. */
    public static InetSocketAddress decode(byte[] v, int off, int len, byte[] tx, int txOff) {
        if (len < 4) {
            return null;
        }
        int family = v[off + 1] & 0xFF;
        int addrLen = family == 0x01 ? 4 : family == 0x02 ? 16 : -1;
        if (addrLen < 0 || len != 4 + addrLen) {
            return null;
        }
        int port = Bytes.u16(v, off + 2) ^ (MAGIC_COOKIE >>> 16);
        byte[] addr = new byte[addrLen];
        for (int i = 0; i < addrLen; i++) {
            int m = i < 4 ? (MAGIC_COOKIE >>> (24 - 8 * i)) & 0xFF : tx[txOff + i - 4] & 0xFF;
            addr[i] = (byte) (v[off + 4 + i] ^ m);
        }
        try {
            return new InetSocketAddress(InetAddress.getByAddress(addr), port);
        } catch (UnknownHostException e) {
            throw new AssertionError("4 or 16 address bytes are always valid", e);
        }
    }

    private static int mask(int i, TransactionId id) {
        return i < 4 ? (MAGIC_COOKIE >>> (24 - 8 * i)) & 0xFF : id.byteAt(i - 4);
    }

    public static boolean isIpv4(InetSocketAddress a) {
        return a.getAddress() instanceof Inet4Address;
    }
}
