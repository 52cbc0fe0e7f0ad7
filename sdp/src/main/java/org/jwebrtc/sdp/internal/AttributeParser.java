package org.jwebrtc.sdp.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jwebrtc.sdp.Attribute;
import org.jwebrtc.sdp.Connection;
import org.jwebrtc.sdp.Direction;
import org.jwebrtc.sdp.Extmap;
import org.jwebrtc.sdp.Fingerprint;
import org.jwebrtc.sdp.Fmtp;
import org.jwebrtc.sdp.Group;
import org.jwebrtc.sdp.IceOptions;
import org.jwebrtc.sdp.IcePwd;
import org.jwebrtc.sdp.IceUfrag;
import org.jwebrtc.sdp.MaxMessageSize;
import org.jwebrtc.sdp.Mid;
import org.jwebrtc.sdp.Msid;
import org.jwebrtc.sdp.PropertyAttribute;
import org.jwebrtc.sdp.Rid;
import org.jwebrtc.sdp.RidDirection;
import org.jwebrtc.sdp.Rtcp;
import org.jwebrtc.sdp.RtcpFb;
import org.jwebrtc.sdp.RtpMap;
import org.jwebrtc.sdp.SctpPort;
import org.jwebrtc.sdp.SdpException;
import org.jwebrtc.sdp.Setup;
import org.jwebrtc.sdp.Simulcast;
import org.jwebrtc.sdp.Ssrc;
import org.jwebrtc.sdp.SsrcGroup;
import org.jwebrtc.sdp.UnknownAttribute;

/**
 * Parses the value of one {@code a=} line into its typed variant. Lenient mode keeps an attribute
 * that breaks its grammar as {@link UnknownAttribute} (browsers skip what they do not grok);
 * strict mode reports it.
 */
final class AttributeParser {
    private AttributeParser() {}

    // Known names, matched in place by WordTable so no name string is allocated; the constants
    // are indexes into TOKENS so parseKnown switches on the int itself (a tableswitch, no loads).
    private static final int CANDIDATE = 0;
    private static final int RTPMAP = 1;
    private static final int FMTP = 2;
    private static final int RTCP_FB = 3;
    private static final int EXTMAP = 4;
    private static final int SSRC = 5;
    private static final int MID = 6;
    private static final int ICE_UFRAG = 7;
    private static final int ICE_PWD = 8;
    private static final int ICE_OPTIONS = 9;
    private static final int FINGERPRINT = 10;
    private static final int SETUP = 11;
    private static final int RTCP_MUX = 12;
    private static final int RTCP_RSIZE = 13;
    private static final int RTCP = 14;
    private static final int GROUP = 15;
    private static final int MSID = 16;
    private static final int SSRC_GROUP = 17;
    private static final int RID = 18;
    private static final int SIMULCAST = 19;
    private static final int SCTP_PORT = 20;
    private static final int MAX_MESSAGE_SIZE = 21;
    private static final int END_OF_CANDIDATES = 22;
    private static final int SENDRECV = 23;
    private static final int SENDONLY = 24;
    private static final int RECVONLY = 25;
    private static final int INACTIVE = 26;
    private static final int ICE_LITE = 27;
    private static final int EXTMAP_ALLOW_MIXED = 28;
    private static final int BUNDLE_ONLY = 29;
    private static final String[] TOKENS = {
        "candidate",
        "rtpmap",
        "fmtp",
        "rtcp-fb",
        "extmap",
        "ssrc",
        "mid",
        "ice-ufrag",
        "ice-pwd",
        "ice-options",
        "fingerprint",
        "setup",
        "rtcp-mux",
        "rtcp-rsize",
        "rtcp",
        "group",
        "msid",
        "ssrc-group",
        "rid",
        "simulcast",
        "sctp-port",
        "max-message-size",
        "end-of-candidates",
        "sendrecv",
        "sendonly",
        "recvonly",
        "inactive",
        "ice-lite",
        "extmap-allow-mixed",
        "bundle-only",
    };
    private static final WordTable NAME_TABLE = new WordTable(TOKENS);
    private static final OptionalInt MONO = OptionalInt.of(1);
    private static final OptionalInt STEREO = OptionalInt.of(2);

    static Attribute parse(Cursor c) throws SdpException {
        int start = c.pos;
        int colon = c.indexOf(':');
        int nameEnd = colon < 0 ? c.end : colon;
        if (nameEnd == start || c.s[start] == ' ') {
            throw c.fail("attribute name");
        }
        int kind = NAME_TABLE.find(c.s, start, nameEnd);
        if (kind >= 0) {
            c.pos = colon < 0 ? nameEnd : colon + 1;
            try {
                return parseKnown(kind, colon >= 0, c);
            } catch (SdpException e) {
                if (c.strict) {
                    throw e;
                }
            } catch (IllegalArgumentException e) {
                if (c.strict) {
                    throw c.invalid(e);
                }
            }
        } else if (c.strict) {
            for (int i = start; i < nameEnd; i++) {   // att-field = token (RFC 8866 §9)
                if (!isTokenChar(c.s[i])) {
                    c.pos = i;
                    throw c.fail("attribute name (token)");
                }
            }
        }
        return new UnknownAttribute(c.text(start, c.end));
    }

