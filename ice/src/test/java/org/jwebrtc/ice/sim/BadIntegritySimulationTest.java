package org.jwebrtc.ice.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jwebrtc.ice.sim.Peers.MS;
import static org.jwebrtc.ice.sim.Peers.S;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.jwebrtc.ice.IceEvent;
import org.jwebrtc.stun.ErrorCode;
import org.jwebrtc.stun.IntegrityAlgorithm;
import org.jwebrtc.stun.StunAttributeType;
import org.jwebrtc.stun.StunClass;
import org.jwebrtc.stun.StunMessage;
import org.jwebrtc.stun.StunMethod;
import org.jwebrtc.stun.StunWriter;
import org.jwebrtc.stun.TransactionId;
import org.junit.jupiter.api.Test;

/** Security checks are never optional: forged checks and responses are dropped, counted and never selected. */
class BadIntegritySimulationTest {
    private static final InetSocketAddress ATTACKER = new InetSocketAddress("127.0.0.1", 31337);

    static byte[] request(String username, byte[] key, boolean fingerprint, boolean controlling, long seed) {
        byte[] buf = new byte[512];
        StunWriter w = new StunWriter().start(buf, 0, buf.length, StunClass.REQUEST, StunMethod.BINDING,
                TransactionId.random(new Random(seed)));
        byte[] u = username.getBytes(StandardCharsets.UTF_8);
        w.addBytes(StunAttributeType.USERNAME, u, 0, u.length).addU32(StunAttributeType.PRIORITY, 1862270975L)
                .addU64(controlling ? StunAttributeType.ICE_CONTROLLING : StunAttributeType.ICE_CONTROLLED, seed)
                .addEmpty(StunAttributeType.USE_CANDIDATE);
        return Arrays.copyOf(buf, w.finish(key, IntegrityAlgorithm.HMAC_SHA1, fingerprint));
    }

    @Test
    void requestsWithBadIntegrityAreAnswered401AndNeverPaired() {
        Peers p = Peers.loopback(31).exchangeHostCandidates();
        String username = p.b.agent.localCredentials().ufrag() + ":" + p.a.agent.localCredentials().ufrag();
        byte[] wrongKey = "not-the-password-of-b-at-all".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 5; i++) {
            p.net.inject(ATTACKER, p.addrB, request(username, wrongKey, true, true, 100 + i));
        }
        // Unknown ufrag and missing FINGERPRINT are dropped too.
        byte[] rightKey = p.b.agent.localCredentials().pwd().getBytes(StandardCharsets.UTF_8);
        p.net.inject(ATTACKER, p.addrB, request("nobody:" + p.a.agent.localCredentials().ufrag(), rightKey, true,
                true, 200));
        p.net.inject(ATTACKER, p.addrB, request(username, rightKey, false, true, 201));
        assertThat(p.net.runUntil(5 * S, p::bothCompleted)).isTrue();
        p.net.runFor(2 * S);
        assertThat(p.b.agent.stats().badIntegrity()).isEqualTo(5);
        assertThat(p.b.agent.stats().unknownUsername()).isEqualTo(1);
        assertThat(p.b.agent.stats().badFingerprint()).isEqualTo(1);
        assertThat(p.b.agent.remoteCandidates()).noneMatch(c -> c.address().equals(ATTACKER));
        assertThat(p.b.agent.checklist()).noneMatch(e -> e.pair().remote().address().equals(ATTACKER));
        assertThat(p.b.agent.selectedPair().orElseThrow().remote().address()).isEqualTo(p.addrA);
        assertThat(p.b.events(IceEvent.SelectedPair.class)).hasSize(1);
        // Each authenticated-failure got a 401 without MESSAGE-INTEGRITY; the FINGERPRINT-less one got nothing.
        long errors401 = p.b.sent.stream().filter(pk -> pk.to().equals(ATTACKER)).map(pk -> parse(pk.data()))
                .filter(m -> m.messageClass() == StunClass.ERROR_RESPONSE)
                .filter(m -> m.attribute(ErrorCode.class).orElseThrow().code() == 401).count();
        assertThat(errors401).isEqualTo(6);
    }

    @Test
    void forgedResponsesAreDroppedAndTheRealOneWins() {
        Peers p = Peers.loopback(32).exchangeHostCandidates();
        byte[] wrongKey = "forged".getBytes(StandardCharsets.UTF_8);
        // Man on the side: sees A's checks and races a response keyed with a wrong password.
        p.net.filter = pk -> {
            if (pk.from().equals(p.addrA)) {
                StunMessage m = parse(pk.data());
                if (m.messageClass() == StunClass.REQUEST) {
                    byte[] buf = new byte[256];
                    StunWriter w = new StunWriter().start(buf, 0, buf.length, StunClass.SUCCESS_RESPONSE,
                            StunMethod.BINDING, m.transactionId());
                    byte[] ip = ATTACKER.getAddress().getAddress();
                    w.addXorAddress(StunAttributeType.XOR_MAPPED_ADDRESS, ip, 0, 4, ATTACKER.getPort());
                    byte[] forged = Arrays.copyOf(buf, w.finish(wrongKey, IntegrityAlgorithm.HMAC_SHA1, true));
                    p.net.inject(p.addrB, p.addrA, forged);
                }
            }
            return true;
        };
        assertThat(p.net.runUntil(5 * S, p::bothCompleted)).isTrue();
        assertThat(p.a.agent.stats().badIntegrity()).isPositive();
        assertThat(p.a.events(IceEvent.LocalCandidate.class)).isEmpty();
        assertThat(p.a.agent.selectedPair().orElseThrow().local().address()).isEqualTo(p.addrA);
        assertThat(p.net.now()).isLessThan(500 * MS);
    }

    static StunMessage parse(byte[] data) {
        try {
            return StunMessage.parse(data);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
