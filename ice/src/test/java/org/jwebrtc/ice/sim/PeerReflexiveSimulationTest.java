package org.jwebrtc.ice.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jwebrtc.ice.sim.Peers.S;

import java.net.InetSocketAddress;
import org.jwebrtc.ice.Candidate;
import org.jwebrtc.ice.CandidateType;
import org.jwebrtc.ice.IceConfig;
import org.jwebrtc.ice.IceEvent;
import org.jwebrtc.ice.IceRole;
import org.junit.jupiter.api.Test;

/** RFC 8445 §7.2.5.3.1 (local prflx from XOR-MAPPED-ADDRESS) and §7.3.1.3 (remote prflx from a request). */
class PeerReflexiveSimulationTest {

    @Test
    void sideWithoutRemoteCandidatesConnectsThroughPeerReflexive() {
        Peers p = Peers.loopback(21);
        p.a.agent.addLocalCandidate(Peers.host(p.addrA));
        p.b.agent.addLocalCandidate(Peers.host(p.addrB));
        p.a.agent.addRemoteCandidate(Peers.host(p.addrB)); // B never hears of A's candidates
        p.a.agent.endOfRemoteCandidates();
        p.b.agent.endOfRemoteCandidates();
        assertThat(p.net.runUntil(5 * S, p::bothCompleted)).isTrue();
        assertThat(p.sameSelectedPair()).isTrue();
        Candidate remoteOfB = p.b.agent.selectedPair().orElseThrow().remote();
        assertThat(remoteOfB.type()).isEqualTo(CandidateType.PEER_REFLEXIVE);
        assertThat(remoteOfB.address()).isEqualTo(p.addrA);
        // Its priority is the PRIORITY of A's check: type preference 110 with A's local preference.
        assertThat(remoteOfB.priority()).isEqualTo(
                org.jwebrtc.ice.CandidatePriority.compute(CandidateType.PEER_REFLEXIVE, 65535, 1));
    }

    @Test
    void agentBehindNatDiscoversItsPeerReflexiveAddress() {
        InetSocketAddress inside = new InetSocketAddress("10.0.0.2", 10000);
        InetSocketAddress outside = new InetSocketAddress("203.0.113.5", 40000);
        InetSocketAddress addrB = new InetSocketAddress("198.51.100.7", 20000);
        Peers p = new Peers(22, IceConfig.defaults().withRole(IceRole.CONTROLLING),
                IceConfig.defaults().withRole(IceRole.CONTROLLED), inside, addrB);
        p.net.nat(inside, outside);
        Candidate ca = Peers.host(inside);
        Candidate cb = Peers.host(addrB);
        p.a.agent.addLocalCandidate(ca);
        p.b.agent.addLocalCandidate(cb);
        p.a.agent.addRemoteCandidate(cb);
        p.b.agent.addRemoteCandidate(ca); // unreachable private address
        p.a.agent.endOfRemoteCandidates();
        p.b.agent.endOfRemoteCandidates();
        assertThat(p.net.runUntil(60 * S, p::bothCompleted)).isTrue();
        var discovered = p.a.events(IceEvent.LocalCandidate.class);
        assertThat(discovered).hasSize(1);
        Candidate prflx = discovered.get(0).candidate();
        assertThat(prflx.type()).isEqualTo(CandidateType.PEER_REFLEXIVE);
        assertThat(prflx.address()).isEqualTo(outside);
        assertThat(prflx.base()).isEqualTo(inside);
        var selectedA = p.a.agent.selectedPair().orElseThrow();
        assertThat(selectedA.local()).isEqualTo(prflx);
        assertThat(selectedA.local().base()).isEqualTo(inside); // data still leaves from the host socket
        var selectedB = p.b.agent.selectedPair().orElseThrow();
        assertThat(selectedB.remote().address()).isEqualTo(outside);
        assertThat(selectedB.remote().type()).isEqualTo(CandidateType.PEER_REFLEXIVE);
    }
}
