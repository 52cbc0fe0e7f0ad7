package org.jwebrtc.turn;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-limited TURN credentials from a shared secret ("TURN REST API",
 * draft-uberti-behave-turn-rest-00 §2.2; coturn's {@code use-auth-secret}): username
 * {@code expiry:user} with the expiry in Unix seconds, password =
 * base64(HMAC-SHA1(secret, username)).
 */
public final class TurnRestCredentials {
    private TurnRestCredentials() {}

    public static String username(long expiryUnixSeconds, String user) {
        return expiryUnixSeconds + ":" + user;
    }

    public static String password(String secret, String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new AssertionError("every JDK has HmacSHA1", e);
        }
    }

    /** The expiry of a REST username: the decimal before the first ':' (or the whole name), if it is one. */
    public static OptionalLong expiry(String username) {
        int colon = username.indexOf(':');
        String digits = colon < 0 ? username : username.substring(0, colon);
        if (digits.isEmpty() || digits.length() > 18) {
            return OptionalLong.empty();
        }
        long v = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return OptionalLong.empty();
            }
            v = v * 10 + (c - '0');
        }
        return OptionalLong.of(v);
    }
}
