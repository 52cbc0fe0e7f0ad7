package org.jwebrtc.sdp.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jwebrtc.sdp.Attribute;
import org.jwebrtc.sdp.Bandwidth;
import org.jwebrtc.sdp.Connection;
import org.jwebrtc.sdp.MediaDescription;
import org.jwebrtc.sdp.Origin;
import org.jwebrtc.sdp.SdpException;
import org.jwebrtc.sdp.SessionDescription;
import org.jwebrtc.sdp.Timing;
import org.jwebrtc.sdp.UnknownLine;

/**
 * RFC 8866 §9 session-description grammar, line by line. One pass, no regular expressions, no
 * {@code split}: values are cut out of the input with {@code substring} only when kept.
 */
public final class SdpParser {
    // Rank of each type letter in RFC 8866 §5 order; strict mode requires non-decreasing ranks.
    private static final int[] SESSION_RANK = ranks("vosiuepcbtzka");
    private static final int[] MEDIA_RANK = ranks("micbka");

    private static int[] ranks(String order) {
        int[] r = new int[128];
        java.util.Arrays.fill(r, -1);
        for (int i = 0; i < order.length(); i++) {
            r[order.charAt(i)] = i;
        }
        return r;
    }

    private final Cursor c = new Cursor();
    private final boolean strict;
    private final String text;

    // session-level state
    private int version = -1;
    private Origin origin;
    private String sessionName;
    private String information;
    private String uri;
    private final List<String> emails = new ArrayList<>(0);
    private final List<String> phones = new ArrayList<>(0);
    private Connection connection;
    private final List<Bandwidth> bandwidths = new ArrayList<>(0);
    private final List<long[]> times = new ArrayList<>(1);
    private final List<List<String>> repeats = new ArrayList<>(1);
    private String timeZones;
    private String key;
    private final List<Attribute> attributes = new ArrayList<>(8);
    private final List<MediaDescription> media = new ArrayList<>(4);

    // current media section; its two big lists are scratch space reused for every section, so
    // only one exact-size immutable copy per section is allocated
    private final List<String> scratchFormats = new ArrayList<>(32);
    private final List<Attribute> scratchAttributes = new ArrayList<>(128);
    private MediaLine m;
    private int rank;
    private char lastType;

    private SdpParser(String text, boolean strict) {
        this.text = text;
        this.strict = strict;
    }

    public static SessionDescription parse(String text, boolean strict) throws SdpException {
        if (text == null) {
            throw new SdpException(1, 1, "SDP text (got null)");
        }
        SdpParser p = new SdpParser(text, strict);
        Check.trustCurrentThread();   // records skip re-scanning what Cursor vetted (see Check)
        try {
            return p.run();
        } catch (IllegalArgumentException e) {
            // a model invariant the line grammar above did not already cover
            throw p.c.invalid(e);
        } finally {
            Check.distrust();
        }
    }

    // The input as chars, so every scan is a plain array loop (String.charAt re-checks the coder and
    // bounds on each call). One buffer per thread is reused: no 2-bytes-per-char copy per parse.
    private static final int KEEP_BUFFER_CHARS = 1 << 16;
    private static final ThreadLocal<char[]> BUFFER = ThreadLocal.withInitial(() -> new char[8192]);

    /** {@code s} in this thread's reused buffer (valid up to {@code s.length()}, until the next call). */
    static char[] chars(String s) {
        int n = s.length();
        char[] b = BUFFER.get();
        if (b.length < n) {
            b = new char[n];
            if (n <= KEEP_BUFFER_CHARS) {
                BUFFER.set(b);
            }
        }
        s.getChars(0, n, b, 0);
        return b;
    }

    private SdpException at(int line, int col, String expected) {
        return new SdpException(line, col, expected);
    }

