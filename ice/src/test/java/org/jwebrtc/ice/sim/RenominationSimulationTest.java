package org.jwebrtc.ice.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jwebrtc.ice.sim.Peers.S;

import java.net.InetSocketAddress;
import org.jwebrtc.ice.Candidate;
import org.jwebrtc.ice.CandidatePairState;
import org.jwebrtc.ice.IceConfig;
import org.jwebrtc.ice.IceEvent;
import org.jwebrtc.ice.IceRole;
import org.junit.jupiter.api.Test;

/**
 * Renomination: the controlling agent nominates a better pair that became valid after the first selection; the
 * controlled one takes the highest nominated pair (RFC 8445 §8.1.1, §7.3.1.5).
 */
class RenominationSimulationTest {
    static final InetSocketAddress B_GOOD = new InetSocketAddress("127.0.0.1", 20001);

    private static Peers withLateBetterCandidate(long seed, boolean renomination) {
        Peers p = Peers.loopback(seed, IceConfig.defaults().withRole(IceRole.CONTROLLING).withRenomination(renomination),
                IceConfig.defaults().withRole(IceRole.CONTROLLED));
        p.net.add("B-good", p.b.agent, B_GOOD);
        Candidate a = Peers.host(p.addrA);
        Candidate bPoor = Candidate.host(p.addrB, 1000);
        Candidate bGood = Candidate.host(B_GOOD, 65000);
        p.a.agent.addLocalCandidate(a);
        p.b.agent.addLocalCandidate(bPoor);
        p.b.agent.addRemoteCandidate(a);
        p.a.agent.addRemoteCandidate(bPoor);
        assertThat(p.net.runUntil(5 * S, p::bothConnected)).isTrue();
        assertThat(p.a.agent.selectedPair().orElseThrow().remote().address()).isEqualTo(p.addrB);
        // A better interface comes up at B after the selection, and is trickled.
        p.b.agent.addLocalCandidate(bGood);
        p.a.agent.addRemoteCandidate(bGood);
        p.a.agent.endOfRemoteCandidates();
        p.b.agent.endOfRemoteCandidates();
        return p;
    }

    @Test
    void controllingRenominatesABetterPairAndTheControlledFollows() {
        Peers p = withLateBetterCandidate(601, true);
        assertThat(p.net.runUntil(p.net.now() + 5 * S,
                () -> p.bothCompleted() && p.a.agent.selectedPair().orElseThrow().remote().address().equals(B_GOOD)
                        && p.b.agent.selectedPair().orElseThrow().local().address().equals(B_GOOD)))
                .as("%s %s %s %s", p.a.agent.state(), p.b.agent.state(), p.a.agent.checklist(), p.b.agent.checklist())
                .isTrue();
        assertThat(p.a.events(IceEvent.SelectedPair.class)).hasSize(2);
        assertThat(p.b.events(IceEvent.SelectedPair.class)).hasSize(2);
        assertThat(p.sameSelectedPair()).isTrue();
        // A lower-priority nomination never displaces the higher one at the controlled side.
        assertThat(p.b.agent.checklist()).filteredOn(e -> e.nominated()).hasSize(2);
        p.net.runFor(40 * S);
        assertThat(p.bothCompleted()).isTrue();
    }

    @Test
    void withoutRenominationTheFirstSelectionStays() {
        Peers p = withLateBetterCandidate(602, false);
        p.net.runFor(5 * S);
        assertThat(p.a.agent.selectedPair().orElseThrow().remote().address()).isEqualTo(p.addrB);
        assertThat(p.a.events(IceEvent.SelectedPair.class)).hasSize(1);
        assertThat(p.a.agent.checklist()).noneMatch(e -> e.pair().remote().address().equals(B_GOOD)
                && e.state() == CandidatePairState.SUCCEEDED);
    }
}
