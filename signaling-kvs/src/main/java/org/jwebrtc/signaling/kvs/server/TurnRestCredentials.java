package org.jwebrtc.signaling.kvs.server;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.jwebrtc.signaling.kvs.IceServer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-limited TURN credentials in the "TURN REST API" style that coturn's {@code use-auth-secret} checks and
 * KVS hands out: username {@code <expiry-epoch-seconds>:<user>}, password base64(HMAC-SHA1(secret, username)).
 */
public final class TurnRestCredentials {
    private TurnRestCredentials() {}

    public static IceServer issue(List<String> uris, String sharedSecret, String user, Instant now, Duration ttl) {
        String username = (now.getEpochSecond() + ttl.toSeconds()) + ":" + user;
        return new IceServer(uris, username, password(sharedSecret, username), (int) ttl.toSeconds());
    }

    public static String password(String sharedSecret, String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(sharedSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 missing from the JDK", e);
        }
    }
}
