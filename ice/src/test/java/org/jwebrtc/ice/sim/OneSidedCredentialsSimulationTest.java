package org.jwebrtc.ice.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jwebrtc.ice.sim.Peers.S;

import org.jwebrtc.ice.IceConnectionState;
import java.net.InetSocketAddress;
import org.jwebrtc.ice.CandidatePairState;
import org.jwebrtc.ice.IceConfig;
import org.jwebrtc.ice.IceRole;
import org.jwebrtc.ice.IceEvent;
import org.junit.jupiter.api.Test;

/**
 * B learned a wrong password for A: A's checks succeed at B, but B's checks are rejected (401) at A, so B fails and
 * goes silent (here: from A's first valid pair on, before A's nomination gets through). A holds a valid pair it can never nominate; it must fail within one nomination round, not retry a
 * silent peer for minutes (the peer-connection test that exposed this waited 60 s in vain).
 */
class OneSidedCredentialsSimulationTest {

    @Test
    void theControllingSideFailsInOneRoundWhenItsPeerCannotAuthenticateIt() {
        Peers p = new Peers(77, IceConfig.defaults().withRole(IceRole.CONTROLLING),
                IceConfig.defaults().withRole(IceRole.CONTROLLED), new InetSocketAddress("127.0.0.1", 10000),
                new InetSocketAddress("127.0.0.1", 20000), true).exchangeHostCandidates();
        p.net.filter = pk -> !(pk.from().equals(p.addrB) && p.a.agent.checklist().stream()
                .anyMatch(e -> e.state() == CandidatePairState.SUCCEEDED));
        long limit = 40 * S;
        boolean failed = p.net.runUntil(limit, () -> p.a.agent.state() == IceConnectionState.FAILED);
        assertThat(failed).as("A failed within %d s: %s %s", limit / S, p.a.agent.state(), p.a.agent.checklist())
                .isTrue();
        assertThat(p.a.events(IceEvent.SelectedPair.class)).isEmpty();
        assertThat(p.b.events(IceEvent.SelectedPair.class)).isEmpty();
        assertThat(p.a.agent.stats().badIntegrity()).isPositive();
    }
}
