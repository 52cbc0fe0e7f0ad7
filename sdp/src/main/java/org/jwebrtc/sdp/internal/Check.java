package org.jwebrtc.sdp.internal;

import java.util.List;

/**
 * Invariants of model values, checked in record constructors so that a written session is
 * always one line per field: no CR, LF or NUL may be smuggled into a value (header injection).
 */
public final class Check {
    private Check() {}

    /** Non-empty, no whitespace, no CR/LF/NUL (RFC 8866 token-ish words: mids, ufrags, names). */
    public static String word(String s, String what) {
        if (s == null || s.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        for (int i = 0, n = s.length(); i < n; i++) {
            if (s.charAt(i) <= ' ') {   // SP, HTAB, CR, LF, NUL and other C0 controls
                throw new IllegalArgumentException(what + " must not contain whitespace or control characters: " + s);
            }
        }
        return s;
    }

    /** Any text of one line: no CR/LF/NUL (RFC 8866 byte-string), no trailing whitespace. */
    public static String text(String s, String what) {
        if (s == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c <= '\r' && (c == '\r' || c == '\n' || c == 0)) {
                throw new IllegalArgumentException(what + " must not contain CR, LF or NUL");
            }
        }
        if (!s.isEmpty() && isSpace(s.charAt(s.length() - 1))) {
            throw new IllegalArgumentException(what + " must not end with whitespace");
        }
        return s;
    }

    /** Like {@link #text} but also non-empty and not starting with whitespace. */
    public static String value(String s, String what) {
        text(s, what);
        if (s.isEmpty() || isSpace(s.charAt(0))) {
            throw new IllegalArgumentException(what + " must not be empty or start with whitespace");
        }
        return s;
    }

    public static int range(int v, int min, int max, String what) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(what + " out of range " + min + ".." + max + ": " + v);
        }
        return v;
    }

    public static long range(long v, long min, long max, String what) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(what + " out of range " + min + ".." + max + ": " + v);
        }
        return v;
    }

    public static <T> List<T> list(List<T> l, String what) {
        if (l == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        return List.copyOf(l);
    }

    public static List<String> words(List<String> l, String what) {
        List<String> copy = list(l, what);
        for (String s : copy) {
            word(s, what);
        }
        return copy;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }
}
