package org.jwebrtc.dtls.internal.dtls13;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.ChaChaEngine;
import org.bouncycastle.crypto.modes.AEADCipher;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.BlockCipher;

/**
 * The keys of one epoch in one direction (RFC 9147 §4, RFC 8446 §7.3): AEAD key and IV for
 * payload protection with the per-record nonce (RFC 8446 §5.3), and sn_key for record number
 * encryption (RFC 9147 §4.2.3). Not thread-safe.
 */
public final class RecordProtection {
    public static final int TAG_LENGTH = 16;
    private static final int[] CHACHA_SIGMA = {0x61707865, 0x3320646e, 0x79622d32, 0x6b206574};

    private final CipherSuite suite;
    private final long epoch;
    private final KeyParameter key;
    private final byte[] iv;
    private final AEADCipher aead;
    private final BlockCipher snAes;
    private final int[] snChachaKey;
    private final byte[] nonce = new byte[12];
    /** BC re-keys (GCM: rebuilds its GHASH tables) when given a key; after the first init we pass null. */
    private boolean keyed;

    public RecordProtection(CipherSuite suite, long epoch, byte[] key, byte[] iv, byte[] snKey) {
        this.suite = suite;
        this.epoch = epoch;
        this.key = new KeyParameter(key);
        this.iv = iv.clone();
        if (suite.isChaCha()) {
            aead = new ChaCha20Poly1305();
            snAes = null;
            snChachaKey = new int[8];
            for (int i = 0; i < 8; i++) {
                snChachaKey[i] = le32(snKey, 4 * i);
            }
        } else {
            aead = GCMBlockCipher.newInstance(AESEngine.newInstance());
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

    /** Encrypts {@code plain} with the 64-bit record sequence number; returns ciphertext || tag. */
    public byte[] seal(long seq, byte[] aad, byte[] plain, int off, int len) {
        nonce(seq);
        aead.init(true, new AEADParameters(keyOnce(), TAG_LENGTH * 8, nonce.clone(), aad));
        byte[] out = new byte[len + TAG_LENGTH];
        int n = aead.processBytes(plain, off, len, out, 0);
        try {
            aead.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new AssertionError("encryption cannot fail authentication", e);
        }
        return out;
    }

    private KeyParameter keyOnce() {
        if (keyed) {
            return null;
        }
        keyed = true;
        return key;
    }

    /** Decrypts and authenticates; null if the tag does not verify. */
    public byte[] open(long seq, byte[] aad, byte[] ct, int off, int len) {
        if (len < TAG_LENGTH) {
            return null;
        }
        nonce(seq);
        aead.init(false, new AEADParameters(keyOnce(), TAG_LENGTH * 8, nonce.clone(), aad));
        byte[] out = new byte[len - TAG_LENGTH];
        try {
            int n = aead.processBytes(ct, off, len, out, 0);
            aead.doFinal(out, n);
            return out;
        } catch (InvalidCipherTextException | IllegalStateException e) {
            return null;
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
