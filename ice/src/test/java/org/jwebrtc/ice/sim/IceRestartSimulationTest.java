package org.jwebrtc.ice.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jwebrtc.ice.sim.Peers.MS;
import static org.jwebrtc.ice.sim.Peers.S;

import java.net.InetSocketAddress;
import java.util.Random;
import org.jwebrtc.ice.Candidate;
import org.jwebrtc.ice.CandidatePair;
import org.jwebrtc.ice.IceConnectionState;
import org.jwebrtc.ice.IceCredentials;
import org.jwebrtc.ice.IceEvent;
import org.junit.jupiter.api.Test;

/**
 * ICE restart inside one agent (RFC 8445 §9): new credentials on one or both sides; the selected pair keeps carrying
 * data (and its consent, with the old credentials) until the new checklist selects a pair, then both switch.
 */
class IceRestartSimulationTest {
    private final Random random = new Random(5);

    private Peers connected(long seed) {
        Peers p = Peers.loopback(seed).exchangeHostCandidates();
        assertThat(p.net.runUntil(5 * S, p::bothCompleted)).isTrue();
        return p;
    }

    /** Runs {@code nanos} in 10 ms steps, asserting that both sides can send data all along. */
    private static void runSending(Peers p, long nanos) {
        long until = p.net.now() + nanos;
        while (p.net.now() < until) {
            assertThat(p.a.agent.send(p.net.now(), new byte[] {(byte) 0x80})).isPresent();
            assertThat(p.b.agent.send(p.net.now(), new byte[] {(byte) 0x80})).isPresent();
            p.net.runFor(10 * MS);
        }
    }

    @Test
    void bothSidesRestartAndSwitchToTheNewGenerationWithoutADataGap() {
        Peers p = connected(201);
        IceCredentials oldA = p.a.agent.localCredentials();
        int selectedBefore = p.a.events(IceEvent.SelectedPair.class).size();
        // A offers a restart; B answers with new credentials too (RFC 8839 §4.4.1.1.1).
        IceCredentials newA = IceCredentials.random(random);
        p.a.agent.restart(newA);
        assertThat(p.a.agent.remoteCredentials()).isEmpty(); // awaiting the answer
        runSending(p, 300 * MS); // the offer is on its way; data keeps flowing
        p.b.agent.setRemoteCredentials(newA);
        p.b.agent.addRemoteCandidate(Peers.host(p.addrA));
        IceCredentials newB = IceCredentials.random(random);
        p.b.agent.restart(newB);
        assertThat(p.b.agent.remoteCredentials()).contains(newA); // kept: the peer restarted first
        runSending(p, 200 * MS);
        p.a.agent.setRemoteCredentials(newB);
        p.a.agent.addRemoteCandidate(Peers.host(p.addrB));
        p.a.agent.endOfRemoteCandidates();
        p.b.agent.endOfRemoteCandidates();
        long until = p.net.now() + 5 * S;
        while (p.net.now() < until && p.a.events(IceEvent.SelectedPair.class).size() == selectedBefore) {
            runSending(p, 10 * MS);
        }
        assertThat(p.a.events(IceEvent.SelectedPair.class)).hasSize(selectedBefore + 1);
        assertThat(p.net.runUntil(p.net.now() + 5 * S, p::bothCompleted)).isTrue();
        assertThat(p.b.events(IceEvent.SelectedPair.class)).hasSize(2);
        assertThat(p.sameSelectedPair()).isTrue();
        assertThat(p.a.events(IceEvent.StateChanged.class)).noneMatch(e -> e.state() == IceConnectionState.FAILED
                || e.state() == IceConnectionState.DISCONNECTED);
        // Consent now runs with the new credentials: a minute later both are still connected.
        long consentBefore = p.a.agent.stats().consentChecksSent();
        p.net.runFor(60 * S);
        assertThat(p.bothCompleted()).isTrue();
        assertThat(p.a.agent.stats().consentChecksSent()).isGreaterThan(consentBefore + 8);
        // Checks with the old credentials are refused now.
        assertThat(p.a.agent.localCredentials()).isNotEqualTo(oldA);
        long unknown = p.a.agent.stats().unknownUsername();
        p.net.inject(p.addrB, p.addrA, BadCredentials.check(oldA, p.b.agent.localCredentials()));
        p.net.runFor(100 * MS);
        assertThat(p.a.agent.stats().unknownUsername()).isEqualTo(unknown + 1);
    }

