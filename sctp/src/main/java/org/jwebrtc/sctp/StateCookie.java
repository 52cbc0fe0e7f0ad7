package org.jwebrtc.sctp;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * State Cookie (RFC 9260 §5.1.3): everything needed to build the association from a COOKIE ECHO, so the
 * listener keeps no state per INIT. Authenticated with HMAC-SHA256 under a per-association secret; carries its
 * creation time for the Valid.Cookie.Life check (§5.1.5).
 */
record StateCookie(int myTag, int peerTag, int myInitialTsn, int peerInitialTsn, int peerRwnd, int peerOutbound,
                   int peerInbound, boolean peerForwardTsn, boolean peerReconfig, long createdNanos) {
    static final int BODY = 33;
    static final int MAC = 32;
    static final int LENGTH = BODY + MAC;

    /** Signer/verifier; one per association, not thread-safe. */
    static final class Signer {
        private final Mac mac;
        private final byte[] scratch = new byte[MAC];

        Signer(byte[] secret) {
            try {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            } catch (GeneralSecurityException e) {
                throw new AssertionError("HmacSHA256 is a required JDK algorithm", e);
            }
        }

        byte[] sign(StateCookie c) {
            byte[] b = new byte[LENGTH];
            Bytes.put32(b, 0, c.myTag);
            Bytes.put32(b, 4, c.peerTag);
            Bytes.put32(b, 8, c.myInitialTsn);
            Bytes.put32(b, 12, c.peerInitialTsn);
            Bytes.put32(b, 16, c.peerRwnd);
            Bytes.put16(b, 20, c.peerOutbound);
            Bytes.put16(b, 22, c.peerInbound);
            b[24] = (byte) ((c.peerForwardTsn ? 1 : 0) | (c.peerReconfig ? 2 : 0));
            Bytes.put32(b, 25, c.createdNanos >>> 32);
            Bytes.put32(b, 29, c.createdNanos);
            mac.update(b, 0, BODY);
            try {
                mac.doFinal(b, BODY);
            } catch (GeneralSecurityException e) {
                throw new AssertionError("cookie buffer sized for the MAC", e);
            }
            return b;
        }

        /** Returns the cookie, or null when its length or MAC is wrong (constant-time compare). */
        StateCookie verify(byte[] b) {
            if (b.length != LENGTH) {
                return null;
            }
            mac.update(b, 0, BODY);
            try {
                mac.doFinal(scratch, 0);
            } catch (GeneralSecurityException e) {
                throw new AssertionError("scratch sized for the MAC", e);
            }
            byte[] got = java.util.Arrays.copyOfRange(b, BODY, LENGTH);
            if (!MessageDigest.isEqual(scratch, got)) {
                return null;
            }
            long created = (Bytes.u32(b, 25) << 32) | Bytes.u32(b, 29);
            return new StateCookie(Bytes.i32(b, 0), Bytes.i32(b, 4), Bytes.i32(b, 8), Bytes.i32(b, 12),
                    Bytes.i32(b, 16), Bytes.u16(b, 20), Bytes.u16(b, 22), (b[24] & 1) != 0, (b[24] & 2) != 0,
                    created);
        }
    }
}