    private static boolean isTokenChar(char ch) {
        // token-char = %x21 / %x23-27 / %x2A-2B / %x2D-2E / %x30-39 / %x41-5A / %x5E-7E
        return ch == 0x21 || (ch >= 0x23 && ch <= 0x27) || ch == 0x2A || ch == 0x2B || ch == 0x2D || ch == 0x2E
                || (ch >= 0x30 && ch <= 0x39) || (ch >= 0x41 && ch <= 0x5A) || (ch >= 0x5E && ch <= 0x7E);
    }

    private static Attribute parseKnown(int kind, boolean hasValue, Cursor c) throws SdpException {
        switch (kind) {
            case SENDRECV: return flag(hasValue, c, Direction.SENDRECV);
            case SENDONLY: return flag(hasValue, c, Direction.SENDONLY);
            case RECVONLY: return flag(hasValue, c, Direction.RECVONLY);
            case INACTIVE: return flag(hasValue, c, Direction.INACTIVE);
            case RTCP_MUX: return flag(hasValue, c, PropertyAttribute.RTCP_MUX);
            case RTCP_RSIZE: return flag(hasValue, c, PropertyAttribute.RTCP_RSIZE);
            case ICE_LITE: return flag(hasValue, c, PropertyAttribute.ICE_LITE);
            case EXTMAP_ALLOW_MIXED: return flag(hasValue, c, PropertyAttribute.EXTMAP_ALLOW_MIXED);
            case END_OF_CANDIDATES: return flag(hasValue, c, PropertyAttribute.END_OF_CANDIDATES);
            case BUNDLE_ONLY: return flag(hasValue, c, PropertyAttribute.BUNDLE_ONLY);
            default:
                break;
        }
        if (!hasValue) {
            throw c.fail("':' and a value");
        }
        Attribute a;
        switch (kind) {
            case CANDIDATE:
                return CandidateParser.parse(c);
            case RTPMAP:
                return rtpMap(c);
            case FMTP:
                return fmtp(c);
            case RTCP_FB:
                return rtcpFb(c);
            case EXTMAP:
                return extmap(c);
            case SSRC: {
                long ssrc = c.ulong(0xFFFF_FFFFL, "ssrc-id (32-bit)");
                c.space();
                String attr = c.wordUntil(':', "source attribute name");
                Optional<String> value = Optional.empty();
                if (c.tryChar(':')) {
                    value = c.pos < c.end ? c.restOptional("value") : Optional.of("");
                }
                c.end();
                a = new Ssrc(ssrc, attr, value);
                break;
            }
            case MID:
                a = new Mid(c.word("identification-tag"));
                c.end();
                break;
            case ICE_UFRAG:
                a = new IceUfrag(c.word("ice-ufrag"));
                c.end();
                break;
            case ICE_PWD:
                a = new IcePwd(c.word("ice-pwd"));
                c.end();
                break;
            case ICE_OPTIONS: {
                List<String> opts = new ArrayList<>(2);
                opts.add(c.word("ice-option-tag"));
                while (c.trySpace()) {
                    opts.add(c.word("ice-option-tag"));
                }
                c.end();
                a = new IceOptions(opts);
                break;
            }
            case FINGERPRINT: {
                String hash = c.word("hash function");
                c.space();
                a = new Fingerprint(hash, c.word("fingerprint"));
                c.end();
                break;
            }
            case SETUP: {
                Setup s = Setup.fromToken(c.word("setup role")).orElse(null);
                if (s == null) {
                    throw c.fail("setup role active, passive, actpass or holdconn");
                }
                c.end();
                return s;
            }
            case RTCP: {
                int port = c.uint(65535, "port");
                Optional<Connection> addr = Optional.empty();
                if (c.trySpace()) {
                    String nt = c.word("nettype");
                    c.space();
                    String at = c.word("addrtype");
                    c.space();
                    addr = Optional.of(new Connection(nt, at, c.word("connection-address")));
                }
                c.end();
                a = new Rtcp(port, addr);
                break;
            }
            case GROUP: {
                String sem = c.word("semantics");
                List<String> mids = new ArrayList<>(4);
                while (c.trySpace()) {
                    mids.add(c.word("identification-tag"));
                }
                c.end();
                a = new Group(sem, mids);
                break;
            }
            case MSID: {
                String stream = c.word("msid-id");
                Optional<String> track = c.trySpace() ? Optional.of(c.word("msid-appdata")) : Optional.empty();
                c.end();
                a = new Msid(stream, track);
                break;
            }
            case SSRC_GROUP: {
                String sem = c.word("semantics");
                List<Long> ssrcs = new ArrayList<>(2);
                while (c.trySpace()) {
                    ssrcs.add(c.ulong(0xFFFF_FFFFL, "ssrc-id (32-bit)"));
                }
                c.end();
                a = new SsrcGroup(sem, ssrcs);
                break;
            }
            case RID: {
                String id = c.word("rid-id");
                c.space();
                RidDirection dir = ridDirection(c);
                Optional<String> params = c.trySpace() ? Optional.of(c.word("rid parameters")) : Optional.empty();
                c.end();
                a = new Rid(id, dir, params);
                break;
            }
            case SIMULCAST:
                a = simulcast(c);
                break;
            case SCTP_PORT:
                a = new SctpPort(c.uint(65535, "port"));
                c.end();
                break;
            case MAX_MESSAGE_SIZE:
                a = new MaxMessageSize(c.ulong(Long.MAX_VALUE, "max-message-size"));
                c.end();
                break;
            default:
                throw new AssertionError("known attribute without a parser: " + TOKENS[kind]);
        }
        return a;
    }

