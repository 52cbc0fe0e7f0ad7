package org.jwebrtc.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Line-level grammar (RFC 8866 §9), lenient vs strict, and error positions. */
class SdpParserTest {
    static final String MIN = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";

    @Test
    void minimalSessionRoundTripsExactly() throws SdpException {
        SessionDescription sd = Sdp.parse(MIN, Sdp.Mode.STRICT);
        assertThat(sd.version()).isZero();
        assertThat(sd.origin().sessionVersion()).isEqualTo(2);
        assertThat(sd.media()).isEmpty();
        assertThat(sd.write()).isEqualTo(MIN);
    }

    @Test
    void allSessionFieldsInOrder() throws SdpException {
        String s = "v=0\r\no=jdoe 2890844526 2890842807 IN IP4 10.47.16.5\r\ns=SDP Seminar\r\n"
                + "i=A Seminar\r\nu=http://www.example.com/seminars/sdp.pdf\r\ne=j.doe@example.com (Jane Doe)\r\n"
                + "p=+1 617 555-6011\r\nc=IN IP4 224.2.17.12/127\r\nb=CT:128\r\nt=2873397496 2873404696\r\n"
                + "r=7d 1h 0 25h\r\nr=604800 3600 0 90000\r\nt=0 0\r\nz=2882844526 -1h 2898848070 0\r\nk=prompt\r\n"
                + "a=recvonly\r\nm=audio 49170/2 RTP/AVP 0\r\ni=voice\r\nc=IN IP4 224.2.17.12/127\r\n"
                + "c=IN IP4 224.2.17.13/127\r\nb=AS:64\r\nk=prompt\r\na=rtpmap:0 PCMU/8000\r\n"
                + "m=video 51372 RTP/AVP 99\r\na=rtpmap:99 h263-1998/90000\r\n";
        SessionDescription sd = Sdp.parse(s, Sdp.Mode.STRICT);
        assertThat(sd.timings()).hasSize(2);
        assertThat(sd.timings().get(0).repeats()).containsExactly("7d 1h 0 25h", "604800 3600 0 90000");
        assertThat(sd.phones()).containsExactly("+1 617 555-6011");
        assertThat(sd.timeZones()).contains("2882844526 -1h 2898848070 0");
        assertThat(sd.bandwidths()).containsExactly(new Bandwidth("CT", 128));
        MediaDescription a = sd.media().get(0);
        assertThat(a.portCount()).hasValue(2);
        assertThat(a.connections()).hasSize(2);
        assertThat(a.key()).contains("prompt");
        assertThat(a.bandwidths()).containsExactly(new Bandwidth("AS", 64));
        assertThat(sd.write()).isEqualTo(s);
    }

    @Test
    void lenientAcceptsWhatBrowsersSend() throws SdpException {
        String lf = "v=0\no=- 1 2 IN IP4 127.0.0.1\ns=-  \nt=0 0\n\nm=audio  9 RTP/AVP 0\t\na=sendonly";
        SessionDescription sd = Sdp.parse(lf);
        assertThat(sd.media().get(0).direction()).isEqualTo(Direction.SENDONLY);
        assertThat(sd.media().get(0).port()).isEqualTo(9);
        assertThat(sd.write()).isEqualTo(MIN + "m=audio 9 RTP/AVP 0\r\na=sendonly\r\n");
    }

    @Test
    void strictReportsLfTrailingWhitespaceAndBlankLines() {
        assertError(Sdp.Mode.STRICT, "v=0\no=- 1 2 IN IP4 127.0.0.1\r\n", 1, 4, "CR before LF");
        assertError(Sdp.Mode.STRICT, "v=0 \r\n", 1, 4, "trailing whitespace");
        assertError(Sdp.Mode.STRICT, MIN + "\r\n", 5, 1, "no blank lines");
        assertError(Sdp.Mode.STRICT, MIN + "a=x", 5, 4, "CRLF after the last line");
        assertError(Sdp.Mode.STRICT, "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\nt=0 0\r\ns=-\r\n", 4, 1, "order");
        assertError(Sdp.Mode.STRICT, "v=0\r\no=-  1 2 IN IP4 127.0.0.1\r\n", 2, 5, "single space");
        assertError(Sdp.Mode.STRICT, MIN + "a=rtpmap:96 VP8\r\n", 5, 16, "'/'");
        assertError(Sdp.Mode.STRICT, MIN + "x=foo\r\n", 5, 1, "type letter");
        assertError(Sdp.Mode.STRICT, "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=\r\nt=0 0\r\n", 3, 3, "session name");
        assertError(Sdp.Mode.STRICT, "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\n", 4, 1, "t=");
        assertError(Sdp.Mode.STRICT, MIN + "a=bad name\r\n", 5, 6, "token");
    }

