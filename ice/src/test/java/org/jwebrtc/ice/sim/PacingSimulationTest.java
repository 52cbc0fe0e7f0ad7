package org.jwebrtc.ice.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jwebrtc.ice.sim.Peers.MS;
import static org.jwebrtc.ice.sim.Peers.S;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jwebrtc.ice.Candidate;
import org.jwebrtc.ice.CandidateType;
import org.jwebrtc.ice.IceConfig;
import org.jwebrtc.ice.IceRole;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 8445 §6.1.4.2 and §14.2: new checks leave at most one per Ta; retransmissions follow RTO (§14.3). */
class PacingSimulationTest {

    @ParameterizedTest
    @ValueSource(ints = {50, 20, 5})
    void checksArePacedByTa(int taMillis) {
        IceConfig a = IceConfig.defaults().withRole(IceRole.CONTROLLING).withTa(Duration.ofMillis(taMillis));
        Peers p = Peers.loopback(81, a, IceConfig.defaults().withRole(IceRole.CONTROLLED));
        p.a.agent.addLocalCandidate(Peers.host(p.addrA));
        for (int i = 0; i < 8; i++) { // eight candidates of B nobody answers on
            p.a.agent.addRemoteCandidate(Candidate.remote(CandidateType.HOST, "f" + i, 1, 2130706431L - i,
                    new InetSocketAddress("127.0.0.1", 21000 + i), Optional.empty()));
        }
        p.net.runFor(3 * S);
        List<VirtualNetwork.Packet> first = StunPackets.firstTransmissions(p.a.sent);
        assertThat(first).hasSize(8);
        for (int i = 1; i < first.size(); i++) {
            assertThat(first.get(i).at() - first.get(i - 1).at()).isGreaterThanOrEqualTo(taMillis * MS);
        }
        assertThat(first.get(7).at() - first.get(0).at()).isEqualTo(7L * taMillis * MS);
        // Highest priority first.
        assertThat(first.get(0).to().getPort()).isEqualTo(21000);
    }

    @ParameterizedTest
    @ValueSource(ints = {50, 200})
    void retransmissionsFollowTheRto(int taMillis) {
        IceConfig a = IceConfig.defaults().withRole(IceRole.CONTROLLING).withTa(Duration.ofMillis(taMillis));
        Peers p = Peers.loopback(82, a, IceConfig.defaults().withRole(IceRole.CONTROLLED));
        p.a.agent.addLocalCandidate(Peers.host(p.addrA));
        InetSocketAddress dead = new InetSocketAddress("127.0.0.1", 29000);
        for (int i = 0; i < 4; i++) {
            p.a.agent.addRemoteCandidate(Candidate.remote(CandidateType.HOST, "f" + i, 1, 2130706431L - i,
                    new InetSocketAddress("127.0.0.1", 29000 + i), Optional.empty()));
        }
        p.net.runFor(60 * S);
        List<Long> times = p.a.sent.stream().filter(pk -> pk.to().equals(dead)).map(VirtualNetwork.Packet::at)
                .toList();
        // Rc = 7 transmissions; RTO = MAX(500 ms, Ta * (Waiting + In-Progress)) = MAX(500, 4 Ta), then doubling
        // up to the 8 s cap.
        assertThat(times).hasSize(7);
        long rto = Math.max(500, 4L * taMillis) * MS;
        assertThat(times.get(1) - times.get(0)).isEqualTo(rto);
        assertThat(times.get(2) - times.get(1)).isEqualTo(Math.min(2 * rto, 8 * S));
        assertThat(times.get(3) - times.get(2)).isEqualTo(Math.min(4 * rto, 8 * S));
    }
}
