package org.jwebrtc.stun.internal;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * HMAC (RFC 2104) on a reused {@link MessageDigest}. Why not {@code javax.crypto.Mac}:
 * {@code Mac.doFinal(byte[], int)} allocates its result array on every call, and the STUN check
 * path must allocate nothing. The key pads are recomputed only when the key changes.
 * Not thread-safe: one per thread or per view.
 */
public final class Hmac {
    private static final int BLOCK = 64; // SHA-1 and SHA-256 both use 64-byte blocks
    private final MessageDigest md;
    private final int macLength;
    private final byte[] ipad = new byte[BLOCK];
    private final byte[] opad = new byte[BLOCK];
    private final byte[] inner;
    private final byte[] mac;
    private byte[] key;

    private Hmac(String digest, int macLength) {
        try {
            this.md = MessageDigest.getInstance(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JDK has " + digest, e);
        }
        this.macLength = macLength;
        this.inner = new byte[macLength];
        this.mac = new byte[macLength];
    }

    public static Hmac sha1() {
        return new Hmac("SHA-1", 20);
    }

    public static Hmac sha256() {
        return new Hmac("SHA-256", 32);
    }

    public int macLength() {
        return macLength;
    }

    /** Sets the key; a no-op when it equals the current one. */
    public void init(byte[] newKey) {
        if (key != null && Arrays.equals(key, newKey)) {
            return;
        }
        byte[] k = newKey;
        if (k.length > BLOCK) { // RFC 2104 §2: long keys are hashed first
            k = md.digest(k);
        }
        Arrays.fill(ipad, (byte) 0x36);
        Arrays.fill(opad, (byte) 0x5c);
        for (int i = 0; i < k.length; i++) {
            ipad[i] ^= k[i];
            opad[i] ^= k[i];
        }
        key = newKey.clone();
    }

    public void start() {
        if (key == null) {
            throw new IllegalStateException("no key");
        }
        md.reset();
        md.update(ipad);
    }

    public void update(byte[] b, int off, int len) {
        md.update(b, off, len);
    }

    /** Finishes and returns the internal result array (valid until the next call). */
    public byte[] finish() {
        try {
            md.digest(inner, 0, macLength);
            md.update(opad);
            md.update(inner);
            md.digest(mac, 0, macLength);
        } catch (DigestException e) {
            throw new AssertionError("digest buffer is the digest length", e);
        }
        return mac;
    }
}