    @Test
    void bothModesRejectBrokenStructure() {
        for (Sdp.Mode mode : Sdp.Mode.values()) {
            assertError(mode, "", 1, 1, "v=0");
            assertError(mode, "o=- 1 2 IN IP4 127.0.0.1\r\n", 1, 1, "v=0 as the first line");
            assertError(mode, "v=0\r\ns=-\r\n", 3, 1, "o=");
            assertError(mode, "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\nt=0 0\r\n", 4, 1, "s=");
            assertError(mode, "v=0\r\no=- 1 x IN IP4 127.0.0.1\r\n", 2, 7, "sess-version");
            assertError(mode, MIN + "m=audio 70000 RTP/AVP 0\r\n", 5, 9, "port");
            assertError(mode, MIN + "m=audio 9 RTP/AVP 0\r\nt=0 0\r\n", 6, 1, "media-level");
            assertError(mode, MIN + "m=audio 9 RTP/AVP 0\r\nb=AS\r\n", 6, 5, "':'");
            assertError(mode, "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\ns=again\r\n", 4, 1, "at most one s=");
            assertError(mode, MIN + "a=x\rb\r\n", 5, 4, "no CR inside");
            assertError(mode, MIN + "a=x\0\r\n", 5, 4, "no NUL");
            assertError(mode, MIN + "1=2\r\n", 5, 1, "type letter");
            assertError(mode, MIN + "a\r\n", 5, 2, "'='");
            assertError(mode, MIN + "a=\r\n", 5, 3, "attribute name");
        }
    }

    private static void assertError(Sdp.Mode mode, String text, int line, int column, String expected) {
        assertThatThrownBy(() -> Sdp.parse(text, mode)).as(mode + ": " + text)
                .isInstanceOfSatisfying(SdpException.class, e -> {
                    assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
                    assertThat(e.column()).as(e.getMessage()).isEqualTo(column);
                    assertThat(e.expected()).contains(expected);
                    assertThat(e.getStackTrace()).isEmpty();
                });
    }

    @Test
    void lenientKeepsUnknownLinesAndMalformedKnownAttributesInPlace() throws SdpException {
        String s = MIN + "x=extension line\r\na=rtpmap:96 VP8\r\na=mid:0\r\n";
        SessionDescription sd = Sdp.parse(s);
        assertThat(sd.attributes()).containsExactly(new UnknownLine('x', "extension line"),
                new UnknownAttribute("rtpmap:96 VP8"), new Mid("0"));
        assertThat(sd.write()).isEqualTo(s);
    }

