package org.jwebrtc.srtp.internal;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * HMAC-SHA1 (RFC 2104) over a reused {@link MessageDigest}. {@code javax.crypto.Mac.doFinal(byte[], int)}
 * allocates the MAC array on every call; here the inner hash goes to a preallocated scratch so a packet
 * costs no allocation. The work is the same as the JDK's HmacCore (ipad and opad rehashed per message).
 */
public final class HmacSha1 {
    public static final int LENGTH = 20;
    private static final int BLOCK = 64;

    private final MessageDigest md;
    private final byte[] ipad = new byte[BLOCK];
    private final byte[] opad = new byte[BLOCK];
    private final byte[] inner = new byte[LENGTH];

    public HmacSha1(byte[] key) {
        try {
            md = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 unavailable", e);
        }
        byte[] k = key.length > BLOCK ? md.digest(key) : key;
        for (int i = 0; i < BLOCK; i++) {
            byte kb = i < k.length ? k[i] : 0;
            ipad[i] = (byte) (kb ^ 0x36);
            opad[i] = (byte) (kb ^ 0x5c);
        }
        md.reset();
    }

    public void start() {
        md.reset();
        md.update(ipad);
    }

    public void update(byte[] b, int off, int len) {
        md.update(b, off, len);
    }

    /** Writes the full 20-byte MAC to {@code out[off..+20)}. */
    public void finish(byte[] out, int off) {
        try {
            md.digest(inner, 0, LENGTH);
            md.update(opad);
            md.update(inner);
            md.digest(out, off, LENGTH);
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-1 digest into a 20-byte slot failed", e);
        }
    }
}
