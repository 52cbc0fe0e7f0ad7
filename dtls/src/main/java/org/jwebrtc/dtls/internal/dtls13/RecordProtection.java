package org.jwebrtc.dtls.internal.dtls13;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.ChaChaEngine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The keys of one epoch in one direction (RFC 9147 §4, RFC 8446 §7.3): AEAD key and IV for
 * payload protection with the per-record nonce (RFC 8446 §5.3), and sn_key for record number
 * encryption (RFC 9147 §4.2.3). The AEAD is the JCE's (SunJCE AES-GCM uses the CPU's AES and
 * carry-less multiply instructions; BC's software AES-GCM measured ~10x slower per record); the
 * record-number mask is one BC AES block or ChaCha20 block function call. Not thread-safe.
 */
public final class RecordProtection {
    public static final int TAG_LENGTH = 16;
    private static final int[] CHACHA_SIGMA = {0x61707865, 0x3320646e, 0x79622d32, 0x6b206574};

    private final CipherSuite suite;
    private final long epoch;
    private final SecretKeySpec key;
    private final byte[] iv;
    private final Cipher aead;
    private final BlockCipher snAes;
    private final int[] snChachaKey;
    private final byte[] nonce = new byte[12];

    public RecordProtection(CipherSuite suite, long epoch, byte[] key, byte[] iv, byte[] snKey) {
        this.suite = suite;
        this.epoch = epoch;
        this.key = new SecretKeySpec(key, suite.isChaCha() ? "ChaCha20" : "AES");
        this.iv = iv.clone();
        try {
            aead = Cipher.getInstance(suite.isChaCha() ? "ChaCha20-Poly1305" : "AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + suite, e);
        }
        if (suite.isChaCha()) {
            snAes = null;
            snChachaKey = new int[8];
            for (int i = 0; i < 8; i++) {
                snChachaKey[i] = le32(snKey, 4 * i);
            }
        } else {
            snAes = AESEngine.newInstance();
            snAes.init(true, new KeyParameter(snKey));
            snChachaKey = null;
        }
    }

    /** Keys from a traffic secret (RFC 8446 §7.3; "sn" per RFC 9147 §4.2.3). */
    public static RecordProtection fromSecret(CipherSuite suite, long epoch, byte[] secret) {
        byte[] none = new byte[0];
        return new RecordProtection(suite, epoch,
                KeySchedule.expandLabel(suite, secret, "key", none, suite.keyLength()),
                KeySchedule.expandLabel(suite, secret, "iv", none, 12),
                KeySchedule.expandLabel(suite, secret, "sn", none, suite.keyLength()));
    }

    public long epoch() {
        return epoch;
    }

    public CipherSuite suite() {
        return suite;
    }

    private void nonce(long seq) {
        System.arraycopy(iv, 0, nonce, 0, 12);
        for (int i = 0; i < 8; i++) {
            nonce[11 - i] ^= (byte) (seq >>> (8 * i));
        }
    }

    private java.security.spec.AlgorithmParameterSpec spec() {
        return suite.isChaCha() ? new IvParameterSpec(nonce) : new GCMParameterSpec(TAG_LENGTH * 8, nonce);
    }

    /** Encrypts {@code plain} with the 64-bit record sequence number; returns ciphertext || tag. */
    public byte[] seal(long seq, byte[] aad, byte[] plain, int off, int len) {
        nonce(seq);
        try {
            aead.init(Cipher.ENCRYPT_MODE, key, spec());
            aead.updateAAD(aad);
            return aead.doFinal(plain, off, len);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AEAD encryption failed", e);
        }
    }

    /** Decrypts and authenticates; null if the tag does not verify. */
    public byte[] open(long seq, byte[] aad, byte[] ct, int off, int len) {
        if (len < TAG_LENGTH) {
            return null;
        }
        nonce(seq);
        try {
            aead.init(Cipher.DECRYPT_MODE, key, spec());
            aead.updateAAD(aad);
            return aead.doFinal(ct, off, len);
        } catch (AEADBadTagException e) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AEAD decryption failed", e);
        }
    }

    /**
     * The record number mask from the first 16 ciphertext bytes (RFC 9147 §4.2.3): AES-ECB of the
     * sample, or the ChaCha20 block with counter = sample[0..3] (little-endian, as QUIC RFC 9001
     * §5.4.4) and nonce = sample[4..15]. Needs 16 bytes at {@code off}.
     */
    public void mask(byte[] ct, int off, byte[] out16) {
        if (snAes != null) {
            snAes.processBlock(ct, off, out16, 0);
            return;
        }
        int[] in = new int[16];
        System.arraycopy(CHACHA_SIGMA, 0, in, 0, 4);
        System.arraycopy(snChachaKey, 0, in, 4, 8);
        for (int i = 0; i < 4; i++) {
            in[12 + i] = le32(ct, off + 4 * i);
        }
        int[] x = new int[16];
        ChaChaEngine.chachaCore(20, in, x);
        for (int i = 0; i < 4; i++) {
            int w = x[i];
            out16[4 * i] = (byte) w;
            out16[4 * i + 1] = (byte) (w >>> 8);
            out16[4 * i + 2] = (byte) (w >>> 16);
            out16[4 * i + 3] = (byte) (w >>> 24);
        }
    }

    private static int le32(byte[] b, int off) {
        return b[off] & 0xFF | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF) << 16 | (b[off + 3] & 0xFF) << 24;
    }
}