    @Test
    void typedAttributesWriteBackExactly() throws SdpException {
        List<String> lines = List.of(
                "a=group:BUNDLE 0 1 2", "a=group:LS a b", "a=group:BUNDLE", "a=mid:0", "a=ice-ufrag:abcd",
                "a=ice-pwd:0123456789012345678901", "a=ice-options:trickle ice2", "a=ice-lite",
                "a=fingerprint:sha-256 AB:CD", "a=setup:actpass", "a=setup:active", "a=setup:passive",
                "a=setup:holdconn", "a=rtcp-mux", "a=rtcp-rsize", "a=rtcp:9", "a=rtcp:9 IN IP6 ::",
                "a=rtpmap:111 opus/48000/2", "a=rtpmap:96 VP8/90000", "a=fmtp:96 apt=100",
                "a=rtcp-fb:* nack", "a=rtcp-fb:96 ccm fir", "a=rtcp-fb:96 ccm tmmbr smaxpr=120pps",
                "a=extmap:1 urn:ietf:params:rtp-hdrext:sdes:mid", "a=extmap:2/sendonly urn:x attr1 attr2",
                "a=extmap-allow-mixed", "a=ssrc:4294967295 cname:x", "a=ssrc:1 msid:s t", "a=ssrc:1 label",
                "a=ssrc:1 empty:", "a=ssrc-group:FID 1 2", "a=ssrc-group:SIM 1 2 3", "a=msid:stream track",
                "a=msid:-", "a=rid:hi send pt=96,97;max-width=1280", "a=rid:lo recv",
                "a=simulcast:send hi;~mid,low recv r0", "a=simulcast:recv ~a", "a=sctp-port:5000",
                "a=max-message-size:262144", "a=end-of-candidates", "a=bundle-only", "a=sendrecv", "a=sendonly",
                "a=recvonly", "a=inactive", "a=msid-semantic: WMS *", "a=ptime:20", "a=x-custom");
        String s = MIN + String.join("\r\n", lines) + "\r\n";
        SessionDescription sd = Sdp.parse(s, Sdp.Mode.STRICT);
        assertThat(sd.write()).isEqualTo(s);
        assertThat(sd.attributes(UnknownAttribute.class)).extracting(UnknownAttribute::name)
                .containsExactly("msid-semantic", "ptime", "x-custom");
        Simulcast sc = sd.first(Simulcast.class).orElseThrow();
        assertThat(sc.send()).containsExactly(List.of(new Simulcast.Id("hi", false)),
                List.of(new Simulcast.Id("mid", true), new Simulcast.Id("low", false)));
        assertThat(sc.recv()).containsExactly(List.of(new Simulcast.Id("r0", false)));
        Rid hi = sd.attributes(Rid.class).get(0);
        assertThat(hi.direction()).isEqualTo(RidDirection.SEND);
        assertThat(hi.payloadTypes()).containsExactly(96, 97);
        assertThat(sd.attributes(Extmap.class).get(1).direction()).contains(Direction.SENDONLY);
        assertThat(sd.attributes(Extmap.class).get(1).extensionAttributes()).contains("attr1 attr2");
        assertThat(sd.attributes(Ssrc.class).get(3).value()).contains("");
        assertThat(sd.attributes(Ssrc.class).get(2).value()).isEmpty();
        assertThat(sd.attributes(Group.class).get(2).mids()).isEmpty();
        assertThat(sd.iceLite()).isTrue();
    }

    @Test
    void strictRejectsMalformedKnownAttributesLenientKeepsThem() throws SdpException {
        List<String> bad = List.of("a=rtpmap:128 x/1", "a=rtpmap:96 VP8/0", "a=fmtp:96", "a=rtcp-fb:96",
                "a=extmap:0 urn:x", "a=extmap:1/sideways urn:x", "a=ssrc:4294967296 cname:x", "a=setup:maybe",
                "a=sctp-port:65536", "a=max-message-size:-1", "a=rtcp-mux:yes", "a=mid:a b", "a=rid:a.b send",
                "a=rid:a both", "a=simulcast:send a;;b", "a=simulcast:send a send b", "a=msid:a b c",
                "a=candidate:1 1 udp 1 h 1 typ nope", "a=group:", "a=ice-options:", "a=fingerprint:sha-1",
                "a=sendrecv:x", "a=rtcp:x");
        for (String line : bad) {
            String s = MIN + line + "\r\n";
            assertThatThrownBy(() -> Sdp.parse(s, Sdp.Mode.STRICT)).as(line).isInstanceOf(SdpException.class);
            SessionDescription sd = Sdp.parse(s);
            assertThat(sd.attributes()).as(line).containsExactly(new UnknownAttribute(line.substring(2)));
            assertThat(sd.write()).isEqualTo(s);
        }
    }

