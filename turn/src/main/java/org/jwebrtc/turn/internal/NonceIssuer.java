package org.jwebrtc.turn.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stateless nonces with an expiry (RFC 8489 §9.2.2, §9.2.4: the server decides when a nonce is
 * stale and answers 438): 16 hex digits of the expiry deadline (the caller's monotonic nanos) and
 * 16 hex digits of an HMAC-SHA1 over it under a per-server secret, so nothing is stored per client.
 * Not thread-safe.
 */
public final class NonceIssuer {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private final Mac mac;
    private final long lifetimeNanos;
    private final byte[] scratch = new byte[8];

    public NonceIssuer(byte[] secret, long lifetimeNanos) {
        try {
            mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
        } catch (GeneralSecurityException e) {
            throw new AssertionError("every JDK has HmacSHA1", e);
        }
        this.lifetimeNanos = lifetimeNanos;
    }

    public String issue(long nowNanos) {
        long expiry = nowNanos + lifetimeNanos;
        return hex(expiry) + hex(tag(expiry));
    }

    /** True when {@code nonce} is one of ours and not expired. */
    public boolean isValid(String nonce, long nowNanos) {
        if (nonce.length() != 32) {
            return false;
        }
        long expiry = 0;
        long tag = 0;
        for (int i = 0; i < 32; i++) {
            int d = Character.digit(nonce.charAt(i), 16);
            if (d < 0 || Character.isUpperCase(nonce.charAt(i))) {
                return false;
            }
            if (i < 16) {
                expiry = (expiry << 4) | d;
            } else {
                tag = (tag << 4) | d;
            }
        }
        byte[] want = hex(tag(expiry)).getBytes(StandardCharsets.US_ASCII);
        byte[] got = nonce.substring(16).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(want, got) && expiry - nowNanos > 0;
    }

    private long tag(long expiry) {
        for (int i = 0; i < 8; i++) {
            scratch[i] = (byte) (expiry >>> (56 - 8 * i));
        }
        byte[] h = mac.doFinal(scratch);
        long t = 0;
        for (int i = 0; i < 8; i++) {
            t = (t << 8) | (h[i] & 0xFF);
        }
        return t;
    }

    private static String hex(long v) {
        char[] c = new char[16];
        for (int i = 15; i >= 0; i--) {
            c[i] = HEX[(int) (v & 0xF)];
            v >>>= 4;
        }
        return new String(c);
    }
}
