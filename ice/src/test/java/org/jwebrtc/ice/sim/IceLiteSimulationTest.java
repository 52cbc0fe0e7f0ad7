package org.jwebrtc.ice.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jwebrtc.ice.sim.Peers.S;

import org.jwebrtc.ice.IceConfig;
import org.jwebrtc.ice.IceConnectionState;
import org.jwebrtc.ice.IceEvent;
import org.jwebrtc.ice.IceRole;
import org.junit.jupiter.api.Test;

/**
 * Full ↔ lite (RFC 8445 §2.5, §6.1.1, §8.2): the lite agent sends no checks and no consent requests (RFC 7675 §1),
 * only answers; the full agent controls and nominates; the lite agent selects the nominated pair and is Completed.
 */
class IceLiteSimulationTest {

    private static Peers fullAndLite(long seed, IceRole fullRole, boolean tellFullItsPeerIsLite) {
        Peers p = Peers.loopback(seed, IceConfig.defaults().withRole(fullRole),
                IceConfig.defaults().withRole(IceRole.CONTROLLING).withLite(true));
        assertThat(p.b.agent.role()).isEqualTo(IceRole.CONTROLLED); // a lite agent is never controlling
        assertThat(p.b.agent.isLite()).isTrue();
        if (tellFullItsPeerIsLite) {
            p.a.agent.setRemoteLite(true); // a=ice-lite in the peer's SDP
            assertThat(p.a.agent.role()).isEqualTo(IceRole.CONTROLLING);
        }
        return p.exchangeHostCandidates();
    }

    @Test
    void fullAgentConnectsToALiteAgent() {
        Peers p = fullAndLite(801, IceRole.CONTROLLED, true);
        assertThat(p.net.runUntil(5 * S, p::bothCompleted)).isTrue();
        assertThat(p.sameSelectedPair()).isTrue();
        assertThat(p.b.events(IceEvent.StateChanged.class)).extracting(IceEvent.StateChanged::state)
                .containsExactly(IceConnectionState.CHECKING, IceConnectionState.COMPLETED);
        p.net.runFor(60 * S);
        assertThat(p.bothCompleted()).isTrue();
        // The lite side never sent a request: only responses (and keepalive indications if idle).
        assertThat(p.b.sent).noneMatch(StunPackets::isRequest);
        assertThat(p.b.agent.stats().checksSent()).isZero();
        assertThat(p.b.agent.stats().consentChecksSent()).isZero();
        assertThat(p.a.agent.stats().consentChecksSent()).isGreaterThanOrEqualTo(10);
        assertThat(p.b.agent.send(p.net.now(), new byte[] {(byte) 0x80})).isPresent();
    }

    @Test
    void aFullAgentNotToldAboutLiteGetsA487AndTakesControl() {
        Peers p = fullAndLite(802, IceRole.CONTROLLED, false);
        assertThat(p.net.runUntil(10 * S, p::bothCompleted)).isTrue();
        assertThat(p.a.agent.role()).isEqualTo(IceRole.CONTROLLING);
        assertThat(p.b.agent.role()).isEqualTo(IceRole.CONTROLLED);
        assertThat(p.a.agent.stats().roleConflicts()).isPositive();
    }

    @Test
    void theLiteAgentNoticesAFullPeerThatWentSilent() {
        Peers p = fullAndLite(803, IceRole.CONTROLLING, true);
        assertThat(p.net.runUntil(5 * S, p::bothCompleted)).isTrue();
        long cutAt = p.net.now();
        p.net.cut = true;
        assertThat(p.net.runUntil(cutAt + 40 * S, () -> p.b.agent.state() == IceConnectionState.FAILED)).isTrue();
        IceEvent.StateChanged disconnected = p.b.events(IceEvent.StateChanged.class).stream()
                .filter(e -> e.state() == IceConnectionState.DISCONNECTED).findFirst().orElseThrow();
        assertThat(disconnected).isNotNull();
        assertThat(p.net.now() - cutAt).isBetween(29 * S, 31 * S); // RFC 7675 §5.1 timeout, fed by the peer's checks
    }
}
