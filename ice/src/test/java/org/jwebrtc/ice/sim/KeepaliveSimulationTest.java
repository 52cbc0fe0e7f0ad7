package org.jwebrtc.ice.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jwebrtc.ice.sim.Peers.S;

import java.time.Duration;
import java.util.List;
import org.jwebrtc.ice.IceConfig;
import org.jwebrtc.ice.IceRole;
import org.junit.jupiter.api.Test;

/** RFC 8445 §11: a Binding indication on the selected pair when nothing was sent for Tr (15 s). */
class KeepaliveSimulationTest {
    private static IceConfig noConsent(IceRole role) {
        return IceConfig.defaults().withRole(role)
                .withConsent(false, Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(10));
    }

    @Test
    void idleSelectedPairGetsAnIndicationEveryFifteenSeconds() {
        Peers p = Peers.loopback(71, noConsent(IceRole.CONTROLLING), noConsent(IceRole.CONTROLLED))
                .exchangeHostCandidates();
        assertThat(p.net.runUntil(5 * S, p::bothCompleted)).isTrue();
        long start = p.net.now();
        p.net.runFor(61 * S);
        List<VirtualNetwork.Packet> keepalives = p.a.sent.stream().filter(pk -> pk.at() > start)
                .filter(StunPackets::isIndication).toList();
        assertThat(keepalives).hasSize(4);
        for (int i = 1; i < keepalives.size(); i++) {
            assertThat(keepalives.get(i).at() - keepalives.get(i - 1).at()).isEqualTo(15 * S);
        }
        assertThat(keepalives).allMatch(k -> k.to().equals(p.addrB) && k.from().equals(p.addrA));
        assertThat(p.a.agent.stats().keepalivesSent()).isEqualTo(4);
        // Indications need no answer and change nothing on the other side.
        assertThat(p.b.agent.stats().ignored()).isGreaterThanOrEqualTo(4);
        assertThat(Peers.connected(p.a) && Peers.connected(p.b)).isTrue();
    }

    @Test
    void applicationTrafficSuppressesKeepalives() {
        Peers p = Peers.loopback(72, noConsent(IceRole.CONTROLLING), noConsent(IceRole.CONTROLLED))
                .exchangeHostCandidates();
        assertThat(p.net.runUntil(5 * S, p::bothCompleted)).isTrue();
        long until = p.net.now() + 60 * S;
        while (p.net.now() < until) {
            p.a.agent.send(p.net.now(), new byte[] {(byte) 0x80, 0}).orElseThrow();
            p.net.runFor(S);
        }
        assertThat(p.a.agent.stats().keepalivesSent()).isZero();
        assertThat(p.b.agent.stats().keepalivesSent()).isEqualTo(4);
    }

    @Test
    void consentChecksAlsoKeepTheBindingAlive() {
        Peers p = Peers.loopback(73).exchangeHostCandidates();
        assertThat(p.net.runUntil(5 * S, p::bothCompleted)).isTrue();
        p.net.runFor(60 * S);
        // Every 4-6 s something is sent on the pair, so no indication is ever needed.
        assertThat(p.a.agent.stats().keepalivesSent()).isZero();
        assertThat(p.a.agent.stats().consentChecksSent()).isBetween(10L, 15L);
    }
}
