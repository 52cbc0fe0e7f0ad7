package org.jwebrtc.ice.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jwebrtc.ice.sim.Peers.S;

import java.net.InetSocketAddress;
import org.jwebrtc.ice.Candidate;
import org.jwebrtc.ice.CandidateType;
import org.jwebrtc.ice.IceConfig;
import org.jwebrtc.ice.IceRole;
import org.jwebrtc.ice.Transmit;
import org.junit.jupiter.api.Test;

/**
 * TURN is composed outside ICE: the caller owns the allocation, so here the relayed address simply belongs to A's
 * node (what A sends "from" it leaves from it, what arrives for it is fed with it as {@code local}).
 */
class RelayedCandidateSimulationTest {

    @Test
    void connectsThroughARelayedCandidateWhenHostsCannotMeet() {
        InetSocketAddress insideA = new InetSocketAddress("10.0.0.2", 10000);
        InetSocketAddress relayA = new InetSocketAddress("198.51.100.9", 40000);
        InetSocketAddress addrB = new InetSocketAddress("192.0.2.30", 20000);
        Peers p = new Peers(111, IceConfig.defaults().withRole(IceRole.CONTROLLING),
                IceConfig.defaults().withRole(IceRole.CONTROLLED), insideA, addrB);
        p.net.nat(insideA, new InetSocketAddress("203.0.113.5", 40000));
        p.net.filter = pk -> !pk.from().getAddress().getHostAddress().startsWith("203.0.113."); // symmetric-NAT-ish
        VirtualNetwork.Node relayOwner = p.net.add("A-relay", p.a.agent, relayA);
        assertThat(relayOwner.agent).isSameAs(p.a.agent);
        Candidate hostA = Peers.host(insideA);
        Candidate relayed = Candidate.relayed(relayA, new InetSocketAddress("203.0.113.5", 40001),
                new InetSocketAddress("198.51.100.9", 3478), 65535, 1);
        Candidate hostB = Peers.host(addrB);
        p.a.agent.addLocalCandidate(hostA);
        p.a.agent.addLocalCandidate(relayed);
        p.b.agent.addLocalCandidate(hostB);
        p.a.agent.addRemoteCandidate(hostB);
        p.b.agent.addRemoteCandidate(hostA);
        p.b.agent.addRemoteCandidate(relayed);
        p.a.agent.endOfRemoteCandidates();
        p.b.agent.endOfRemoteCandidates();
        assertThat(p.net.runUntil(60 * S, p::bothCompleted)).isTrue();
        assertThat(p.a.agent.selectedPair().orElseThrow().local().type()).isEqualTo(CandidateType.RELAYED);
        assertThat(p.b.agent.selectedPair().orElseThrow().remote().address()).isEqualTo(relayA);
        Transmit data = p.a.agent.send(p.net.now(), new byte[] {(byte) 0x80}).orElseThrow();
        assertThat(data.local()).isEqualTo(relayA); // the caller sends it through its TURN allocation
        assertThat(data.remote()).isEqualTo(addrB);
    }

    @Test
    void ipv6LoopbackHostsConnect() {
        Peers p = new Peers(112, IceConfig.defaults().withRole(IceRole.CONTROLLING),
                IceConfig.defaults().withRole(IceRole.CONTROLLED), new InetSocketAddress("::1", 10000),
                new InetSocketAddress("::1", 20000)).exchangeHostCandidates();
        assertThat(p.net.runUntil(5 * S, p::bothCompleted)).isTrue();
        assertThat(p.sameSelectedPair()).isTrue();
    }
}
