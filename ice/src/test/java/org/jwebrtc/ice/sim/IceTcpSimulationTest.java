package org.jwebrtc.ice.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jwebrtc.ice.sim.Peers.S;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import org.jwebrtc.ice.Candidate;
import org.jwebrtc.ice.CandidateType;
import org.jwebrtc.ice.IceConfig;
import org.jwebrtc.ice.IceRole;
import org.jwebrtc.ice.TcpType;
import org.jwebrtc.ice.Transmit;
import org.jwebrtc.ice.TransportProtocol;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ICE-TCP (RFC 6544) when UDP is blocked: active ↔ passive and so ↔ so pairs, checks framed with RFC 4571 and never
 * retransmitted (§7.1), peer-reflexive candidates for the ephemeral port of the active side.
 */
class IceTcpSimulationTest {

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void connectsOverTcpWhenUdpIsBlocked(boolean activeIsControlling) {
        InetSocketAddress aUdp = new InetSocketAddress("127.0.0.1", 10000);
        InetSocketAddress bUdp = new InetSocketAddress("127.0.0.1", 20000);
        InetSocketAddress aTcp = new InetSocketAddress("127.0.0.1", 9); // active: port 9
        InetSocketAddress bTcp = new InetSocketAddress("127.0.0.1", 20443);
        Peers p = new Peers(activeIsControlling ? 901 : 902,
                IceConfig.defaults().withRole(activeIsControlling ? IceRole.CONTROLLING : IceRole.CONTROLLED),
                IceConfig.defaults().withRole(activeIsControlling ? IceRole.CONTROLLED : IceRole.CONTROLLING),
                aUdp, bUdp);
        p.net.add("A-tcp", p.a.agent, aTcp);
        p.net.add("B-tcp", p.b.agent, bTcp);
        p.net.filter = pk -> pk.transport() == TransportProtocol.TCP; // a firewall that lets only TCP through
        p.net.passiveTcp.add(bTcp);
        Candidate active = Candidate.tcpHost(new InetSocketAddress("127.0.0.1", 0), TcpType.ACTIVE, 0, 1);
        Candidate passive = Candidate.tcpHost(bTcp, TcpType.PASSIVE, 0, 1);
        assertThat(active.address()).isEqualTo(aTcp);
        p.a.agent.addLocalCandidate(Peers.host(aUdp));
        p.a.agent.addLocalCandidate(active);
        p.b.agent.addLocalCandidate(Peers.host(bUdp));
        p.b.agent.addLocalCandidate(passive);
        p.a.agent.addRemoteCandidate(Peers.host(bUdp));
        p.a.agent.addRemoteCandidate(passive);
        p.b.agent.addRemoteCandidate(Peers.host(aUdp));
        p.b.agent.addRemoteCandidate(active);
        p.a.agent.endOfRemoteCandidates();
        p.b.agent.endOfRemoteCandidates();
        // B's passive candidate never initiates (RFC 6544 §6.2 pruning), A's UDP/TCP never mix.
        assertThat(p.b.agent.checklist()).noneMatch(e -> e.pair().local().isTcp());
        assertThat(p.a.agent.checklist()).allMatch(e -> e.pair().local().transport() == e.pair().remote().transport());
        assertThat(p.net.runUntil(60 * S, p::bothCompleted)).as("%s %s", p.a.agent.state(), p.b.agent.state())
                .isTrue();
        var selectedA = p.a.agent.selectedPair().orElseThrow();
        var selectedB = p.b.agent.selectedPair().orElseThrow();
        assertThat(selectedA.local().transport()).isEqualTo(TransportProtocol.TCP);
        assertThat(selectedA.local().base()).isEqualTo(aTcp); // the caller maps base + remote to its connection
        assertThat(selectedA.remote().address()).isEqualTo(bTcp);
        assertThat(selectedB.local()).isEqualTo(passive);
        assertThat(selectedB.remote().type()).isEqualTo(CandidateType.PEER_REFLEXIVE); // the ephemeral port
        assertThat(selectedB.remote().tcpType()).contains(TcpType.ACTIVE);
        Transmit data = p.a.agent.send(p.net.now(), new byte[] {23, 3, 3}).orElseThrow();
        assertThat(data.transport()).isEqualTo(TransportProtocol.TCP);
        // No TCP request was ever sent twice (RFC 6544 §7.1: TCP is reliable, no retransmissions).
        Map<Object, Integer> sends = new HashMap<>();
        p.a.sent.stream().filter(pk -> pk.transport() == TransportProtocol.TCP).filter(StunPackets::isRequest)
                .forEach(pk -> sends.merge(StunPackets.parse(pk.data()).transactionId(), 1, Integer::sum));
        assertThat(sends).isNotEmpty().allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
        p.net.runFor(40 * S); // consent over TCP
        assertThat(p.bothCompleted()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {903, 904})
    void simultaneousOpenCandidatesPairWithEachOther(int seed) {
        InetSocketAddress aSo = new InetSocketAddress("127.0.0.1", 10443);
        InetSocketAddress bSo = new InetSocketAddress("127.0.0.1", 20443);
        Peers p = new Peers(seed, IceConfig.defaults().withRole(IceRole.CONTROLLING),
                IceConfig.defaults().withRole(IceRole.CONTROLLED), aSo, bSo);
        Candidate a = Candidate.tcpHost(aSo, TcpType.SO, 5, 1);
        Candidate b = Candidate.tcpHost(bSo, TcpType.SO, 5, 1);
        Candidate bPassive = Candidate.tcpHost(new InetSocketAddress("127.0.0.1", 20444), TcpType.PASSIVE, 5, 1);
        p.a.agent.addLocalCandidate(a);
        p.b.agent.addLocalCandidate(b);
        p.a.agent.addRemoteCandidate(b);
        p.a.agent.addRemoteCandidate(bPassive); // so never pairs with passive
        p.b.agent.addRemoteCandidate(a);
        assertThat(p.a.agent.checklist()).hasSize(1);
        p.a.agent.endOfRemoteCandidates();
        p.b.agent.endOfRemoteCandidates();
        assertThat(p.net.runUntil(10 * S, p::bothCompleted)).isTrue();
        assertThat(p.sameSelectedPair()).isTrue();
    }
}
