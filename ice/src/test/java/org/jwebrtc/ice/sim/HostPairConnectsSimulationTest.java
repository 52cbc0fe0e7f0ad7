package org.jwebrtc.ice.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jwebrtc.ice.sim.Peers.MS;
import static org.jwebrtc.ice.sim.Peers.S;

import org.jwebrtc.ice.IceConnectionState;
import org.jwebrtc.ice.IceEvent;
import org.jwebrtc.ice.IceRole;
import org.jwebrtc.ice.Transmit;
import org.junit.jupiter.api.Test;

/** Two full agents with host candidates on loopback: the controlling agent nominates, both agree. */
class HostPairConnectsSimulationTest {

    @Test
    void bothReachCompletedWithTheSameSelectedPair() {
        Peers p = Peers.loopback(1).exchangeHostCandidates();
        assertThat(p.net.runUntil(5 * S, p::bothCompleted)).isTrue();
        assertThat(p.sameSelectedPair()).isTrue();
        assertThat(p.a.agent.selectedPair().orElseThrow().local().address()).isEqualTo(p.addrA);
        assertThat(p.a.agent.selectedPair().orElseThrow().remote().address()).isEqualTo(p.addrB);
        assertThat(p.a.events(IceEvent.StateChanged.class)).extracting(IceEvent.StateChanged::state)
                .containsExactly(IceConnectionState.CHECKING, IceConnectionState.CONNECTED,
                        IceConnectionState.COMPLETED);
        assertThat(p.b.events(IceEvent.StateChanged.class)).extracting(IceEvent.StateChanged::state)
                .containsExactly(IceConnectionState.CHECKING, IceConnectionState.CONNECTED,
                        IceConnectionState.COMPLETED);
        assertThat(p.a.events(IceEvent.SelectedPair.class)).hasSize(1);
        assertThat(p.b.events(IceEvent.SelectedPair.class)).hasSize(1);
        assertThat(p.a.agent.role()).isEqualTo(IceRole.CONTROLLING);
        assertThat(p.b.agent.role()).isEqualTo(IceRole.CONTROLLED);
        // One RTT of checks plus one nomination check: well under a second of virtual time.
        assertThat(p.net.now()).isLessThan(500 * MS);
        assertThat(p.a.agent.stats().dropped()).isZero();
        assertThat(p.b.agent.stats().dropped()).isZero();
    }

    @Test
    void applicationDataGoesOnTheSelectedPair() {
        Peers p = Peers.loopback(2).exchangeHostCandidates();
        assertThat(p.a.agent.send(0, new byte[] {1})).isEmpty(); // no consent yet
        p.net.runUntil(5 * S, p::bothCompleted);
        Transmit t = p.a.agent.send(p.net.now(), new byte[] {(byte) 22, 1, 2}).orElseThrow();
        assertThat(t.local()).isEqualTo(p.addrA);
        assertThat(t.remote()).isEqualTo(p.addrB);
        // DTLS (first byte 22) is not ICE's: handleInput says so and counts it as not-STUN.
        assertThat(p.b.agent.handleInput(p.net.now(), p.addrB, p.addrA, t.data(), 0, t.data().length)).isFalse();
        assertThat(p.b.agent.stats().notStun()).isEqualTo(1);
    }

    @Test
    void staysConnectedForMinutesWithConsentChecks() {
        Peers p = Peers.loopback(3).exchangeHostCandidates();
        p.net.runUntil(5 * S, p::bothCompleted);
        p.net.runFor(120 * S);
        assertThat(p.a.agent.state()).isEqualTo(IceConnectionState.COMPLETED);
        assertThat(p.b.agent.state()).isEqualTo(IceConnectionState.COMPLETED);
        // RFC 7675: one consent check every 4-6 s.
        assertThat(p.a.agent.stats().consentChecksSent()).isBetween(20L, 30L);
        assertThat(p.b.agent.stats().consentChecksSent()).isBetween(20L, 30L);
    }
}
