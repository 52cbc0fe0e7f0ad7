package org.jwebrtc.ice.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jwebrtc.ice.sim.Peers.S;

import java.util.List;
import org.jwebrtc.ice.IceConnectionState;
import org.jwebrtc.ice.IceEvent;
import org.junit.jupiter.api.Test;

/** RFC 7675: consent expires 30 s after the last authenticated response; the agent stops sending. */
class ConsentExpirySimulationTest {

    @Test
    void cutLinkGoesDisconnectedThenFailedAtThirtySeconds() {
        Peers p = Peers.loopback(61).exchangeHostCandidates();
        assertThat(p.net.runUntil(5 * S, p::bothCompleted)).isTrue();
        p.net.runFor(20 * S);
        p.net.cut = true;
        long cutAt = p.net.now();
        p.net.runFor(60 * S);
        for (VirtualNetwork.Node n : List.of(p.a, p.b)) {
            List<VirtualNetwork.Timed> states = n.events.stream()
                    .filter(t -> t.event() instanceof IceEvent.StateChanged).toList();
            VirtualNetwork.Timed disconnected = states.get(states.size() - 2);
            VirtualNetwork.Timed failed = states.get(states.size() - 1);
            assertThat(((IceEvent.StateChanged) disconnected.event()).state())
                    .isEqualTo(IceConnectionState.DISCONNECTED);
            assertThat(((IceEvent.StateChanged) failed.event()).state()).isEqualTo(IceConnectionState.FAILED);
            // Last consent response came at most one consent period (≤ 6 s) before the cut.
            assertThat(failed.at() - cutAt).isBetween(24 * S, 30 * S);
            assertThat(disconnected.at() - cutAt).isBetween(4 * S, 10 * S);
            assertThat(n.agent.canSend()).isFalse();
            assertThat(n.agent.send(p.net.now(), new byte[1])).isEmpty();
            assertThat(n.agent.pollTimeout()).isEqualTo(Long.MAX_VALUE);
        }
        // Nothing is sent after consent is lost.
        long lastSent = p.a.sent.get(p.a.sent.size() - 1).at();
        assertThat(lastSent - cutAt).isLessThanOrEqualTo(30 * S);
    }

    @Test
    void shortOutageRecoversFromDisconnected() {
        Peers p = Peers.loopback(62).exchangeHostCandidates();
        assertThat(p.net.runUntil(5 * S, p::bothCompleted)).isTrue();
        p.net.cut = true;
        assertThat(p.net.runUntil(p.net.now() + 20 * S,
                () -> p.a.agent.state() == IceConnectionState.DISCONNECTED)).isTrue();
        p.net.cut = false;
        long restoredAt = p.net.now();
        assertThat(p.net.runUntil(p.net.now() + 10 * S, () -> Peers.connected(p.a))).isTrue();
        assertThat(p.net.now() - restoredAt).isLessThanOrEqualTo(6 * S); // next consent check
        assertThat(p.a.events(IceEvent.StateChanged.class)).extracting(IceEvent.StateChanged::state)
                .contains(IceConnectionState.DISCONNECTED);
        p.net.runFor(60 * S);
        assertThat(Peers.connected(p.a)).isTrue();
        assertThat(Peers.connected(p.b)).isTrue();
    }
}