    @Test
    void consentOnTheOldPairHoldsWhileTheRestartTakesLongerThanTheDisconnectTimeout() {
        Peers p = connected(205);
        IceCredentials newA = IceCredentials.random(random);
        p.a.agent.restart(newA);
        p.b.agent.setRemoteCredentials(newA);
        p.b.agent.addRemoteCandidate(Peers.host(p.addrA));
        p.b.agent.restart(IceCredentials.random(random));
        runSending(p, 25 * S); // the answer is slow: consent keeps running with each side's old credentials
        assertThat(p.a.agent.state()).isEqualTo(IceConnectionState.CONNECTED);
        assertThat(p.b.agent.state()).isEqualTo(IceConnectionState.CONNECTED);
        assertThat(p.a.agent.stats().consentChecksSent()).isGreaterThanOrEqualTo(4);
        p.a.agent.setRemoteCredentials(p.b.agent.localCredentials());
        p.a.agent.addRemoteCandidate(Peers.host(p.addrB));
        assertThat(p.net.runUntil(p.net.now() + 5 * S, () -> p.a.events(IceEvent.SelectedPair.class).size() == 2
                && p.b.events(IceEvent.SelectedPair.class).size() == 2)).isTrue();
        assertThat(p.a.events(IceEvent.StateChanged.class)).noneMatch(e -> e.state() == IceConnectionState.DISCONNECTED);
        assertThat(p.b.events(IceEvent.StateChanged.class)).noneMatch(e -> e.state() == IceConnectionState.DISCONNECTED);
    }

    @Test
    void oneSidedRestartOnlyTheOffererChangesCredentials() {
        Peers p = connected(202);
        IceCredentials b = p.b.agent.localCredentials();
        IceCredentials newA = IceCredentials.random(random);
        p.a.agent.restart(newA);
        p.b.agent.setRemoteCredentials(newA); // B keeps its own credentials
        p.a.agent.setRemoteCredentials(b);
        p.a.agent.addRemoteCandidate(Peers.host(p.addrB));
        p.b.agent.addRemoteCandidate(Peers.host(p.addrA));
        p.a.agent.endOfRemoteCandidates();
        p.b.agent.endOfRemoteCandidates();
        assertThat(p.net.runUntil(p.net.now() + 5 * S,
                () -> p.bothCompleted() && p.b.events(IceEvent.SelectedPair.class).size() == 2)).isTrue();
        assertThat(p.a.events(IceEvent.SelectedPair.class)).hasSize(2);
        p.net.runFor(40 * S);
        assertThat(p.bothCompleted()).isTrue();
    }

    @Test
    void restartMovesToANewAddressAfterANetworkChange() {
        Peers p = connected(203);
        InetSocketAddress moved = new InetSocketAddress("127.0.0.1", 10001);
        p.net.add("A-moved", p.a.agent, moved);
        Candidate newHost = Peers.host(moved);
        IceCredentials newA = IceCredentials.random(random);
        p.a.agent.restart(newA);
        p.a.agent.addLocalCandidate(newHost);
        p.b.agent.setRemoteCredentials(newA);
        p.b.agent.addRemoteCandidate(newHost);
        IceCredentials newB = IceCredentials.random(random);
        p.b.agent.restart(newB);
        p.a.agent.setRemoteCredentials(newB);
        p.a.agent.addRemoteCandidate(Peers.host(p.addrB));
        p.a.agent.removeLocalCandidate(Peers.host(p.addrA)); // the old interface went away
        p.b.agent.removeRemoteCandidate(Peers.host(p.addrA));
        p.a.agent.endOfRemoteCandidates();
        p.b.agent.endOfRemoteCandidates();
        assertThat(p.net.runUntil(p.net.now() + 10 * S, () -> p.bothConnected()
                && p.a.agent.selectedPair().map(CandidatePair::local).orElseThrow().address().equals(moved)))
                .isTrue();
        assertThat(p.b.agent.selectedPair().orElseThrow().remote().address()).isEqualTo(moved);
    }

    @Test
    void aRestartRevivesAFailedAgent() {
        Peers p = connected(204);
        p.net.cut = true;
        assertThat(p.net.runUntil(p.net.now() + 40 * S, () -> p.a.agent.state() == IceConnectionState.FAILED
                && p.b.agent.state() == IceConnectionState.FAILED)).isTrue();
        p.net.cut = false;
        IceCredentials newA = IceCredentials.random(random);
        IceCredentials newB = IceCredentials.random(random);
        p.a.agent.restart(newA);
        p.b.agent.setRemoteCredentials(newA);
        p.b.agent.restart(newB);
        p.a.agent.setRemoteCredentials(newB);
        assertThat(p.a.agent.state()).isEqualTo(IceConnectionState.CHECKING);
        p.a.agent.addRemoteCandidate(Peers.host(p.addrB));
        p.b.agent.addRemoteCandidate(Peers.host(p.addrA));
        p.a.agent.endOfRemoteCandidates();
        p.b.agent.endOfRemoteCandidates();
        assertThat(p.net.runUntil(p.net.now() + 5 * S, p::bothCompleted)).isTrue();
        assertThat(p.sameSelectedPair()).isTrue();
    }
}
