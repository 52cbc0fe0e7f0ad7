package org.jwebrtc.ice.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jwebrtc.ice.sim.Peers.MS;
import static org.jwebrtc.ice.sim.Peers.S;

import java.net.InetSocketAddress;
import java.util.Optional;
import org.jwebrtc.ice.Candidate;
import org.jwebrtc.ice.CandidateType;
import org.jwebrtc.ice.IceConnectionState;
import org.junit.jupiter.api.Test;

/** RFC 8838: candidates trickle in at any time, including after checks started. */
class TrickleSimulationTest {

    @Test
    void candidatesArrivingLateStillConnect() {
        Peers p = Peers.loopback(11);
        Candidate ca = Peers.host(p.addrA);
        Candidate cb = Peers.host(p.addrB);
        p.a.agent.addLocalCandidate(ca);
        p.net.runFor(300 * MS);
        assertThat(p.a.agent.state()).isEqualTo(IceConnectionState.NEW);
        p.b.agent.addLocalCandidate(cb);
        p.net.runFor(200 * MS);
        p.a.agent.addRemoteCandidate(cb); // A starts checking; B learns A as peer-reflexive
        p.net.runFor(700 * MS);
        p.b.agent.addRemoteCandidate(ca); // the signalled twin replaces B's peer-reflexive remote
        assertThat(p.net.runUntil(10 * S, p::bothConnected)).isTrue();
        p.a.agent.endOfRemoteCandidates();
        p.b.agent.endOfRemoteCandidates();
        assertThat(p.net.runUntil(12 * S, p::bothCompleted)).isTrue();
        assertThat(p.sameSelectedPair()).isTrue();
        assertThat(p.b.agent.remoteCandidates()).extracting(Candidate::type).containsExactly(CandidateType.HOST);
    }

    @Test
    void aWorkingCandidateTrickledAfterChecksStartedIsUsed() {
        Peers p = Peers.loopback(12);
        Candidate ca = Peers.host(p.addrA);
        p.a.agent.addLocalCandidate(ca);
        p.b.agent.addLocalCandidate(Peers.host(p.addrB));
        // First a candidate of B that leads nowhere: checks start and keep failing.
        Candidate dead = Candidate.remote(CandidateType.SERVER_REFLEXIVE, "9", 1, 1694498815L,
                new InetSocketAddress("127.0.0.1", 29999), Optional.empty());
        p.a.agent.addRemoteCandidate(dead);
        p.net.runFor(2 * S);
        assertThat(p.a.agent.state()).isEqualTo(IceConnectionState.CHECKING);
        p.a.agent.addRemoteCandidate(Peers.host(p.addrB));
        p.b.agent.addRemoteCandidate(ca);
        assertThat(p.net.runUntil(p.net.now() + 5 * S, p::bothConnected)).isTrue();
        assertThat(p.a.agent.selectedPair().orElseThrow().remote().address()).isEqualTo(p.addrB);
    }

    @Test
    void withoutEndOfCandidatesNothingFailsEvenIfAllPairsFail() {
        Peers p = Peers.loopback(13);
        p.a.agent.addLocalCandidate(Peers.host(p.addrA));
        p.a.agent.addRemoteCandidate(Candidate.remote(CandidateType.HOST, "9", 1, 2130706431L,
                new InetSocketAddress("127.0.0.1", 29999), Optional.empty()));
        p.net.runFor(90 * S);
        assertThat(p.a.agent.state()).isEqualTo(IceConnectionState.CHECKING);
        p.a.agent.endOfRemoteCandidates(); // RFC 8838 §14: now the failure can be declared
        p.net.drain();
        assertThat(p.a.agent.state()).isEqualTo(IceConnectionState.FAILED);
    }
}
