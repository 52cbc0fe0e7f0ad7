package org.jwebrtc.ice.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jwebrtc.ice.sim.Peers.S;

import org.jwebrtc.ice.IceConfig;
import org.jwebrtc.ice.IceRole;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 8445 §7.3.1.1 and §7.2.5.1: both agents claim the same role; the tie-breakers decide, 487 tells. */
class RoleConflictSimulationTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void bothControllingResolveToOneOfEach(long seed) {
        IceConfig controlling = IceConfig.defaults().withRole(IceRole.CONTROLLING);
        Peers p = Peers.loopback(seed, controlling, controlling).exchangeHostCandidates();
        assertThat(p.net.runUntil(10 * S, p::bothCompleted)).isTrue();
        assertThat(p.a.agent.role()).isNotEqualTo(p.b.agent.role());
        assertThat(p.sameSelectedPair()).isTrue();
        assertThat(p.a.agent.stats().roleConflicts() + p.b.agent.stats().roleConflicts()).isPositive();
        // The larger tie-breaker keeps the controlling role (RFC 8445 §7.3.1.1).
        boolean aWins = Long.compareUnsigned(p.a.agent.tieBreaker(), p.b.agent.tieBreaker()) >= 0;
        assertThat(p.a.agent.role()).isEqualTo(aWins ? IceRole.CONTROLLING : IceRole.CONTROLLED);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void bothControlledResolveToOneOfEach(long seed) {
        IceConfig controlled = IceConfig.defaults().withRole(IceRole.CONTROLLED);
        Peers p = Peers.loopback(seed, controlled, controlled).exchangeHostCandidates();
        assertThat(p.net.runUntil(10 * S, p::bothCompleted)).isTrue();
        assertThat(p.a.agent.role()).isNotEqualTo(p.b.agent.role());
        assertThat(p.sameSelectedPair()).isTrue();
        boolean aWins = Long.compareUnsigned(p.a.agent.tieBreaker(), p.b.agent.tieBreaker()) >= 0;
        assertThat(p.a.agent.role()).isEqualTo(aWins ? IceRole.CONTROLLING : IceRole.CONTROLLED);
    }
}
