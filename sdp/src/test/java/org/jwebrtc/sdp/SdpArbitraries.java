package org.jwebrtc.sdp;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of valid models (values the writer can express and the parser reads back). */
final class SdpArbitraries {
    private SdpArbitraries() {}

    static final String TOKEN_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_";

    static Arbitrary<String> token() {
        return Arbitraries.strings().withChars(TOKEN_CHARS).ofMinLength(1).ofMaxLength(8);
    }

    /** Non-space printable words (ufrags, addresses, URIs). */
    static Arbitrary<String> word() {
        return Arbitraries.strings().withChars(TOKEN_CHARS + "+/:=#*~,;é").ofMinLength(1).ofMaxLength(12);
    }

    /** One-line text: may contain inner spaces, never trailing whitespace. */
    static Arbitrary<String> text() {
        return Arbitraries.strings().withChars(TOKEN_CHARS + " :=;/,é\t").ofMaxLength(20)
                .map(String::stripTrailing);
    }

    /** Non-empty text starting and ending with a non-space. */
    static Arbitrary<String> value() {
        return text().filter(s -> !s.isEmpty() && s.charAt(0) != ' ' && s.charAt(0) != '\t');
    }

    static Arbitrary<String> ridId() {
        return Arbitraries.strings().withChars("abcXYZ019-_").ofMinLength(1).ofMaxLength(6);
    }

    static Arbitrary<Integer> pt() {
        return Arbitraries.integers().between(0, 127);
    }

    static Arbitrary<Long> ssrc() {
        return Arbitraries.longs().between(0, 0xFFFF_FFFFL);
    }

    static Arbitrary<Connection> connection() {
        return Combinators.combine(token(), token(), word()).as(Connection::new);
    }

    static Arbitrary<Candidate> candidate() {
        Arbitrary<Candidate> base = Combinators.combine(
                Arbitraries.strings().withChars(TOKEN_CHARS + "+/").ofMinLength(1).ofMaxLength(32),
                Arbitraries.integers().between(1, 256), Arbitraries.of("udp", "UDP", "tcp"),
                Arbitraries.longs().between(0, 0xFFFF_FFFFL), word(), Arbitraries.integers().between(0, 65535),
                Arbitraries.of(CandidateType.class)).as(Candidate::new);
        Arbitrary<OptionalInt> optInt = Arbitraries.integers().between(0, 1000).optional()
                .map(o -> o.map(OptionalInt::of).orElse(OptionalInt.empty()));
        Arbitrary<OptionalInt> optPort = Arbitraries.integers().between(0, 65535).optional()
                .map(o -> o.map(OptionalInt::of).orElse(OptionalInt.empty()));
        Arbitrary<List<Candidate.Extension>> ext = Combinators.combine(token().map(t -> "x-" + t), word())
                .as(Candidate.Extension::new).list().ofMaxSize(2);
        return Combinators.combine(base, word().optional(), optPort, Arbitraries.of(TcpType.class).optional(),
                optInt, word().optional(), optInt, Combinators.combine(optInt, ext).as(List::<Object>of))
                .as((b, raddr, rport, tcp, gen, ufrag, netId, rest) -> new Candidate(b.foundation(), b.component(),
                        b.transport(), b.priority(), b.address(), b.port(), b.type(), raddr, rport, tcp, gen, ufrag,
                        netId, (OptionalInt) rest.get(0), castExt(rest.get(1))));
    }

    @SuppressWarnings("unchecked")
    private static List<Candidate.Extension> castExt(Object o) {
        return (List<Candidate.Extension>) o;
    }

    static Arbitrary<Simulcast> simulcast() {
        Arbitrary<List<List<Simulcast.Id>>> streams = Combinators.combine(ridId(), Arbitraries.of(true, false))
                .as(Simulcast.Id::new).list().ofMinSize(1).ofMaxSize(3).list().ofMinSize(1).ofMaxSize(3);
        return Combinators.combine(streams, streams.optional(), Arbitraries.of(RidDirection.class))
                .as((a, b, first) -> {
                    RidDirection second = first == RidDirection.SEND ? RidDirection.RECV : RidDirection.SEND;
                    return b.isPresent()
                            ? new Simulcast(List.of(new Simulcast.Streams(first, a), new Simulcast.Streams(second, b.get())))
                            : new Simulcast(List.of(new Simulcast.Streams(first, a)));
                });
    }

