package org.jwebrtc.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RFC 8839 §5.1 candidate grammar, including browser extensions, as trickled lines. */
class CandidateTest {

    @Test
    void chromeHostWithMdnsAndExtensions() throws SdpException {
        String line = "candidate:1467250027 1 udp 2122260223 3f1c7d0a-5b2e-4b7e-9c2b-1c4d2d0e8f11.local 46243 typ host "
                + "generation 0 ufrag EsAw network-id 1 network-cost 10";
        Candidate c = Candidate.parse(line);
        assertThat(c.foundation()).isEqualTo("1467250027");
        assertThat(c.component()).isEqualTo(1);
        assertThat(c.isUdp()).isTrue();
        assertThat(c.priority()).isEqualTo(2122260223L);
        assertThat(c.address()).endsWith(".local");
        assertThat(c.port()).isEqualTo(46243);
        assertThat(c.type()).isEqualTo(CandidateType.HOST);
        assertThat(c.generation()).hasValue(0);
        assertThat(c.ufrag()).contains("EsAw");
        assertThat(c.networkId()).hasValue(1);
        assertThat(c.networkCost()).hasValue(10);
        assertThat(c.toString()).isEqualTo(line);
        assertThat(c.toSdpLine()).isEqualTo("a=" + line);
    }

    @Test
    void tcpPassiveAndActive() throws SdpException {
        Candidate p = Candidate.parse("a=candidate:2 1 tcp 1518280447 192.168.1.2 9 typ host tcptype passive generation 0\r\n");
        assertThat(p.tcpType()).contains(TcpType.PASSIVE);
        assertThat(p.isUdp()).isFalse();
        Candidate a = Candidate.parse("candidate:3 1 TCP 2105524479 10.0.0.1 9 typ host tcptype active");
        assertThat(a.tcpType()).contains(TcpType.ACTIVE);
        assertThat(a.text()).isEqualTo("candidate:3 1 TCP 2105524479 10.0.0.1 9 typ host tcptype active");
    }

    @Test
    void relayWithRelatedAddressAndUnknownExtensions() throws SdpException {
        String line = "candidate:4 2 udp 41885695 203.0.113.9 3478 typ relay raddr 198.51.100.7 rport 61000 "
                + "generation 2 x-foo bar x-baz 1";
        Candidate c = Candidate.parse(line);
        assertThat(c.type()).isEqualTo(CandidateType.RELAY);
        assertThat(c.relatedAddress()).contains("198.51.100.7");
        assertThat(c.relatedPort()).hasValue(61000);
        assertThat(c.extensions()).containsExactly(new Candidate.Extension("x-foo", "bar"),
                new Candidate.Extension("x-baz", "1"));
        assertThat(c.toString()).isEqualTo(line);
        assertThat(Candidate.parse(c.toString())).isEqualTo(c);
    }

    @Test
    void ipv6AndPrflx() throws SdpException {
        Candidate c = Candidate.parse("candidate:5 1 udp 1845501695 2001:db8::1 5000 typ prflx");
        assertThat(c.address()).isEqualTo("2001:db8::1");
        assertThat(c.type()).isEqualTo(CandidateType.PRFLX);
        assertThat(c.relatedAddress()).isEmpty();
    }

    @Test
    void builtCandidateWrites() {
        Candidate c = new Candidate("abc", 1, "udp", 2130706431L, "127.0.0.1", 5000, CandidateType.SRFLX)
                .withRelated("0.0.0.0", 0);
        assertThat(c.text()).isEqualTo("candidate:abc 1 udp 2130706431 127.0.0.1 5000 typ srflx raddr 0.0.0.0 rport 0");
    }

    @Test
    void errorsNameTheColumnAndExpectation() {
        assertError("candidate:1 1 udp 1 1.2.3.4 5000 typ nope", 38, "candidate type");
        assertError("candidate:1 0 udp 1 1.2.3.4 5000 typ host", 13, "component-id");
        assertError("candidate:1 1 udp 4294967296 1.2.3.4 5000 typ host", 19, "priority");
        assertError("candidate:1 1 udp 1 1.2.3.4 65536 typ host", 29, "port");
        assertError("candidate:1 1 udp 1 1.2.3.4 5000 host", 34, "\"typ\"");
        assertError("candidate:1 1 udp 1 1.2.3.4 5000 typ host raddr", 48, "space");
        assertError("candidate:1 1 udp 1 1.2.3.4 5000 typ host tcptype x", 51, "tcptype");
        assertError("candidate:1 1 udp 1 1.2.3.4 5000 typ host generation 1 generation 2", 56, "no second");
        assertError("cand:1", 1, "\"candidate:\"");
        assertError("candidate:" + "f".repeat(33) + " 1 udp 1 1.2.3.4 5000 typ host", 44, "32");
    }

    private static void assertError(String line, int column, String expected) {
        assertThatThrownBy(() -> Candidate.parse(line))
                .isInstanceOfSatisfying(SdpException.class, e -> {
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.column()).as(e.getMessage()).isEqualTo(column);
                    assertThat(e.expected()).contains(expected);
                });
    }

    @Test
    void candidatesInAFullSdpKeepOrderWithEndOfCandidates() throws SdpException {
        String sdp = "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n"
                + "a=candidate:1 1 udp 1 10.0.0.1 1000 typ host\r\n"
                + "a=candidate:2 1 udp 2 10.0.0.2 1001 typ host\r\na=end-of-candidates\r\n";
        MediaDescription m = Sdp.parse(sdp, Sdp.Mode.STRICT).media().get(0);
        assertThat(m.candidates()).extracting(Candidate::foundation).containsExactly("1", "2");
        assertThat(m.attributes().get(2)).isEqualTo(PropertyAttribute.END_OF_CANDIDATES);
        assertThat(Sdp.write(Sdp.parse(sdp))).isEqualTo(sdp);
        assertThat(m.candidates().get(0).extensions()).isEqualTo(List.of());
        assertThat(m.candidates().get(0).ufrag()).isEqualTo(Optional.empty());
    }
}
