package org.jwebrtc.sdp.internal;

import java.util.List;

/**
 * Invariants of model values, checked in record constructors so that a written session is
 * always one line per field: no CR, LF or NUL may be smuggled into a value (header injection).
 */
public final class Check {
    private Check() {}

    // The checks run in every record constructor (the parser builds ~150 per browser offer): the
    // fast paths are kept small so the JIT inlines them, and messages are built out of line.

    // The thread now running SdpParser over input whose cut-out strings it has vetted itself, or
    // null. While it is set, the string scans below (word/text/value) return at once on that
    // thread: the parser's own scan already proved them (Cursor stops words at any char <= ' ',
    // lines carry no CR/LF/NUL and no trailing whitespace) and calls distrust() on anything that
    // would fail, so records get the same verdicts with one pass over the text instead of two.
    // Plain static, deliberately not volatile: a thread can only ever read its own reference
    // back if it wrote it itself (nobody else writes it), and it clears it in a finally before
    // returning to its caller, so no other thread and no later code of this one is ever trusted.
    // Concurrent parsers overwrite each other's mark, which only sends them back to the checks.
    private static Thread vetting;

    static void trustCurrentThread() {
        vetting = Thread.currentThread();
    }

    /** Ends the trust of the current thread (end of a parse, or input the parser did not vet). */
    static void distrust() {
        if (vetting == Thread.currentThread()) {
            vetting = null;
        }
    }

    private static boolean vetted() {
        return vetting == Thread.currentThread();
    }

    /** Non-empty, no whitespace, no CR/LF/NUL (RFC 8866 token-ish words: mids, ufrags, names). */
    public static String word(String s, String what) {
        if (s != null && !s.isEmpty() && vetted()) {
            return s;
        }
        if (s == null || s.isEmpty() || hasSpaceOrControl(s)) {
            throw badWord(s, what);
        }
        return s;
    }

    private static boolean hasSpaceOrControl(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (s.charAt(i) <= ' ') {   // SP, HTAB, CR, LF, NUL and other C0 controls
                return true;
            }
        }
        return false;
    }

    private static IllegalArgumentException badWord(String s, String what) {
        if (s == null || s.isEmpty()) {
            return new IllegalArgumentException(what + " must not be empty");
        }
        return new IllegalArgumentException(what + " must not contain whitespace or control characters: " + s);
    }

    /** Any text of one line: no CR/LF/NUL (RFC 8866 byte-string), no trailing whitespace. */
    public static String text(String s, String what) {
        if (s != null && vetted()) {
            return s;
        }
        if (s == null || hasLineBreak(s) || (!s.isEmpty() && isSpace(s.charAt(s.length() - 1)))) {
            throw badText(s, what);
        }
        return s;
    }

    private static boolean hasLineBreak(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c <= '\r' && (c == '\r' || c == '\n' || c == 0)) {
                return true;
            }
        }
        return false;
    }

    private static IllegalArgumentException badText(String s, String what) {
        if (s == null) {
            return new IllegalArgumentException(what + " must not be null");
        }
        if (hasLineBreak(s)) {
            return new IllegalArgumentException(what + " must not contain CR, LF or NUL");
        }
        return new IllegalArgumentException(what + " must not end with whitespace");
    }

    /** Like {@link #text} but also non-empty and not starting with whitespace. */
    public static String value(String s, String what) {
        if (s != null && !s.isEmpty() && !isSpace(s.charAt(0)) && vetted()) {
            return s;
        }
        text(s, what);
        if (s.isEmpty() || isSpace(s.charAt(0))) {
            throw badValue(what);
        }
        return s;
    }

    private static IllegalArgumentException badValue(String what) {
        return new IllegalArgumentException(what + " must not be empty or start with whitespace");
    }

    public static int range(int v, int min, int max, String what) {
        if (v < min || v > max) {
            throw outOfRange(v, min, max, what);
        }
        return v;
    }

    public static long range(long v, long min, long max, String what) {
        if (v < min || v > max) {
            throw outOfRange(v, min, max, what);
        }
        return v;
    }

    private static IllegalArgumentException outOfRange(long v, long min, long max, String what) {
        return new IllegalArgumentException(what + " out of range " + min + ".." + max + ": " + v);
    }

    public static <T> List<T> list(List<T> l, String what) {
        if (l == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        if (l instanceof FrozenList) {   // already an unmodifiable private copy
            return l;
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
