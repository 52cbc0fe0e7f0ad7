package org.jwebrtc.ice.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jwebrtc.ice.sim.Peers.S;

import java.net.InetSocketAddress;
import org.jwebrtc.ice.Candidate;
import org.jwebrtc.ice.CandidatePairState;
import org.jwebrtc.ice.IceConfig;
import org.jwebrtc.ice.IceConnectionState;
import org.jwebrtc.ice.IceEvent;
import org.jwebrtc.ice.IceRole;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Network change without a restart: a local candidate goes away (interface down); its pairs fail, checks go on with
 * the other candidates, and a new pair is selected on both sides.
 */
class CandidateRemovalSimulationTest {
    static final InetSocketAddress B_WIFI = new InetSocketAddress("127.0.0.1", 20001);

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void losingTheSelectedInterfaceMovesToTheOtherOne(boolean removedAtControlled) {
        Peers p = Peers.loopback(removedAtControlled ? 701 : 702, IceConfig.defaults().withRole(IceRole.CONTROLLING),
                IceConfig.defaults().withRole(IceRole.CONTROLLED));
        p.net.add("B-wifi", p.b.agent, B_WIFI);
        Candidate a = Peers.host(p.addrA);
        Candidate bWired = Candidate.host(p.addrB, 65000);
        Candidate bWifi = Candidate.host(B_WIFI, 30000);
        p.a.agent.addLocalCandidate(a);
        p.b.agent.addLocalCandidate(bWired);
        p.b.agent.addLocalCandidate(bWifi);
        p.a.agent.addRemoteCandidate(bWired);
        p.a.agent.addRemoteCandidate(bWifi);
        p.b.agent.addRemoteCandidate(a);
        p.a.agent.endOfRemoteCandidates();
        p.b.agent.endOfRemoteCandidates();
        assertThat(p.net.runUntil(5 * S, p::bothCompleted)).isTrue();
        assertThat(p.b.agent.selectedPair().orElseThrow().local()).isEqualTo(bWired);
        // The wired interface goes down at B; B tells A (trickle removal), packets to it vanish.
        p.net.filter = pk -> !pk.to().equals(p.addrB) && !pk.from().equals(p.addrB);
        p.b.agent.removeLocalCandidate(bWired);
        p.a.agent.removeRemoteCandidate(bWired);
        assertThat(p.b.agent.localCandidates()).containsExactly(bWifi);
        assertThat(p.b.agent.checklist()).filteredOn(e -> e.pair().local().equals(bWired))
                .allMatch(e -> e.state() == CandidatePairState.FAILED);
        assertThat(p.b.agent.canSend()).isFalse();
        assertThat(p.net.runUntil(p.net.now() + 5 * S, () -> p.bothConnected()
                && p.b.agent.selectedPair().orElseThrow().local().equals(bWifi)
                && p.a.agent.selectedPair().orElseThrow().remote().address().equals(B_WIFI))).isTrue();
        assertThat(p.sameSelectedPair()).isTrue();
        assertThat(p.b.events(IceEvent.StateChanged.class)).extracting(IceEvent.StateChanged::state)
                .contains(IceConnectionState.DISCONNECTED).doesNotContain(IceConnectionState.FAILED);
        p.net.runFor(40 * S);
        assertThat(p.bothConnected()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void removingTheOnlyCandidateFailsAfterEndOfCandidates(boolean local) {
        Peers p = Peers.loopback(703).exchangeHostCandidates();
        assertThat(p.net.runUntil(5 * S, p::bothCompleted)).isTrue();
        if (local) {
            p.a.agent.removeLocalCandidate(Peers.host(p.addrA));
        } else {
            p.a.agent.removeRemoteCandidate(Peers.host(p.addrB));
        }
        assertThat(p.a.agent.state()).isEqualTo(IceConnectionState.FAILED);
        assertThat(p.a.agent.canSend()).isFalse();
    }
}
