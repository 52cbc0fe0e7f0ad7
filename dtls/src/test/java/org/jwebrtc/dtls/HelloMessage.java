package org.jwebrtc.dtls;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Test-only reader of an unfragmented DTLS ClientHello/ServerHello in the first record of a
 * datagram (RFC 6347 §4.1, §4.2.2; RFC 5246 §7.4.1.2-3), enough to inspect versions and
 * extensions on the wire.
 */
record HelloMessage(int type, int version, byte[] random, int cipherSuite, Map<Integer, byte[]> extensions,
                    int extensionsOffset) {
    static final int CLIENT_HELLO = 1;
    static final int SERVER_HELLO = 2;
    static final int RECORD_HEADER = 13;
    static final int HANDSHAKE_HEADER = 12;

    /** Null if the datagram does not start with a hello handshake record. */
    static HelloMessage parse(byte[] d) {
        if (d.length < RECORD_HEADER + HANDSHAKE_HEADER || d[0] != 22) {
            return null;
        }
        int p = RECORD_HEADER;
        int type = d[p] & 0xFF;
        if (type != CLIENT_HELLO && type != SERVER_HELLO) {
            return null;
        }
        p += HANDSHAKE_HEADER;
        int version = u16(d, p);
        p += 2;
        byte[] random = java.util.Arrays.copyOfRange(d, p, p + 32);
        p += 32;
        p += 1 + (d[p] & 0xFF);                   // session_id
        int suite = -1;
        if (type == CLIENT_HELLO) {
            p += 1 + (d[p] & 0xFF);               // cookie
            p += 2 + u16(d, p);                    // cipher_suites
            p += 1 + (d[p] & 0xFF);               // compression_methods
        } else {
            suite = u16(d, p);
            p += 3;                                // cipher_suite + compression_method
        }
        int extOffset = p;
        Map<Integer, byte[]> ext = new LinkedHashMap<>();
        if (p < d.length) {
            int end = p + 2 + u16(d, p);
            p += 2;
            while (p < end) {
                int t = u16(d, p);
                int l = u16(d, p + 2);
                ext.put(t, java.util.Arrays.copyOfRange(d, p + 4, p + 4 + l));
                p += 4 + l;
            }
        }
        return new HelloMessage(type, version, random, suite, ext, extOffset);
    }

    static int u16(byte[] d, int p) {
        return (d[p] & 0xFF) << 8 | (d[p + 1] & 0xFF);
    }
}
