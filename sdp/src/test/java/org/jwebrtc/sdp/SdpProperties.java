package org.jwebrtc.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.jwebrtc.testsupport.SharedFiles;

/** Round trips of generated sessions, and bad input that must give SdpException and nothing else. */
class SdpProperties {
    private static final String CHROMIUM = SharedFiles.text(SharedFiles.vectors("sdp", "chromium_audio_video.sdp"))
            .replace("\n", "\r\n");
    private static final String NORMAL = SharedFiles.text(SharedFiles.vectors("sdp", "normal.sdp"));

    @Provide
    Arbitrary<SessionDescription> sessions() {
        return SdpArbitraries.session();
    }

    @Property(tries = 400)
    void generatedSessionsRoundTrip(@ForAll("sessions") SessionDescription sd) throws SdpException {
        String text = sd.write();
        assertThat(Sdp.parse(text, Sdp.Mode.STRICT)).isEqualTo(sd);
        assertThat(Sdp.parse(text)).isEqualTo(sd);
        assertThat(Sdp.parse(text).write()).isEqualTo(text);   // canonical text is reproduced byte for byte
    }

    @Property(tries = 300)
    void generatedCandidatesRoundTrip(@ForAll("candidates") Candidate c) throws SdpException {
        assertThat(Candidate.parse(c.toString())).isEqualTo(c);
        assertThat(Candidate.parse(c.toSdpLine() + "\r\n")).isEqualTo(c);
    }

    @Provide
    Arbitrary<Candidate> candidates() {
        return SdpArbitraries.candidate();
    }

    @Property(tries = 300)
    void unknownLinesSurviveLenientRoundTrip(@ForAll("sessions") SessionDescription sd,
                                             @ForAll("unknownLines") List<Attribute> extra) throws SdpException {
        List<Attribute> attrs = new ArrayList<>(sd.attributes());
        attrs.addAll(extra);
        SessionDescription withLines = sd.withAttributes(attrs);
        assertThat(Sdp.parse(withLines.write())).isEqualTo(withLines);
    }

    @Provide
    Arbitrary<List<Attribute>> unknownLines() {
        return net.jqwik.api.Combinators.combine(Arbitraries.of('x', 'y', 'q', 'w', 'g'), SdpArbitraries.text())
                .as((t, v) -> (Attribute) new UnknownLine(t, v)).list().ofMaxSize(3);
    }

    @Property(tries = 1000)
    void anyTextGivesASessionOrSdpException(@ForAll String text) {
        parseBothModes(text);
    }

    @Property(tries = 1000)
    void sdpLikeTextGivesASessionOrSdpException(@ForAll("sdpLike") String text) {
        parseBothModes(text);
    }

    @Provide
    Arbitrary<String> sdpLike() {
        Arbitrary<String> line = Arbitraries.oneOf(List.of(
                Arbitraries.of(CHROMIUM.split("\r\n")),
                Arbitraries.strings().withChars("vosiuepcbtrzkam=: /0123456789*~;,-\t\r").ofMaxLength(30)));
        return line.list().ofMaxSize(20).map(l -> "v=0\r\n" + String.join("\r\n", l));
    }

    @Property(tries = 200)
    void everyPrefixOfARealOfferGivesASessionOrSdpException(@ForAll @IntRange(min = 0, max = 100_000) int cut) {
        parseBothModes(CHROMIUM.substring(0, cut % (CHROMIUM.length() + 1)));
        parseBothModes(NORMAL.substring(0, cut % (NORMAL.length() + 1)));
    }

    @Example
    void allPrefixesOfTheChromiumOffer() {
        for (int i = 0; i <= CHROMIUM.length(); i++) {
            parseBothModes(CHROMIUM.substring(0, i));
        }
    }

    @Property(tries = 2000)
    void mutatedRealOffersGiveASessionOrSdpException(@ForAll @IntRange(min = 0, max = 1_000_000) int at,
                                                      @ForAll("noise") char c, @ForAll @IntRange(max = 2) int op) {
        for (String base : List.of(CHROMIUM, NORMAL)) {
            int i = at % base.length();
            String mutated = switch (op) {
                case 0 -> base.substring(0, i) + c + base.substring(i + 1);   // replace
                case 1 -> base.substring(0, i) + c + base.substring(i);       // insert
                default -> base.substring(0, i) + base.substring(i + 1);      // delete
            };
            parseBothModes(mutated);
        }
    }

    @Provide
    Arbitrary<Character> noise() {
        return Arbitraries.oneOf(List.of(Arbitraries.of(' ', ':', '/', '\r', '\n', '\t', '\0', '=', '*', '~', ';', ',',
                '-', '0', '9', 'a', 'z', 'é'), Arbitraries.chars()));
    }

    @Property(tries = 1000)
    void mutatedCandidatesGiveACandidateOrSdpException(@ForAll("candidates") Candidate c,
                                                       @ForAll @IntRange(min = 0, max = 10_000) int at,
                                                       @ForAll("noise") char ch) {
        String s = c.toString();
        int i = at % s.length();
        parseCandidate(s.substring(0, i) + ch + s.substring(i + 1));
        parseCandidate(s.substring(0, i));
    }

    @Property(tries = 500)
    void anyTextGivesACandidateOrSdpException(@ForAll String s) {
        parseCandidate(s);
        parseCandidate("candidate:" + s);
    }

    @Example
    void regressions() {
        for (String s : List.of("v=0\r\no=- 1 1 IN IP4 x\r\ns=-\r\nt=0 0\r\nr= 7d", "v=0\na=\u0000", "v=99999999999",
                "v=0\nm=a 1/0 b", "v=0\r\no=a b 1 c d e\r\ns=\r\nm=audio 9 RTP/AVP 0\r\na=simulcast:send ~",
                "v=0\r\no=a b 1 c d e\r\ns=x\r\na=candidate:1 1 udp 1 a\tb 1 typ host")) {
            parseBothModes(s);
        }
    }

    private static void parseBothModes(String text) {
        for (Sdp.Mode mode : Sdp.Mode.values()) {
            try {
                SessionDescription sd = Sdp.parse(text, mode);
                assertThat(Sdp.parse(sd.write())).isEqualTo(sd);   // whatever parses also round trips
                Revalidate.all(sd);   // and every record the parser built passes its own checks
            } catch (SdpException expected) {
                assertThat(expected.line()).isPositive();
                assertThat(expected.column()).isPositive();
            }
        }
    }

    private static void parseCandidate(String text) {
        try {
            Candidate c = Candidate.parse(text);
            assertThat(Candidate.parse(c.toString())).isEqualTo(c);
        } catch (SdpException expected) {
            assertThat(expected.column()).isPositive();
        }
    }
}
