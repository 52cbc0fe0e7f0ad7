package org.jwebrtc.ice.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jwebrtc.ice.sim.Peers.S;

import java.util.List;
import org.jwebrtc.ice.CandidatePairState;
import org.jwebrtc.ice.IceConnectionState;
import org.jwebrtc.ice.IceEvent;
import org.junit.jupiter.api.Test;

/** RFC 8838 §14 / RFC 8445 §8.1.2: with end-of-candidates and every pair failed, ICE fails. */
class EndOfCandidatesFailureSimulationTest {

    @Test
    void noWorkingPairAfterEndOfCandidatesFails() {
        Peers p = Peers.loopback(91).exchangeHostCandidates();
        p.net.cut = true; // a firewall drops everything
        p.net.runFor(120 * S);
        for (VirtualNetwork.Node n : List.of(p.a, p.b)) {
            assertThat(n.agent.state()).isEqualTo(IceConnectionState.FAILED);
            assertThat(n.events(IceEvent.SelectedPair.class)).isEmpty();
            assertThat(n.agent.checklist()).allMatch(e -> e.state() == CandidatePairState.FAILED);
            VirtualNetwork.Timed failed = n.events.get(n.events.size() - 1);
            assertThat(failed.event()).isEqualTo(new IceEvent.StateChanged(IceConnectionState.FAILED));
            // Seven transmissions and the last wait (RFC 8489 §6.2.1): 31.5 s with RTO 500 ms.
            assertThat(failed.at()).isBetween(31 * S, 33 * S);
            assertThat(n.agent.pollTimeout()).isEqualTo(Long.MAX_VALUE);
        }
    }
}