    @Test
    void modelRejectsLineInjection() {
        assertThatThrownBy(() -> new Mid("0\r\na=evil")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UnknownAttribute("x\nm=audio")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Fmtp(96, "a=b\r\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RtpMap(128, "x", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Candidate.Extension("raddr", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Simulcast(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Extmap(3, Optional.of(Direction.RECVONLY), "urn:x", Optional.empty()).text())
                .isEqualTo("extmap:3/recvonly urn:x");
        assertThat(new IcePwd("secret").toString()).doesNotContain("secret");
    }

    @Test
    void accessorsFollowSessionLevelFallbacks() throws SdpException {
        String s = MIN + "a=ice-ufrag:sess\r\na=ice-pwd:sesspwd\r\na=fingerprint:sha-256 AA:BB\r\na=setup:passive\r\n"
                + "a=inactive\r\nm=audio 9 RTP/AVP 0 8 dynamic\r\na=ice-ufrag:media\r\n";
        SessionDescription sd = Sdp.parse(s);
        MediaDescription m = sd.media().get(0);
        assertThat(sd.iceUfrag(m)).contains("media");
        assertThat(sd.icePwd(m)).contains("sesspwd");
        assertThat(sd.fingerprints(m)).containsExactly(new Fingerprint("sha-256", "AA:BB"));
        assertThat(sd.setup(m)).contains(Setup.PASSIVE);
        assertThat(sd.direction(m)).isEqualTo(Direction.INACTIVE);
        assertThat(m.payloadTypes()).containsExactly(0, 8);
        assertThat(m.formats()).containsExactly("0", "8", "dynamic");
        assertThat(Fingerprint.of("sha-256", new byte[] {(byte) 0xAA, (byte) 0xBB}))
                .isEqualTo(new Fingerprint("sha-256", "AA:BB"));
        assertThat(sd.fingerprints(m).get(0).matches("SHA-256", new byte[] {(byte) 0xAA, (byte) 0xBB})).isTrue();
    }

    @Test
    void directionAnswerRulesOfRfc3264() {
        // RFC 3264 §6.1: offer sendonly -> answer recvonly/inactive; recvonly -> sendonly/inactive;
        // sendrecv -> anything; inactive -> inactive
        assertThat(Direction.SENDRECV.answerTo(Direction.SENDONLY)).isEqualTo(Direction.RECVONLY);
        assertThat(Direction.SENDRECV.answerTo(Direction.RECVONLY)).isEqualTo(Direction.SENDONLY);
        assertThat(Direction.SENDRECV.answerTo(Direction.SENDRECV)).isEqualTo(Direction.SENDRECV);
        assertThat(Direction.SENDRECV.answerTo(Direction.INACTIVE)).isEqualTo(Direction.INACTIVE);
        assertThat(Direction.SENDONLY.answerTo(Direction.SENDONLY)).isEqualTo(Direction.INACTIVE);
        assertThat(Direction.RECVONLY.answerTo(Direction.SENDRECV)).isEqualTo(Direction.RECVONLY);
        assertThat(Direction.SENDONLY.reverse()).isEqualTo(Direction.RECVONLY);
        for (Direction offer : Direction.values()) {
            for (Direction local : Direction.values()) {
                Direction answer = local.answerTo(offer);
                assertThat(!answer.sends() || offer.receives()).isTrue();
                assertThat(!answer.receives() || offer.sends()).isTrue();
            }
        }
    }

    @Test
    void controlCharactersInsideWordsGetTheRecordsVerdict() throws SdpException {
        // the parser lets records skip re-scanning words it vetted; a TAB or other control char
        // inside a word must still reach the record's own check (lenient: kept raw; strict: error)
        String body = MIN + "m=audio 9 RTP/AVP 0\r\n";
        for (String line : List.of("a=mid:a\tb", "a=rtcp-fb:0 na\u0001ck", "a=extmap:1 urn:x\u001fy",
                "a=msid:s\tt", "a=ice-ufrag:u\u0007f")) {
            SessionDescription sd = Sdp.parse(body + line + "\r\n");
            assertThat(sd.media().get(0).attributes()).containsExactly(new UnknownAttribute(line.substring(2)));
            assertThatThrownBy(() -> Sdp.parse(body + line + "\r\n", Sdp.Mode.STRICT))
                    .isInstanceOf(SdpException.class)
                    .satisfies(e -> assertThat(((SdpException) e).line()).isEqualTo(6));
        }
        assertThatThrownBy(() -> Sdp.parse("v=0\r\no=- 1 2 IN\u0001 IP4 x\r\ns=-\r\n"))
                .isInstanceOf(SdpException.class);
    }

    @Test
    void recordsBuiltOutsideAParseAreAlwaysChecked() {
        // the parser's trust ends with the parse, whether it returned or threw
        assertThatThrownBy(() -> Sdp.parse(MIN + "m=audio x"))
                .isInstanceOf(SdpException.class);
        assertThatThrownBy(() -> new Mid("a b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Fmtp(96, "x\r\na=evil")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Extmap(1, "urn:\tx")).isInstanceOf(IllegalArgumentException.class);
    }
}
