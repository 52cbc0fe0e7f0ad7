package org.jwebrtc.ice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jwebrtc.stun.StunClass;
import org.jwebrtc.stun.StunMessage;
import org.jwebrtc.stun.XorMappedAddress;
import org.jwebrtc.testsupport.Json;
import org.jwebrtc.testsupport.SharedFiles;
import org.junit.jupiter.api.Test;

/** Real checks from outside: the RFC 5769 ICE request and browser captures (shared/vectors/stun). */
class BrowserCapturesTest {
    private static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 10000);
    private static final InetSocketAddress PEER = new InetSocketAddress("192.0.2.1", 32853);

    @Test
    void rfc5769SampleRequestIsAcceptedAndAnswered() throws Exception {
        Map<String, Object> v = Json.object(Json.array(Json.object(SharedFiles.json(
                SharedFiles.vectors("stun", "rfc5769.json"))).get("vectors")).get(0));
        byte[] request = HexFormat.of().parseHex((String) v.get("message_hex"));
        String key = (String) v.get("integrity_key_utf8");
        // USERNAME "evtj:h6vY": we are "evtj", the password is ours.
        Random r = new Random(1);
        IceAgent agent = new IceAgent(IceConfig.defaults(), new IceCredentials("evtj", key), r);
        agent.addLocalCandidate(Candidate.host(LOCAL, 65535));
        assertThat(agent.handleInput(0, LOCAL, PEER, request, 0, request.length)).isTrue();
        assertThat(agent.stats().accepted()).isEqualTo(1);
        Transmit t = agent.pollTransmit();
        assertThat(t.remote()).isEqualTo(PEER);
        StunMessage response = StunMessage.parse(t.data());
        assertThat(response.messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
        assertThat(response.transactionId().toString()).isEqualTo("b7e7a701bc34d686fa87dfae");
        assertThat(response.attribute(XorMappedAddress.class).orElseThrow().address()).isEqualTo(PEER);
        assertThat(StunMessage.verifyIntegrity(t.data(), 0, t.data().length, key.getBytes(StandardCharsets.UTF_8)))
                .isTrue();
        // The sender is ICE-CONTROLLED and we control: no conflict. It becomes a remote peer-reflexive candidate
        // with the PRIORITY it announced.
        assertThat(agent.role()).isEqualTo(IceRole.CONTROLLING);
        assertThat(agent.remoteCandidates()).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(CandidateType.PEER_REFLEXIVE);
            assertThat(c.priority()).isEqualTo(1845494271L);
        });
        // The same request with our password wrong is refused.
        IceAgent other = new IceAgent(IceConfig.defaults(), new IceCredentials("evtj", key + "x"), r);
        other.addLocalCandidate(Candidate.host(LOCAL, 65535));
        other.handleInput(0, LOCAL, PEER, request, 0, request.length);
        assertThat(other.stats().badIntegrity()).isEqualTo(1);
        assertThat(other.remoteCandidates()).isEmpty();
    }

    @Test
    void browserChecksParseAndAreRefusedWithoutTheirPassword() {
        List<String> lines = SharedFiles.text(SharedFiles.vectors("stun", "browsers", "frombrowsers.csv")).lines()
                .filter(l -> !l.startsWith("#") && !l.startsWith("ip,") && !l.isBlank()).toList();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(10);
        IceAgent agent = new IceAgent(IceConfig.defaults(), new IceCredentials("abcd", "0123456789012345678901"),
                new Random(2));
        agent.addLocalCandidate(Candidate.host(LOCAL, 65535));
        for (String line : lines) {
            byte[] m = Base64.getDecoder().decode(line.split(",")[1]);
            assertThat(agent.handleInput(0, LOCAL, PEER, m, 0, m.length)).isTrue();
        }
        byte[] chrome = SharedFiles.bytes(SharedFiles.vectors("stun", "browsers", "ex1_chrome.stun"));
        agent.handleInput(0, LOCAL, PEER, chrome, 0, chrome.length);
        IceStats s = agent.stats();
        // Every capture is STUN and well formed; none is acted on (not our ufrag / password).
        assertThat(s.malformed()).isZero();
        assertThat(s.accepted()).isZero();
        assertThat(s.total()).isEqualTo(lines.size() + 1);
        assertThat(agent.remoteCandidates()).isEmpty();
    }
}
