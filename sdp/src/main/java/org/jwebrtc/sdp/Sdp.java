package org.jwebrtc.sdp;

import org.jwebrtc.sdp.internal.SdpParser;
import org.jwebrtc.sdp.internal.SdpWriter;

/** Entry points: parse SDP text (RFC 8866) into a {@link SessionDescription}, and write it back. */
public final class Sdp {
    private Sdp() {}

    /** How forgiving the parser is. */
    public enum Mode {
        /**
         * As browsers: LF-only line ends, trailing whitespace, blank lines, a missing final newline,
         * session fields out of order, a missing {@code t=}, runs of spaces, unknown type letters,
         * and known attributes that break their grammar (kept as {@link UnknownAttribute}).
         */
        LENIENT,
        /** RFC 8866 as written: CRLF, field order, no stray whitespace, typed attributes must match. */
        STRICT
    }

    /** Lenient parse. */
    public static SessionDescription parse(String text) throws SdpException {
        return SdpParser.parse(text, false);
    }

    public static SessionDescription parse(String text, Mode mode) throws SdpException {
        return SdpParser.parse(text, mode == Mode.STRICT);
    }

    /** CRLF text in RFC 8866 field order; attributes and media in model order. */
    public static String write(SessionDescription sd) {
        return SdpWriter.write(sd);
    }
}
