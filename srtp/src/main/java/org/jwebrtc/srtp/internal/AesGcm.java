package org.jwebrtc.srtp.internal;

/**
 * AES-GCM with a 96-bit IV and 128-bit tag (NIST SP 800-38D) from {@link AesCounterMode} and
 * {@link Ghash}, in place and allocation-free. {@code javax.crypto}'s AES/GCM needs a new
 * {@code GCMParameterSpec} and new engine objects per {@code init} (about 1.1 KB per packet, measured)
 * and throws a stack-walking {@code AEADBadTagException} per forged packet; this does neither.
 * Open verifies the tag before decrypting a byte. Not thread-safe.
 */
public final class AesGcm {
    public static final int TAG = 16;

    private final AesCounterMode ctr;
    private final Ghash ghash;
    private final byte[] counter = new byte[16];
    private final byte[] tag = new byte[16];
    private final byte[] ekj0 = new byte[16];
    private long aadLen;

    /** {@code wideTables}: 64 KiB GHASH tables for speed, else 8 KiB (see {@link Ghash}). */
    public AesGcm(byte[] key, boolean wideTables) {
        this.ctr = new AesCounterMode(key);
        byte[] h = new byte[16];
        ctr.encryptBlock(h, 0); // H = E(K, 0^128)
        this.ghash = new Ghash(h, wideTables);
    }

    /** Starts a message with the 12-byte {@code iv[ivOff..]}. */
    public void start(byte[] iv, int ivOff) {
        System.arraycopy(iv, ivOff, counter, 0, 12);
        Bytes.putI32(counter, 12, 1); // J0 = IV || 0^31 || 1
        System.arraycopy(counter, 0, ekj0, 0, 16);
        ctr.encryptBlock(ekj0, 0);
        Bytes.putI32(counter, 12, 2); // the payload keystream starts at inc32(J0)
        ghash.reset();
        aadLen = 0;
    }

    public void aad(byte[] b, int off, int len) {
        ghash.update(b, off, len);
        aadLen += len;
    }

    /** Encrypts {@code b[off..+len)} in place and writes the tag at {@code b[off + len..+16)}. */
    public void seal(byte[] b, int off, int len) {
        ghash.padSection();
        ctr.xorKeystream(counter, b, off, len);
        ghash.update(b, off, len);
        ghash.finish(aadLen, len, tag, 0);
        Bytes.xor(ekj0, 0, tag, 0, 16);
        System.arraycopy(tag, 0, b, off + len, TAG);
    }

    /**
     * Verifies the tag at {@code b[off + len - 16..]} over AAD and ciphertext {@code b[off..+len-16)}
     * in constant time, then decrypts in place. Returns false (buffer untouched) when it does not verify.
     */
    public boolean open(byte[] b, int off, int len) {
        int ctLen = len - TAG;
        ghash.padSection();
        ghash.update(b, off, ctLen);
        ghash.finish(aadLen, ctLen, tag, 0);
        Bytes.xor(ekj0, 0, tag, 0, 16);
        if (!Bytes.constantTimeEquals(tag, 0, b, off + ctLen, TAG)) {
            return false;
        }
        ctr.xorKeystream(counter, b, off, ctLen);
        return true;
    }
}
