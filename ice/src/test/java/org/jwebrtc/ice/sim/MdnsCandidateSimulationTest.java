package org.jwebrtc.ice.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jwebrtc.ice.sim.Peers.S;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.jwebrtc.ice.Candidate;
import org.jwebrtc.ice.CandidateType;
import org.jwebrtc.ice.IceConfig;
import org.jwebrtc.ice.IceConnectionState;
import org.jwebrtc.ice.IceRole;
import org.junit.jupiter.api.Test;

/**
 * Chromium hides host addresses behind mDNS names by default: its only candidate is {@code <uuid>.local}. The agent
 * keeps it unresolved and connects through the peer-reflexive candidate Chromium's checks reveal.
 */
class MdnsCandidateSimulationTest {
    private static final String NAME = "abcd.local";

    /** B plays Chromium: it checks from its real address but signals only the mDNS name. */
    private static Peers chromiumAsB(long seed, IceRole roleOfA) {
        Peers p = Peers.loopback(seed, IceConfig.defaults().withRole(roleOfA),
                IceConfig.defaults().withRole(roleOfA.opposite()));
        Candidate ca = Peers.host(p.addrA);
        Candidate realB = Peers.host(p.addrB);
        Candidate mdnsB = Candidate.remote(CandidateType.HOST, realB.foundation(), 1, realB.priority(),
                InetSocketAddress.createUnresolved(NAME, p.addrB.getPort()), Optional.empty());
        p.a.agent.addLocalCandidate(ca);
        p.b.agent.addLocalCandidate(realB);
        p.a.agent.addRemoteCandidate(mdnsB);
        p.b.agent.addRemoteCandidate(ca);
        p.a.agent.endOfRemoteCandidates();
        p.b.agent.endOfRemoteCandidates();
        return p;
    }

    @Test
    void controlledAgentConnectsThroughPeerReflexiveWhileNameStaysUnresolved() {
        Peers p = chromiumAsB(101, IceRole.CONTROLLED);
        assertThat(p.a.agent.unresolvedRemoteCandidates()).hasSize(1);
        assertThat(p.a.agent.checklist()).isEmpty(); // nothing to pair with yet, and no failure either
        assertThat(p.a.agent.state()).isEqualTo(IceConnectionState.NEW);
        assertThat(p.net.runUntil(5 * S, p::bothCompleted)).isTrue();
        assertThat(p.sameSelectedPair()).isTrue();
        Candidate remote = p.a.agent.selectedPair().orElseThrow().remote();
        assertThat(remote.type()).isEqualTo(CandidateType.PEER_REFLEXIVE);
        assertThat(remote.address()).isEqualTo(p.addrB);
        // A never tried to send to a name.
        assertThat(p.a.sent).allMatch(pk -> !pk.to().isUnresolved());
        assertThat(p.a.agent.unresolvedRemoteCandidates()).hasSize(1);

        // Resolving later (caller's mDNS query) turns the peer-reflexive remote into the signalled host candidate.
        p.a.agent.resolveRemoteHostname(NAME, InetAddress.getLoopbackAddress());
        assertThat(p.a.agent.unresolvedRemoteCandidates()).isEmpty();
        assertThat(p.a.agent.remoteCandidates()).extracting(Candidate::type).containsExactly(CandidateType.HOST);
        p.net.runFor(60 * S);
        assertThat(p.a.agent.state()).isEqualTo(IceConnectionState.COMPLETED);
    }

    @Test
    void controllingAgentNominatesThePeerReflexivePair() {
        Peers p = chromiumAsB(102, IceRole.CONTROLLING);
        assertThat(p.net.runUntil(5 * S, p::bothCompleted)).isTrue();
        assertThat(p.sameSelectedPair()).isTrue();
        assertThat(p.a.agent.role()).isEqualTo(IceRole.CONTROLLING);
        assertThat(p.a.agent.selectedPair().orElseThrow().remote().type()).isEqualTo(CandidateType.PEER_REFLEXIVE);
    }

    @Test
    void resolverCallbackResolvesImmediately() {
        Peers p = Peers.loopback(103);
        p.a.agent.setHostnameResolver(h -> NAME.equals(h) ? Optional.of(InetAddress.getLoopbackAddress())
                : Optional.empty());
        Candidate ca = Peers.host(p.addrA);
        p.a.agent.addLocalCandidate(ca);
        p.b.agent.addLocalCandidate(Peers.host(p.addrB));
        p.a.agent.addRemoteCandidate(Candidate.remote(CandidateType.HOST, "1", 1, 2122260223L,
                InetSocketAddress.createUnresolved(NAME, p.addrB.getPort()), Optional.empty()));
        p.b.agent.addRemoteCandidate(ca);
        assertThat(p.a.agent.unresolvedRemoteCandidates()).isEmpty();
        assertThat(p.a.agent.checklist()).hasSize(1);
        assertThat(p.net.runUntil(5 * S, p::bothConnected)).isTrue();
        assertThat(p.a.agent.selectedPair().orElseThrow().remote().type()).isEqualTo(CandidateType.HOST);
    }
}
