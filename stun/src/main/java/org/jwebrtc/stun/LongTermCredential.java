package org.jwebrtc.stun;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Keys for the long-term (RFC 8489 §9.2.2) and short-term (§9.1.1) credential mechanisms and the
 * USERHASH (§14.4). Key derivation allocates; derive once per credential and keep the key.
 */
public final class LongTermCredential {
    private LongTermCredential() {}

    /**
     * key = H(username ":" profile(realm) ":" profile(password)), H = MD5 (16 bytes) for
     * {@link PasswordAlgorithm#MD5} or SHA-256 (32 bytes) for {@link PasswordAlgorithm#SHA256}
     * (RFC 8489 §9.2.2, §18.5). The username is used as it appears in USERNAME (already
     * processed, §9.2.2).
     */
    public static byte[] key(int passwordAlgorithm, String username, String realm, String password,
                             PasswordProfile profile) {
        String digest;
        switch (passwordAlgorithm) {
            case PasswordAlgorithm.MD5: digest = "MD5"; break;
            case PasswordAlgorithm.SHA256: digest = "SHA-256"; break;
            default: throw new IllegalArgumentException("unknown password algorithm " + passwordAlgorithm);
        }
        String s = username + ":" + profile.prepare(realm) + ":" + profile.prepare(password);
        return digest(digest, s);
    }

    /** MD5 key with OpaqueString, the RFC 8489 default. */
    public static byte[] key(String username, String realm, String password) {
        return key(PasswordAlgorithm.MD5, username, realm, password, PasswordProfile.OPAQUE_STRING);
    }

    /** Short-term key = OpaqueString(password) in UTF-8 (RFC 8489 §9.1.1). */
    public static byte[] shortTermKey(String password) {
        return PasswordProfile.OPAQUE_STRING.prepare(password).getBytes(StandardCharsets.UTF_8);
    }

    /** userhash = SHA-256(OpaqueString(username) ":" OpaqueString(realm)) (RFC 8489 §14.4). */
    public static Userhash userhash(String username, String realm) {
        PasswordProfile p = PasswordProfile.OPAQUE_STRING;
        return new Userhash(digest("SHA-256", p.prepare(username) + ":" + p.prepare(realm)));
    }

    private static byte[] digest(String algorithm, String s) {
        try {
            return MessageDigest.getInstance(algorithm).digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JDK has " + algorithm, e);
        }
    }
}
