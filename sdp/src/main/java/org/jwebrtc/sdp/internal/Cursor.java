package org.jwebrtc.sdp.internal;

import org.jwebrtc.sdp.SdpException;

/**
 * Reads one line of SDP text in place (indices into the whole input, no copies until a value is
 * taken). Every failure names the line, the column and what was expected. Not thread-safe.
 */
public final class Cursor {
    String s;
    int pos;
    int end;
    int line;
    int lineStart;
    boolean strict;

    void reset(String text, int start, int stop, int lineNo, int startOfLine, boolean strictMode) {
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
        int i = s.indexOf(c, pos);
        return i >= 0 && i < end ? i : -1;
    }

    void end() throws SdpException {
        if (pos < end) {
            throw fail("end of line");
        }
    }

    /** A non-empty run up to the next space. */
    String word(String what) throws SdpException {
        int start = pos;
        int p = pos;
        char ch = ' ';
        // stop at any char <= ' ' so a control char is seen here, not only in a record's check
        while (p < end && (ch = s.charAt(p)) > ' ') {
            p++;
        }
        if (p < end && ch != ' ') {
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
        int start = pos;
        int p = pos;
        char ch = ' ';
        while (p < end && (ch = s.charAt(p)) > ' ' && ch != stop) {
            p++;
        }
        if (p < end && ch != ' ' && ch != stop) {
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
        while (p < end && (ch = s.charAt(p)) != ' ' && ch != stop) {
            p++;
        }
        return p;
    }

    /** Whether the rest up to the next space equals {@code lit}; consumes it if so. */
    boolean tryWord(String lit) {
        int n = lit.length();
        if (pos + n <= end && s.startsWith(lit, pos) && (pos + n == end || s.charAt(pos + n) == ' ')) {
            pos += n;
            return true;
        }
        return false;
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
        if (pos >= end || s.charAt(pos) != ' ') {
            throw fail("space");
        }
        pos++;
        skipExtraSpaces();
    }

    /** Consumes a separator space if one follows (and something follows it). */
    boolean trySpace() throws SdpException {
        if (pos < end && s.charAt(pos) == ' ') {
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
        if (pos < end && s.charAt(pos) == ' ') {
            if (strict) {
                throw fail("a single space");
            }
            while (pos < end && s.charAt(pos) == ' ') {
                pos++;
            }
        }
    }

    boolean tryChar(char c) {
        if (pos < end && s.charAt(pos) == c) {
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
        int start = pos;
        int p = pos;
        long v = 0;
        while (p < end) {
            char c = s.charAt(p);
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
