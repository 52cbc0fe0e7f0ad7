package org.jwebrtc.stun;

import java.util.Base64;
import java.util.Optional;

/**
 * The "nonce cookie" (RFC 8489 §9.2): a NONCE that starts with {@code obMatJos2} plus 4 base64
 * characters of the 24-bit STUN Security Feature set (§18.1; bit 0 is the most significant bit)
 * tells the client the server implements RFC 8489 and which bid-down-protected features it uses.
 */
public record NonceCookie(int features) {
    public static final String PREFIX = "obMatJos2";
    /** The complete cookie: prefix + 4 base64 characters. */
    public static final int LENGTH = 13;
    /** Security Feature bit 0: Password algorithms. */
    public static final int PASSWORD_ALGORITHMS = 1 << 23;
    /** Security Feature bit 1: Username anonymity. */
    public static final int USERNAME_ANONYMITY = 1 << 22;

    public NonceCookie {
        if ((features & ~0xFFFFFF) != 0) {
            throw new IllegalArgumentException("security features are 24 bits");
        }
    }

    public boolean passwordAlgorithms() {
        return (features & PASSWORD_ALGORITHMS) != 0;
    }

    public boolean usernameAnonymity() {
        return (features & USERNAME_ANONYMITY) != 0;
    }

    /** The 13-character cookie. */
    public String encode() {
        byte[] b = {(byte) (features >>> 16), (byte) (features >>> 8), (byte) features};
        return PREFIX + Base64.getEncoder().encodeToString(b);
    }

    /** A nonce value: cookie followed by {@code opaque}. */
    public Nonce nonce(String opaque) {
        return new Nonce(encode() + opaque);
    }

    /** The cookie at the start of {@code nonce}, if it has one with valid base64. */
    public static Optional<NonceCookie> of(String nonce) {
        if (nonce.length() < LENGTH || !nonce.startsWith(PREFIX)) {
            return Optional.empty();
        }
        byte[] b;
        try {
            b = Base64.getDecoder().decode(nonce.substring(PREFIX.length(), LENGTH));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (b.length != 3) {
            return Optional.empty();
        }
        return Optional.of(new NonceCookie(((b[0] & 0xFF) << 16) | ((b[1] & 0xFF) << 8) | (b[2] & 0xFF)));
    }

    public static Optional<NonceCookie> of(Nonce nonce) {
        return of(nonce.value());
    }
}
