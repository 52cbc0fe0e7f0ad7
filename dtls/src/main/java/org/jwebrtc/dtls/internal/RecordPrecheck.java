package org.jwebrtc.dtls.internal;

import org.bouncycastle.tls.CipherSuite;

/**
 * Screens the records of an inbound datagram on a connected DTLS 1.2 association before bctls sees them.
 * RFC 6347 §4.1.2.7: invalid records are silently discarded; only authenticated alerts end an association. bctls
 * instead fails its record layer on a record it cannot even decode (e.g. a current-epoch record shorter than the
 * AEAD nonce and tag: one spoofed 15-byte datagram tore a connection down, found by the fuzz module), and it would
 * act on a plaintext epoch-0 alert. So records that cannot be genuine are dropped here:
 * <ul>
 *   <li>a header or body that does not fit the datagram, an unknown content type or version;</li>
 *   <li>current-epoch (1) records shorter than the negotiated cipher's minimum ciphertext;</li>
 *   <li>epoch-0 records other than handshake and ChangeCipherSpec (the peer's retransmitted flight must still
 *       reach bctls so that it can resend our last flight); any later epoch (no renegotiation here).</li>
 * </ul>
 */
public final class RecordPrecheck {
    private static final int HEADER = 13;

    private RecordPrecheck() {}

    /** Smallest valid epoch-1 record body for the suite (RFC 5288 GCM, RFC 7905 ChaCha20, RFC 5246 CBC). */
    public static int minCiphertext(int cipherSuite) {
        return switch (cipherSuite) {
            case CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
                 CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
                 CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
                 CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 -> 8 + 16;     // explicit nonce + tag
            case CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
                 CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256 -> 16;  // tag
            default -> 16 + 32;   // CBC: IV + the smallest padded block holding a 20-byte HMAC-SHA1
        };
    }

    /**
     * Copies the acceptable records of {@code in[off, off+len)} to {@code out} (at least {@code len} long) and
     * returns their total length; {@code dropped[0]} grows by the records left out.
     */
    public static int filter(byte[] in, int off, int len, byte[] out, int minCiphertext, long[] dropped) {
        int end = off + len;
        int at = off;
        int n = 0;
        while (at < end) {
            if (end - at < HEADER) {
                dropped[0]++;
                break;
            }
            int type = in[at] & 0xff;
            int version = ((in[at + 1] & 0xff) << 8) | (in[at + 2] & 0xff);
            int epoch = ((in[at + 3] & 0xff) << 8) | (in[at + 4] & 0xff);
            int length = ((in[at + 11] & 0xff) << 8) | (in[at + 12] & 0xff);
            if (length > end - at - HEADER) {
                dropped[0]++;
                break;   // the rest of the datagram cannot be framed
            }
            boolean ok = type >= 20 && type <= 23 && (version == 0xfefd || version == 0xfeff)
                    && (epoch == 1 ? length >= minCiphertext : epoch == 0 && (type == 20 || type == 22));
            if (ok) {
                System.arraycopy(in, at, out, n, HEADER + length);
                n += HEADER + length;
            } else {
                dropped[0]++;
            }
            at += HEADER + length;
        }
        return n;
    }
}
