package org.jwebrtc.ice;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Username fragment and password of one agent (RFC 8445 §5.3; RFC 8839 §5.4: ufrag 4..256 and pwd 22..256
 * ice-chars). Short-term credentials: a check's USERNAME is {@code remoteUfrag:localUfrag}, its MESSAGE-INTEGRITY is
 * keyed with the remote password.
 */
public record IceCredentials(String ufrag, String pwd) {
    private static final String ICE_CHARS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    public IceCredentials {
        Objects.requireNonNull(ufrag, "ufrag");
        Objects.requireNonNull(pwd, "pwd");
        if (ufrag.isEmpty() || ufrag.indexOf(':') >= 0) {
            throw new IllegalArgumentException("ufrag must be non-empty and contain no ':'");
        }
        if (pwd.isEmpty()) {
            throw new IllegalArgumentException("pwd must be non-empty");
        }
    }

    /** Fresh credentials: 8 ice-chars of ufrag (48 bits) and 24 of password (144 bits), from the injected random. */
    public static IceCredentials random(RandomGenerator random) {
        return new IceCredentials(randomChars(random, 8), randomChars(random, 24));
    }

    private static String randomChars(RandomGenerator random, int n) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = ICE_CHARS.charAt(random.nextInt(ICE_CHARS.length()));
        }
        return new String(c);
    }

    @Override
    public String toString() {
        return "IceCredentials[ufrag=" + ufrag + ", pwd=<redacted>]";
    }
}