    private SessionDescription run() throws SdpException {
        final String s = text;
        final int n = s.length();
        final char[] b = chars(s);
        int pos = 0;
        int lineNo = 0;
        int nextCr = s.indexOf('\r');
        int nul = s.indexOf('\0');
        while (pos < n) {
            lineNo++;
            int nl = s.indexOf('\n', pos);
            int lineEnd;
            int next;
            if (nl < 0) {
                lineEnd = n;
                next = n;
            } else {
                next = nl + 1;
                lineEnd = nl;
            }
            if (lineEnd > pos && b[lineEnd - 1] == '\r') {
                lineEnd--;
            } else if (strict) {
                throw at(lineNo, lineEnd - pos + 1, nl < 0 ? "CRLF after the last line" : "CR before LF");
            }
            if (nextCr >= 0 && nextCr < pos) {
                nextCr = s.indexOf('\r', pos);
            }
            if (nextCr >= 0 && nextCr < lineEnd) {
                throw at(lineNo, nextCr - pos + 1, "no CR inside a line");
            }
            if (nul >= pos && nul < lineEnd) {
                throw at(lineNo, nul - pos + 1, "no NUL inside a line");
            }
            int e = lineEnd;
            while (e > pos && (b[e - 1] == ' ' || b[e - 1] == '\t')) {
                e--;
            }
            if (e != lineEnd && strict) {
                throw at(lineNo, e - pos + 1, "end of line (no trailing whitespace)");
            }
            if (e == pos) {
                if (strict) {
                    throw at(lineNo, 1, "a <type>=<value> line (no blank lines)");
                }
                pos = next;
                continue;
            }
            if (e - pos < 2 || b[pos + 1] != '=') {
                throw at(lineNo, e - pos < 2 ? e - pos + 1 : 2, "'=' after the type letter");
            }
            c.reset(b, pos + 2, e, lineNo, pos, strict);
            line(b[pos]);
            pos = next;
        }
        if (version < 0) {
            throw at(1, 1, "v=0");
        }
        finishMedia();
        if (origin == null) {
            throw at(lineNo + 1, 1, "an o= line");
        }
        if (sessionName == null) {
            throw at(lineNo + 1, 1, "an s= line");
        }
        if (strict && times.isEmpty()) {
            throw at(lineNo + 1, 1, "a t= line");
        }
        List<Timing> timings = new ArrayList<>(times.size());
        for (int i = 0; i < times.size(); i++) {
            timings.add(new Timing(times.get(i)[0], times.get(i)[1], repeats.get(i)));
        }
        return new SessionDescription(version, origin, sessionName, Optional.ofNullable(information),
                Optional.ofNullable(uri), emails, phones, Optional.ofNullable(connection), bandwidths, timings,
                Optional.ofNullable(timeZones), Optional.ofNullable(key), FrozenList.copyOf(attributes),
                FrozenList.copyOf(media));
    }

    private void line(char type) throws SdpException {
        if (version < 0) {
            if (type != 'v') {
                throw at(c.line, 1, "v=0 as the first line");
            }
            version = c.uint(Integer.MAX_VALUE, "protocol version");
            c.end();
            if (strict && version != 0) {
                c.pos = c.lineStart + 2;
                throw c.fail("protocol version 0");
            }
            lastType = 'v';
            return;
        }
        if (type == 'm') {
            finishMedia();
            scratchFormats.clear();
            scratchAttributes.clear();
            m = new MediaLine(scratchFormats, scratchAttributes);
            mediaLine();
            rank = 0;
            lastType = 'm';
            return;
        }
        int[] ranks = m == null ? SESSION_RANK : MEDIA_RANK;
        int r = type < 128 ? ranks[type == 'r' ? 't' : type] : -1;   // r= repeats belong to their t=
        if (r < 0) {
            unknownLine(type);
            return;
        }
        if (strict) {
            if (r < rank) {
                throw at(c.line, 1, "lines in RFC 8866 order (" + type + "= is out of place)");
            }
            if (type == 'r' && lastType != 't' && lastType != 'r') {
                throw at(c.line, 1, "r= right after t= or r=");
            }
        }
        rank = Math.max(rank, r);
        lastType = type;
        if (m == null) {
            sessionLine(type);
        } else {
            mediaField(type);
        }
    }

    private void unknownLine(char type) throws SdpException {
        if (type < 'a' || type > 'z') {
            throw at(c.line, 1, "a type letter a-z");
        }
        if (strict || "vosuepztr".indexOf(type) >= 0) {
            throw at(c.line, 1, m == null ? "a session-level type letter" : "a media-level type letter");
        }
        String value = c.text(c.pos, c.end);
        list().add(new UnknownLine(type, value));
    }

    private List<Attribute> list() {
        return m == null ? attributes : m.attributes;
    }

    private String text(String what) {
        return c.text(c.pos, c.end);
    }

