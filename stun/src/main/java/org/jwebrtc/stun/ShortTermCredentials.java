package org.jwebrtc.stun;

import java.nio.charset.StandardCharsets;

/**
 * Looks up the short-term key (RFC 8489 §9.1.1: OpaqueString(password) in UTF-8) for a USERNAME.
 * For ICE (RFC 8445 §7.3) the username is "localUfrag:remoteUfrag" and the key is the local
 * password.
 */
@FunctionalInterface
public interface ShortTermCredentials {
    /** The key, or null when the username is unknown (401). */
    byte[] keyFor(String username);

    /**
     * The same lookup on the raw USERNAME bytes in the request buffer; override it (comparing
     * bytes) to keep the responder allocation-free. The default decodes and calls
     * {@link #keyFor(String)}.
     */
    default byte[] keyFor(byte[] utf8, int off, int len) {
        return keyFor(new String(utf8, off, len, StandardCharsets.UTF_8));
    }
}
