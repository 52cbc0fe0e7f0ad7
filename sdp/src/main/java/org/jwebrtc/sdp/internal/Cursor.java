package org.jwebrtc.sdp.internal;

import org.jwebrtc.sdp.SdpException;

/**
 * Reads one line of SDP text in place (indices into the whole input, held as a {@code char[]} so
 * the scans are plain array loops; no copies until a value is taken). Every failure names the
 * line, the column and what was expected. Not thread-safe.
 */
public final class Cursor {
    char[] s;
    int pos;
    int end;
    int line;
    int lineStart;
    boolean strict;

    void reset(char[] text, int start, int stop, int lineNo, int startOfLine, boolean strictMode) {
        this.s = text;
        this.pos = start;
        this.end = stop;
        this.line = lineNo;
        this.lineStart = startOfLine;
        this.strict = strictMode;
    }

    SdpException fail(String expected) {
        return new SdpException(line, pos - lineStart + 1, expected);
    }

    boolean atEnd() {
        return pos >= end;
    }

    /** Index of {@code c} in the rest of the line, or -1. */
    int indexOf(char c) {
        final char[] b = s;
        for (int i = pos, e = end; i < e; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** {@code s[start, stop)} as a new string. */
    String text(int start, int stop) {
        return new String(s, start, stop - start);
    }

    void end() throws SdpException {
        if (pos < end) {
            throw fail("end of line");
        }
    }

    /** A non-empty run up to the next space. */
    String word(String what) throws SdpException {
        final char[] b = s;
        final int e = end;
        int start = pos;
        int p = pos;
        char ch = ' ';
        // stop at any char <= ' ' so a control char is seen here, not only in a record's check
        while (p < e && (ch = b[p]) > ' ') {
            p++;
        }
        if (p < e && ch != ' ') {
            p = controlInWord(p, ' ');
        }
        pos = p;
        if (pos == start) {
            throw fail(what);
        }
        return Tokens.take(s, start, pos);
    }

    /** A non-empty run up to the next space or {@code stop}. */
    String wordUntil(char stop, String what) throws SdpException {
        final char[] b = s;
        final int e = end;
        int start = pos;
        int p = pos;
        char ch = ' ';
        while (p < e && (ch = b[p]) > ' ' && ch != stop) {
            p++;
        }
        if (p < e && ch != ' ' && ch != stop) {
            p = controlInWord(p, stop);
        }
        pos = p;
        if (pos == start) {
            throw fail(what);
        }
        return Tokens.take(s, start, pos);
    }

    /**
     * A word holding a control char (TAB, ...): the record built from it must judge it, so the
     * parser stops vouching for its values; the word itself still runs to the next space/stop.
     */
    private int controlInWord(int p, char stop) {
        Check.distrust();
        char ch;
        while (p < end && (ch = s[p]) != ' ' && ch != stop) {
            p++;
        }
        return p;
    }

    /** Whether the rest up to the next space equals {@code lit}; consumes it if so. */
    boolean tryWord(String lit) {
        int n = lit.length();
        if (pos + n > end || (pos + n < end && s[pos + n] != ' ')) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (s[pos + i] != lit.charAt(i)) {
                return false;
            }
        }
        pos += n;
        return true;
    }

    /** The rest of the line, non-empty. */
    String rest(String what) throws SdpException {
        if (pos >= end) {
            throw fail(what);
        }
        String r = Tokens.take(s, pos, end);
        pos = end;
        return r;
    }

    /** The rest of the line, non-empty, as an Optional (shared for well-known words). */
    java.util.Optional<String> restOptional(String what) throws SdpException {
        if (pos >= end) {
            throw fail(what);
        }
        java.util.Optional<String> r = Tokens.takeOptional(s, pos, end);
        pos = end;
        return r;
    }

    /** One SP (RFC 8866 grammar); lenient mode also accepts a run of spaces. */
    void space() throws SdpException {
        if (pos >= end || s[pos] != ' ') {
            throw fail("space");
        }
        pos++;
        skipExtraSpaces();
    }

    /** Consumes a separator space if one follows (and something follows it). */
    boolean trySpace() throws SdpException {
        if (pos < end && s[pos] == ' ') {
            pos++;
            skipExtraSpaces();
            if (pos >= end) {
                throw fail("a value after the space");
            }
            return true;
        }
        return false;
    }

    private void skipExtraSpaces() throws SdpException {
        if (pos < end && s[pos] == ' ') {
            if (strict) {
                throw fail("a single space");
            }
            while (pos < end && s[pos] == ' ') {
                pos++;
            }
        }
    }

    boolean tryChar(char c) {
        if (pos < end && s[pos] == c) {
            pos++;
            return true;
        }
        return false;
    }

    void expect(char c) throws SdpException {
        if (!tryChar(c)) {
            throw fail("'" + c + "'");
        }
    }

    /** Decimal digits as an int in [0, max]. */
    int uint(int max, String what) throws SdpException {
        long v = ulong(max, what);
        return (int) v;
    }

    /** Decimal digits (at most 19) as a long in [0, max]. */
    long ulong(long max, String what) throws SdpException {
        final char[] b = s;
        final int e = end;
        int start = pos;
        int p = pos;
        long v = 0;
        while (p < e) {
            char c = b[p];
            if (c < '0' || c > '9') {
                break;
            }
            if (p - start >= 18 && v > (Long.MAX_VALUE - (c - '0')) / 10) {
                throw fail(what + " (at most " + max + ")");
            }
            v = v * 10 + (c - '0');
            p++;
        }
        pos = p;
        if (pos == start) {
            throw fail(what);
        }
        if (v > max) {
            pos = start;
            throw fail(what + " (at most " + max + ")");
        }
        return v;
    }

    /** Converts a model invariant violation found while building a value into a positioned error. */
    SdpException invalid(IllegalArgumentException e) {
        return fail("a valid value (" + e.getMessage() + ")");
    }
}
