package org.jwebrtc.sdp.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jwebrtc.sdp.Candidate;
import org.jwebrtc.sdp.CandidateType;
import org.jwebrtc.sdp.SdpException;
import org.jwebrtc.sdp.TcpType;

/** The {@code candidate-attribute} grammar of RFC 8839 §5.1 (plus RFC 6544 tcptype). */
public final class CandidateParser {
    private CandidateParser() {}

    // generation, network-id, network-cost and rport 0 are small and repeat on every candidate
    private static final OptionalInt[] SMALL = new OptionalInt[1001];

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = OptionalInt.of(i);
        }
    }

    private static OptionalInt opt(int v) {
        return v < 0 ? OptionalInt.empty() : v < SMALL.length ? SMALL[v] : OptionalInt.of(v);
    }

    /** Parses a trickled {@code [a=]candidate:...[CRLF]} line; errors refer to line 1. */
    public static Candidate parseLine(String line) throws SdpException {
        if (line == null) {
            throw new SdpException(1, 1, "a candidate line");
        }
        int start = 0;
        int end = line.length();
        while (end > 0 && isTrailing(line.charAt(end - 1))) {
            end--;
        }
        if (line.startsWith("a=")) {
            start = 2;
        }
        if (!line.startsWith("candidate:", start)) {
            throw new SdpException(1, start + 1, "\"candidate:\"");
        }
        for (int i = start; i < end; i++) {
            char c = line.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                throw new SdpException(1, i + 1, "no CR, LF or NUL inside the line");
            }
        }
        Cursor c = new Cursor();
        c.reset(SdpParser.chars(line), start + "candidate:".length(), end, 1, 0, false);
        return parse(c);
    }

    private static boolean isTrailing(char c) {
        return c == '\r' || c == '\n' || c == ' ' || c == '\t';
    }

    /** Parses the value after {@code "candidate:"} up to the end of the cursor's line. */
    static Candidate parse(Cursor c) throws SdpException {
        String foundation = c.word("foundation");
        if (foundation.length() > 32) {
            throw c.fail("foundation of at most 32 characters");
        }
        c.space();
        int componentAt = c.pos;
        int component = c.uint(256, "component-id (1-256)");
        if (component == 0) {
            c.pos = componentAt;
            throw c.fail("component-id (1-256)");
        }
        c.space();
        String transport = c.word("transport");
        c.space();
        long priority = c.ulong(0xFFFF_FFFFL, "priority");
        c.space();
        String address = c.word("connection-address");
        c.space();
        int port = c.uint(65535, "port");
        c.space();
        if (!c.tryWord("typ")) {
            throw c.fail("\"typ\"");
        }
        c.space();
        int typeAt = c.pos;
        CandidateType type = CandidateType.fromToken(c.word("candidate type")).orElse(null);
        if (type == null) {
            c.pos = typeAt;
            throw c.fail("candidate type host, srflx, prflx or relay");
        }
        String raddr = null;
        int rport = -1;
        TcpType tcpType = null;
        int generation = -1;
        String ufrag = null;
        int networkId = -1;
        int networkCost = -1;
        List<Candidate.Extension> ext = null;
        while (c.trySpace()) {
            int nameAt = c.pos;
            String name = c.word("extension name");
            c.space();
            switch (name) {
                case "raddr":
                    if (raddr != null) {
                        throw duplicate(c, nameAt, name);
                    }
                    raddr = c.word("related address");
                    break;
                case "rport":
                    if (rport >= 0) {
                        throw duplicate(c, nameAt, name);
                    }
                    rport = c.uint(65535, "related port");
                    break;
                case "tcptype": {
                    if (tcpType != null) {
                        throw duplicate(c, nameAt, name);
                    }
                    int at = c.pos;
                    tcpType = TcpType.fromToken(c.word("tcptype")).orElse(null);
                    if (tcpType == null) {
                        c.pos = at;
                        throw c.fail("tcptype active, passive or so");
                    }
                    break;
                }
                case "generation":
                    if (generation >= 0) {
                        throw duplicate(c, nameAt, name);
                    }
                    generation = c.uint(Integer.MAX_VALUE, "generation");
                    break;
                case "ufrag":
                    if (ufrag != null) {
                        throw duplicate(c, nameAt, name);
                    }
                    ufrag = c.word("ufrag");
                    break;
                case "network-id":
                    if (networkId >= 0) {
                        throw duplicate(c, nameAt, name);
                    }
                    networkId = c.uint(Integer.MAX_VALUE, "network-id");
                    break;
                case "network-cost":
                    if (networkCost >= 0) {
                        throw duplicate(c, nameAt, name);
                    }
                    networkCost = c.uint(Integer.MAX_VALUE, "network-cost");
                    break;
                case "typ":
                    throw duplicate(c, nameAt, name);
                default:
                    if (ext == null) {
                        ext = new ArrayList<>(2);
                    }
                    String value = c.word("extension value");
                    try {
                        ext.add(new Candidate.Extension(name, value));
                    } catch (IllegalArgumentException e) {
                        throw c.invalid(e);
                    }
            }
        }
        c.end();
        try {
            return new Candidate(foundation, component, transport, priority, address, port, type,
                    Optional.ofNullable(raddr), opt(rport), Optional.ofNullable(tcpType), opt(generation),
                    Optional.ofNullable(ufrag), opt(networkId), opt(networkCost),
                    ext == null ? List.of() : ext);
        } catch (IllegalArgumentException e) {
            throw c.invalid(e);
        }
    }

    private static SdpException duplicate(Cursor c, int at, String name) {
        c.pos = at;
        return c.fail("no second \"" + name + "\"");
    }
}