    static Arbitrary<Attribute> attribute() {
        return Arbitraries.oneOf(List.of(
                Combinators.combine(token(), token().list().ofMaxSize(4)).as(Group::new),
                word().map(Mid::new),
                word().map(IceUfrag::new),
                word().map(IcePwd::new),
                token().list().ofMinSize(1).ofMaxSize(3).map(IceOptions::new),
                Combinators.combine(token(), word()).as(Fingerprint::new),
                Arbitraries.of(Setup.class).map(a -> (Attribute) a),
                Arbitraries.of(Direction.class).map(a -> (Attribute) a),
                Arbitraries.of(PropertyAttribute.class).map(a -> (Attribute) a),
                Combinators.combine(Arbitraries.integers().between(0, 65535), connection().optional()).as(Rtcp::new),
                Combinators.combine(pt(), token(), Arbitraries.integers().between(1, 10_000_000),
                        Arbitraries.integers().between(1, 8).optional())
                        .as((p, n, c, ch) -> new RtpMap(p, n, c, ch.map(OptionalInt::of).orElse(OptionalInt.empty()))),
                Combinators.combine(pt(), value()).as(Fmtp::new),
                Combinators.combine(Arbitraries.integers().between(-1, 127), token(), value().optional())
                        .as(RtcpFb::new),
                Combinators.combine(Arbitraries.integers().between(1, 255), Arbitraries.of(Direction.class).optional(),
                        word(), value().optional()).as(Extmap::new),
                Combinators.combine(ssrc(), token(), text().optional()).as(Ssrc::new),
                Combinators.combine(token(), ssrc().list().ofMaxSize(3)).as(SsrcGroup::new),
                Combinators.combine(word(), word().optional()).as(Msid::new),
                Combinators.combine(ridId(), Arbitraries.of(RidDirection.class), word().optional()).as(Rid::new),
                simulcast(),
                Arbitraries.integers().between(0, 65535).map(SctpPort::new),
                Arbitraries.longs().between(0, Long.MAX_VALUE).map(MaxMessageSize::new),
                candidate(),
                Combinators.combine(token(), text()).as((n, v) -> v.isEmpty()
                        ? new UnknownAttribute("x-" + n) : new UnknownAttribute("x-" + n + ":" + v))));
    }

    static Arbitrary<MediaDescription> media() {
        Arbitrary<OptionalInt> count = Arbitraries.integers().between(1, 65535).optional()
                .map(o -> o.map(OptionalInt::of).orElse(OptionalInt.empty()));
        return Combinators.combine(token(), Arbitraries.integers().between(0, 65535), count, word(),
                token().list().ofMinSize(1).ofMaxSize(5), text().optional(), connection().list().ofMaxSize(2),
                Combinators.combine(bandwidth().list().ofMaxSize(2), text().optional(),
                        attribute().list().ofMaxSize(12)).as(List::<Object>of))
                .as((m, port, c, proto, fmts, info, conns, rest) -> new MediaDescription(m, port, c, proto, fmts, info,
                        conns, cast(rest.get(0)), cast2(rest.get(1)), cast(rest.get(2))));
    }

    static Arbitrary<Bandwidth> bandwidth() {
        return Combinators.combine(token(), Arbitraries.longs().between(0, Long.MAX_VALUE)).as(Bandwidth::new);
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> cast(Object o) {
        return (List<T>) o;
    }

    @SuppressWarnings("unchecked")
    private static Optional<String> cast2(Object o) {
        return (Optional<String>) o;
    }

    /** Strictly valid sessions: non-empty s=, at least one t=, no unknown type letters. */
    static Arbitrary<SessionDescription> session() {
        Arbitrary<Origin> origin = Combinators.combine(word(), Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(19),
                Arbitraries.longs().between(0, Long.MAX_VALUE), token(), token(), word()).as(Origin::new);
        Arbitrary<Timing> timing = Combinators.combine(Arbitraries.longs().between(0, Long.MAX_VALUE),
                Arbitraries.longs().between(0, Long.MAX_VALUE), text().list().ofMaxSize(2)).as(Timing::new);
        Arbitrary<List<Object>> head = Combinators.combine(origin, value(), text().optional(), text().optional(),
                text().list().ofMaxSize(2), text().list().ofMaxSize(1), connection().optional(),
                bandwidth().list().ofMaxSize(2)).as(List::<Object>of);
        Arbitrary<List<Object>> tail = Combinators.combine(timing.list().ofMinSize(1).ofMaxSize(2), text().optional(),
                text().optional(), attribute().list().ofMaxSize(10), media().list().ofMaxSize(4))
                .as(List::<Object>of);
        return Combinators.combine(head, tail).as((h, t) -> new SessionDescription(0, (Origin) h.get(0),
                (String) h.get(1), cast2(h.get(2)), cast2(h.get(3)), cast(h.get(4)), cast(h.get(5)),
                castConn(h.get(6)), cast(h.get(7)), cast(t.get(0)), cast2(t.get(1)), cast2(t.get(2)), cast(t.get(3)),
                cast(t.get(4))));
    }

    @SuppressWarnings("unchecked")
    private static Optional<Connection> castConn(Object o) {
        return (Optional<Connection>) o;
    }
}
