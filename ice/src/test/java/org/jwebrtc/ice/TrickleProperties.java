package org.jwebrtc.ice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.jwebrtc.ice.sim.Peers;

/** RFC 8838: in whatever order and at whatever times candidates trickle in, the agents connect. */
class TrickleProperties {

    @Property(tries = 60)
    void anyTrickleInterleavingConnects(@ForAll("orders") List<Integer> order,
                                        @ForAll @Size(9) List<@IntRange(max = 3000) Integer> delaysMs,
                                        @ForAll @IntRange(min = 1, max = 1000) int seed,
                                        @ForAll boolean aControlling) {
        IceConfig ca = IceConfig.defaults().withRole(aControlling ? IceRole.CONTROLLING : IceRole.CONTROLLED);
        IceConfig cb = IceConfig.defaults().withRole(aControlling ? IceRole.CONTROLLED : IceRole.CONTROLLING);
        Peers p = Peers.loopback(seed, ca, cb);
        Candidate hostA = Peers.host(p.addrA);
        Candidate hostB = Peers.host(p.addrB);
        Candidate srflxA = Candidate.serverReflexive(new InetSocketAddress("203.0.113.9", 41000), p.addrA,
                new InetSocketAddress("198.51.100.1", 3478), 65535, 1);
        Candidate deadB = Candidate.remote(CandidateType.RELAYED, "dead", 1, 16777215L,
                new InetSocketAddress("198.51.100.50", 50000), Optional.empty());
        Runnable[] actions = {
            () -> p.a.agent.addLocalCandidate(hostA),
            () -> p.a.agent.addLocalCandidate(srflxA),
            () -> p.b.agent.addLocalCandidate(hostB),
            () -> p.a.agent.addRemoteCandidate(hostB),
            () -> p.a.agent.addRemoteCandidate(deadB),
            () -> p.b.agent.addRemoteCandidate(hostA),
            () -> p.b.agent.addRemoteCandidate(srflxA),
        };
        for (int i = 0; i < order.size(); i++) {
            actions[order.get(i)].run();
            p.net.runFor(delaysMs.get(i) * Peers.MS);
        }
        p.a.agent.endOfRemoteCandidates();
        p.net.runFor(delaysMs.get(7) * Peers.MS);
        p.b.agent.endOfRemoteCandidates();
        assertThat(p.net.runUntil(p.net.now() + 60 * Peers.S, () -> p.bothConnected() && p.sameSelectedPair()))
                .as("A %s B %s", p.a.agent.state(), p.b.agent.state()).isTrue();
    }

    @Provide
    Arbitrary<List<Integer>> orders() {
        return Arbitraries.shuffle(0, 1, 2, 3, 4, 5, 6);
    }
}
