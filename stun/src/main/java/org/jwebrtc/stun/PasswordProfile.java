package org.jwebrtc.stun;

import java.text.Normalizer;

/**
 * String preparation for usernames, realms and passwords before they are hashed into keys.
 * RFC 8489 uses the PRECIS OpaqueString profile (RFC 8265 §4.2); RFC 5389 peers (and the RFC 5769
 * §2.4 vector) used SASLprep (RFC 4013). Both are identical for ASCII input.
 */
public enum PasswordProfile {
    /**
     * RFC 8265 §4.2.2: non-ASCII spaces → U+0020, then NFC; no case or width mapping. Control
     * characters are disallowed (IllegalArgumentException).
     */
    OPAQUE_STRING {
        @Override
        public String prepare(String s) {
            StringBuilder sb = new StringBuilder(s.length());
            s.codePoints().forEach(cp -> {
                checkAllowed(cp);
                sb.appendCodePoint(isNonAsciiSpace(cp) ? ' ' : cp);
            });
            String out = Normalizer.normalize(sb, Normalizer.Form.NFC);
            if (out.isEmpty()) {
                throw new IllegalArgumentException("OpaqueString must not be empty (RFC 8265 §4.2.2)");
            }
            return out;
        }
    },
    /**
     * RFC 4013 §2: "commonly mapped to nothing" (RFC 3454 B.1, e.g. U+00AD soft hyphen) removed,
     * non-ASCII spaces → U+0020, then NFKC. Prohibited output (controls) rejected. This maps
     * {@code The\u00ADM\u00AAtr\u2168} to {@code TheMatrIX} (RFC 5769 §2.4).
     */
    SASLPREP {
        @Override
        public String prepare(String s) {
            StringBuilder sb = new StringBuilder(s.length());
            s.codePoints().forEach(cp -> {
                if (isMappedToNothing(cp)) {
                    return;
                }
                sb.appendCodePoint(isNonAsciiSpace(cp) ? ' ' : cp);
            });
            String out = Normalizer.normalize(sb, Normalizer.Form.NFKC);
            out.codePoints().forEach(PasswordProfile::checkAllowed);
            return out;
        }
    };

    /** Prepares {@code s}; IllegalArgumentException for disallowed code points. */
    public abstract String prepare(String s);

    /** RFC 3454 table B.1. */
    static boolean isMappedToNothing(int cp) {
        return cp == 0x00AD || cp == 0x034F || cp == 0x1806 || (cp >= 0x180B && cp <= 0x180D)
                || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || (cp >= 0xFE00 && cp <= 0xFE0F)
                || cp == 0xFEFF;
    }

    /** RFC 3454 C.1.2 / Unicode Zs other than U+0020. */
    static boolean isNonAsciiSpace(int cp) {
        return cp != ' ' && Character.getType(cp) == Character.SPACE_SEPARATOR;
    }

    /** Controls (RFC 3454 C.2, RFC 8264 §9.12) and unassigned/surrogate code points are refused. */
    static void checkAllowed(int cp) {
        int t = Character.getType(cp);
        if (t == Character.CONTROL || t == Character.SURROGATE || t == Character.UNASSIGNED
                || t == Character.PRIVATE_USE) {
            throw new IllegalArgumentException(String.format("code point U+%04X is not allowed", cp));
        }
    }
}