    private static Attribute rtpMap(Cursor c) throws SdpException {
        int pt = c.uint(127, "payload type (0-127)");
        c.space();
        String enc = c.wordUntil('/', "encoding name");
        c.expect('/');
        int clock = c.uint(Integer.MAX_VALUE, "clock rate");
        OptionalInt ch = OptionalInt.empty();
        if (c.tryChar('/')) {
            int n = c.uint(Integer.MAX_VALUE, "encoding parameters (channels)");
            ch = n == 2 ? STEREO : n == 1 ? MONO : OptionalInt.of(n);
        }
        c.end();
        return new RtpMap(pt, enc, clock, ch);
    }

    private static Attribute fmtp(Cursor c) throws SdpException {
        int pt = c.uint(127, "payload type (0-127)");
        c.space();
        return new Fmtp(pt, c.rest("format parameters"));
    }

    private static Attribute rtcpFb(Cursor c) throws SdpException {
        int pt = c.tryChar('*') ? RtcpFb.WILDCARD : c.uint(127, "payload type (0-127) or '*'");
        c.space();
        String type = c.word("feedback type");
        Optional<String> param = c.trySpace() ? c.restOptional("feedback parameter") : Optional.empty();
        return new RtcpFb(pt, type, param);
    }

    private static Attribute extmap(Cursor c) throws SdpException {
        int id = c.uint(255, "extension id (1-255)");
        if (id == 0) {
            throw c.fail("extension id (1-255)");
        }
        Optional<Direction> dir = Optional.empty();
        if (c.tryChar('/')) {
            Direction d = Direction.fromToken(c.word("direction")).orElse(null);
            if (d == null) {
                throw c.fail("direction sendrecv, sendonly, recvonly or inactive");
            }
            dir = Optional.of(d);
        }
        c.space();
        String uri = c.word("extension URI");
        Optional<String> ext = c.trySpace() ? Optional.of(c.rest("extension attributes")) : Optional.empty();
        return new Extmap(id, dir, uri, ext);
    }

    private static Attribute flag(boolean hasValue, Cursor c, Attribute value) throws SdpException {
        if (hasValue) {
            c.pos--;
            throw c.fail("end of line (property attribute has no value)");
        }
        return value;
    }

    private static RidDirection ridDirection(Cursor c) throws SdpException {
        if (c.tryWord("send")) {
            return RidDirection.SEND;
        }
        if (c.tryWord("recv")) {
            return RidDirection.RECV;
        }
        throw c.fail("\"send\" or \"recv\"");
    }

    /** RFC 8853 §5.1: sc-value = (sc-send [SP sc-recv]) / (sc-recv [SP sc-send]). */
    private static Simulcast simulcast(Cursor c) throws SdpException {
        List<Simulcast.Streams> dirs = new ArrayList<>(2);
        do {
            RidDirection d = ridDirection(c);
            c.space();
            List<List<Simulcast.Id>> streams = new ArrayList<>(4);
            List<Simulcast.Id> alt = new ArrayList<>(2);
            while (true) {
                boolean paused = c.tryChar('~');
                int start = c.pos;
                while (c.pos < c.end) {
                    char ch = c.s[c.pos];
                    if (ch == ' ' || ch == ';' || ch == ',') {
                        break;
                    }
                    c.pos++;
                }
                if (c.pos == start) {
                    throw c.fail("rid-id");
                }
                alt.add(new Simulcast.Id(c.text(start, c.pos), paused));
                if (c.tryChar(',')) {
                    continue;
                }
                streams.add(alt);
                if (c.tryChar(';')) {
                    alt = new ArrayList<>(2);
                    continue;
                }
                break;
            }
            dirs.add(new Simulcast.Streams(d, streams));
        } while (dirs.size() < 2 && c.trySpace());
        c.end();
        return new Simulcast(dirs);
    }
}
