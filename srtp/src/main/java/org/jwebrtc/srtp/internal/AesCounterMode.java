package org.jwebrtc.srtp.internal;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES in counter mode (RFC 3711 §4.1.1, RFC 6188, and the GCTR half of GCM) built on one
 * AES/ECB cipher that is keyed once. The keystream block for counter C is AES_k(C); the counter is
 * the IV with its last 32 bits incremented per block. Keying {@code AES/CTR} per packet would need a
 * fresh {@code IvParameterSpec} plus JCE key/IV copies on every {@code init}; encrypting counter
 * blocks with ECB keeps the per-packet path allocation-free. Not thread-safe.
 */
public final class AesCounterMode {
    private static final int CHUNK = 1536; // keystream bytes per ECB call: one call for a full-size packet

    private final Cipher ecb;
    private final byte[] counters = new byte[CHUNK];
    private final byte[] keystream = new byte[CHUNK];

    public AesCounterMode(byte[] key) {
        try {
            ecb = Cipher.getInstance("AES/ECB/NoPadding");
            ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/ECB unavailable", e);
        }
    }

    /**
     * XORs the keystream that starts at counter block {@code iv} (16 bytes) into {@code buf[off..+len)}.
     * The low 32 bits of the counter are incremented modulo 2^32 (for SRTP they start at 0 and a
     * packet never needs 2^16 blocks, so this equals the RFC 3711 128-bit addition).
     */
    public void xorKeystream(byte[] iv, byte[] buf, int off, int len) {
        long prefix = Bytes.i64(iv, 0);
        int middle = Bytes.i32(iv, 8);
        int base = Bytes.i32(iv, 12);
        int block = 0;
        for (int done = 0; done < len; ) {
            int n = Math.min(len - done, CHUNK);
            int blocks = (n + 15) >>> 4;
            for (int b = 0; b < blocks; b++) { // three stores per block; an arraycopy call each was 5x slower
                int at = b << 4;
                Bytes.putI64(counters, at, prefix);
                Bytes.putI32(counters, at + 8, middle);
                Bytes.putI32(counters, at + 12, base + block + b);
            }
            try {
                ecb.update(counters, 0, blocks << 4, keystream, 0);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES/ECB failed on a block-aligned buffer", e);
            }
            Bytes.xor(keystream, 0, buf, off + done, n);
            done += n;
            block += blocks;
        }
    }

    /** AES_k of one 16-byte block, in place at {@code buf[off..+16)} (GCM's H and E(K, J0)). */
    public void encryptBlock(byte[] buf, int off) {
        try {
            ecb.update(buf, off, 16, keystream, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/ECB failed on one block", e);
        }
        System.arraycopy(keystream, 0, buf, off, 16);
    }
}
