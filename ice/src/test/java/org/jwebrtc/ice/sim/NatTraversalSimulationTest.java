package org.jwebrtc.ice.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jwebrtc.ice.sim.Peers.S;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Random;
import org.jwebrtc.ice.Candidate;
import org.jwebrtc.ice.CandidateGatherer;
import org.jwebrtc.ice.CandidateType;
import org.jwebrtc.ice.GatheringEvent;
import org.jwebrtc.ice.IceConfig;
import org.jwebrtc.ice.IceConnectionState;
import org.jwebrtc.ice.IceRole;
import org.jwebrtc.ice.sim.VirtualNetwork.NatType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Both peers behind NAT boxes (RFC 4787 behaviours), candidates from the {@link CandidateGatherer} against a
 * simulated STUN server and trickled: server-reflexive candidates punch through endpoint-independent mappings and
 * fail when a symmetric mapping meets address-dependent filtering; a relayed candidate (TURN) gets through anything.
 */
class NatTraversalSimulationTest {
    static final InetSocketAddress STUN = new InetSocketAddress("198.51.100.1", 3478);
    static final InetSocketAddress TURN = new InetSocketAddress("198.51.100.2", 3478);
    static final InetSocketAddress RELAYED = new InetSocketAddress("198.51.100.2", 49152);
    static final InetSocketAddress INSIDE_A = new InetSocketAddress("10.0.0.2", 10000);
    static final InetSocketAddress INSIDE_B = new InetSocketAddress("192.168.1.2", 20000);

    record Setup(Peers peers, Trickle trickle) {
    }

    static Setup behindNats(long seed, NatType natA, NatType natB) throws Exception {
        Peers p = new Peers(seed, IceConfig.defaults().withRole(IceRole.CONTROLLING),
                IceConfig.defaults().withRole(IceRole.CONTROLLED), INSIDE_A, INSIDE_B);
        p.net.natBox(natA, InetAddress.getByName("203.0.113.10"), INSIDE_A);
        p.net.natBox(natB, InetAddress.getByName("203.0.113.20"), INSIDE_B);
        p.net.stunServer(STUN);
        p.a.gatherer = new CandidateGatherer(CandidateGatherer.Config.of(List.of(STUN)), new Random(seed));
        p.b.gatherer = new CandidateGatherer(CandidateGatherer.Config.of(List.of(STUN)), new Random(seed + 1));
        return new Setup(p, new Trickle(p.a, p.b));
    }

    static void gather(Setup s) {
        s.peers.a.gatherer.addHostSocket(s.peers.net.now(), INSIDE_A, 65535);
        s.peers.b.gatherer.addHostSocket(s.peers.net.now(), INSIDE_B, 65535);
        s.peers.a.gatherer.hostSocketsDone();
        s.peers.b.gatherer.hostSocketsDone();
    }

    static boolean expectedToConnect(NatType a, NatType b) {
        boolean hard = a == NatType.SYMMETRIC && b != NatType.FULL_CONE || b == NatType.SYMMETRIC && a != NatType.FULL_CONE;
        return !hard;
    }

    static List<NatType[]> combinations() {
        return java.util.Arrays.stream(NatType.values()).flatMap(a -> java.util.Arrays.stream(NatType.values())
                .map(b -> new NatType[] {a, b})).toList();
    }

    @ParameterizedTest
    @MethodSource("combinations")
    void serverReflexiveCandidatesConnectUnlessSymmetricMeetsFiltering(NatType natA, NatType natB) throws Exception {
        Setup s = behindNats(300 + natA.ordinal() * 3 + natB.ordinal(), natA, natB);
        gather(s);
        Peers p = s.peers;
        boolean done = p.net.runUntil(60 * S, () -> {
            s.trickle.pump();
            return p.bothConnected() || p.a.agent.state() == IceConnectionState.FAILED
                    && p.b.agent.state() == IceConnectionState.FAILED;
        });
        assertThat(done).as("%s/%s settled: %s %s", natA, natB, p.a.agent.state(), p.b.agent.state()).isTrue();
        assertThat(p.a.gathering).anyMatch(e -> e instanceof GatheringEvent.CandidateGathered c
                && c.candidate().type() == CandidateType.SERVER_REFLEXIVE);
        if (expectedToConnect(natA, natB)) {
            assertThat(p.bothConnected()).as("%s/%s", natA, natB).isTrue();
            assertThat(p.sameSelectedPairThroughNat()).isTrue();
        } else {
            assertThat(p.a.agent.state()).as("%s/%s", natA, natB).isEqualTo(IceConnectionState.FAILED);
            assertThat(p.b.agent.state()).isEqualTo(IceConnectionState.FAILED);
            assertThat(p.net.filteredByNat).isPositive();
        }
    }

    @ParameterizedTest
    @EnumSource(NatType.class)
    void aRelayedCandidateConnectsThroughAnyNat(NatType natB) throws Exception {
        Setup s = behindNats(400 + natB.ordinal(), NatType.SYMMETRIC, natB);
        Peers p = s.peers;
        p.net.relay(TURN, RELAYED, p.a, INSIDE_A);
        gather(s);
        Candidate relayed = Candidate.relayed(RELAYED, new InetSocketAddress("203.0.113.10", 40000), TURN, 65535, 1);
        p.a.gatherer.addRelayed(new org.jwebrtc.ice.RelayedTransport() {
            @Override
            public Candidate candidate() {
                return relayed;
            }

            @Override
            public void send(InetSocketAddress peer, byte[] data) {
                throw new AssertionError("the simulation routes relayed transmits itself");
            }
        });
        assertThat(p.a.gatherer.relayFor(RELAYED)).isPresent();
        assertThat(p.a.gatherer.relayFor(INSIDE_A)).isEmpty();
        boolean connected = p.net.runUntil(60 * S, () -> {
            s.trickle.pump();
            return p.bothCompleted();
        });
        assertThat(connected).as("%s %s", p.a.agent.state(), p.b.agent.state()).isTrue();
        if (!expectedToConnect(NatType.SYMMETRIC, natB)) { // against a full cone the direct pair wins
            assertThat(p.a.agent.selectedPair().orElseThrow().local().type()).isEqualTo(CandidateType.RELAYED);
            assertThat(p.a.agent.send(p.net.now(), new byte[] {(byte) 0x80}).orElseThrow().local())
                    .isEqualTo(RELAYED);
        }
    }

    @Test
    void symmetricBothSidesFailsWithoutARelay() throws Exception {
        Setup s = behindNats(500, NatType.SYMMETRIC, NatType.SYMMETRIC);
        gather(s);
        Peers p = s.peers;
        p.net.runUntil(120 * S, () -> {
            s.trickle.pump();
            return p.a.agent.state() == IceConnectionState.FAILED && p.b.agent.state() == IceConnectionState.FAILED;
        });
        assertThat(p.a.agent.state()).isEqualTo(IceConnectionState.FAILED);
        assertThat(p.a.events(org.jwebrtc.ice.IceEvent.SelectedPair.class)).isEmpty();
    }
}