    private void sessionLine(char type) throws SdpException {
        switch (type) {
            case 'v':
                throw at(c.line, 1, "only one v= line");
            case 'o':
                once(origin, "o=");
                origin = origin();
                break;
            case 's':
                once(sessionName, "s=");
                if (strict && c.atEnd()) {
                    throw c.fail("a session name (RFC 8866 §5.3: not empty, use \"-\")");
                }
                sessionName = text("session name");
                break;
            case 'i':
                once(information, "i=");
                information = text("information");
                break;
            case 'u':
                once(uri, "u=");
                uri = text("URI");
                break;
            case 'e':
                emails.add(text("email"));
                break;
            case 'p':
                phones.add(text("phone"));
                break;
            case 'c':
                once(connection, "c=");
                connection = connection();
                break;
            case 'b':
                bandwidths.add(bandwidth());
                break;
            case 't': {
                long start = c.ulong(Long.MAX_VALUE, "start-time");
                c.space();
                long stop = c.ulong(Long.MAX_VALUE, "stop-time");
                c.end();
                times.add(new long[] {start, stop});
                repeats.add(new ArrayList<>(0));
                break;
            }
            case 'r':
                if (times.isEmpty()) {
                    throw at(c.line, 1, "a t= line before r=");
                }
                repeats.get(repeats.size() - 1).add(text("repeat interval"));
                break;
            case 'z':
                once(timeZones, "z=");
                timeZones = text("time zone adjustments");
                break;
            case 'k':
                once(key, "k=");
                key = text("encryption key");
                break;
            case 'a':
                attributes.add(AttributeParser.parse(c));
                break;
            default:
                throw new AssertionError("unhandled session type " + type);
        }
    }

    private void mediaField(char type) throws SdpException {
        switch (type) {
            case 'i':
                once(m.information, "i=");
                m.information = text("information");
                break;
            case 'c':
                m.connections.add(connection());
                break;
            case 'b':
                m.bandwidths.add(bandwidth());
                break;
            case 'k':
                once(m.key, "k=");
                m.key = text("encryption key");
                break;
            case 'a':
                m.attributes.add(AttributeParser.parse(c));
                break;
            default:
                throw at(c.line, 1, "a media-level line (i= c= b= k= a=), not " + type + "=");
        }
    }

    private void once(Object existing, String what) throws SdpException {
        if (existing != null) {
            throw at(c.line, 1, "at most one " + what + " line here");
        }
    }

    private Origin origin() throws SdpException {
        String user = c.word("username");
        c.space();
        String id = c.word("sess-id");
        if (strict) {
            checkDigits(id, "sess-id (digits)");
        }
        c.space();
        long ver = c.ulong(Long.MAX_VALUE, "sess-version");
        c.space();
        String nt = c.word("nettype");
        c.space();
        String at = c.word("addrtype");
        c.space();
        String addr = c.word("unicast-address");
        c.end();
        try {
            return new Origin(user, id, ver, nt, at, addr);
        } catch (IllegalArgumentException e) {
            throw c.invalid(e);
        }
    }

    private void checkDigits(String v, String what) throws SdpException {
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                c.pos -= v.length() - i;
                throw c.fail(what);
            }
        }
    }

    private Connection connection() throws SdpException {
        String nt = c.word("nettype");
        c.space();
        String at = c.word("addrtype");
        c.space();
        String addr = c.word("connection-address");
        c.end();
        try {
            return new Connection(nt, at, addr);
        } catch (IllegalArgumentException e) {
            throw c.invalid(e);
        }
    }

    private Bandwidth bandwidth() throws SdpException {
        String type = c.wordUntil(':', "bwtype");
        c.expect(':');
        long v = c.ulong(Long.MAX_VALUE, "bandwidth");
        c.end();
        try {
            return new Bandwidth(type, v);
        } catch (IllegalArgumentException e) {
            throw c.invalid(e);
        }
    }

    private void mediaLine() throws SdpException {
        m.media = c.word("media");
        c.space();
        m.port = c.uint(65535, "port");
        if (c.tryChar('/')) {
            int count = c.uint(65535, "number of ports");
            if (count == 0) {
                throw c.fail("number of ports (1-65535)");
            }
            m.portCount = OptionalInt.of(count);
        }
        c.space();
        m.protocol = c.word("proto");
        while (c.trySpace()) {
            m.formats.add(c.word("fmt"));
        }
        c.end();
        if (strict && m.formats.isEmpty()) {
            throw c.fail("at least one fmt");
        }
    }

    private void finishMedia() throws SdpException {
        if (m == null) {
            return;
        }
        try {
            media.add(new MediaDescription(m.media, m.port, m.portCount, m.protocol, FrozenList.copyOf(m.formats),
                    Optional.ofNullable(m.information), m.connections, m.bandwidths, Optional.ofNullable(m.key),
                    FrozenList.copyOf(m.attributes)));
        } catch (IllegalArgumentException e) {
            throw c.invalid(e);
        }
        m = null;
    }

    /** Mutable collector for one m-section. */
    private static final class MediaLine {
        String media;
        int port;
        OptionalInt portCount = OptionalInt.empty();
        String protocol;
        final List<String> formats;
        String information;
        final List<Connection> connections = new ArrayList<>(1);
        final List<Bandwidth> bandwidths = new ArrayList<>(0);
        String key;
        final List<Attribute> attributes;

        MediaLine(List<String> formats, List<Attribute> attributes) {
            this.formats = formats;
            this.attributes = attributes;
        }
    }
}
