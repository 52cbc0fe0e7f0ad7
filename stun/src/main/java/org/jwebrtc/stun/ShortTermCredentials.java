package org.jwebrtc.stun;

/**
 * Looks up the short-term key (RFC 8489 §9.1.1: OpaqueString(password) in UTF-8) for a USERNAME.
 * For ICE (RFC 8445 §7.3) the username is "localUfrag:remoteUfrag" and the key is the local
 * password.
 */
@FunctionalInterface
public interface ShortTermCredentials {
    /** The key, or null when the username is unknown (401). */
    byte[] keyFor(String username);
}
