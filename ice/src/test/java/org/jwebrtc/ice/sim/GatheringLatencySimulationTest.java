package org.jwebrtc.ice.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jwebrtc.ice.sim.Peers.MS;
import static org.jwebrtc.ice.sim.Peers.S;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Random;
import org.jwebrtc.ice.CandidateGatherer;
import org.jwebrtc.ice.GatheringEvent;
import org.jwebrtc.ice.IceEvent;
import org.junit.jupiter.api.Test;

/**
 * An unreachable STUN server delays nothing: host candidates trickle at once, the first pair on a LAN (1 ms one
 * way) is usable well under 200 ms, and gathering completes at the per-server timeout, long after.
 */
class GatheringLatencySimulationTest {
    static final InetSocketAddress DEAD_STUN = new InetSocketAddress("198.51.100.66", 3478);
    static final InetSocketAddress A = new InetSocketAddress("192.0.2.1", 10000);
    static final InetSocketAddress B = new InetSocketAddress("192.0.2.2", 20000);

    @Test
    void firstPairIsUsableLongBeforeAnUnreachableServerTimesOut() {
        Peers p = new Peers(1001, org.jwebrtc.ice.IceConfig.defaults(),
                org.jwebrtc.ice.IceConfig.defaults().withRole(org.jwebrtc.ice.IceRole.CONTROLLED), A, B);
        Peers peers = p;
        p.net.delayNanos = MS;
        CandidateGatherer.Config config = CandidateGatherer.Config.of(List.of(DEAD_STUN));
        p.a.gatherer = new CandidateGatherer(config, new Random(1));
        p.b.gatherer = new CandidateGatherer(config, new Random(2));
        p.a.gatherer.addHostSocket(0, A, 65535);
        p.b.gatherer.addHostSocket(0, B, 65535);
        p.a.gatherer.hostSocketsDone();
        p.b.gatherer.hostSocketsDone();
        Trickle trickle = new Trickle(p.a, p.b);
        assertThat(p.net.runUntil(5 * S, () -> {
            trickle.pump();
            return peers.a.agent.canSend() && peers.b.agent.canSend();
        })).isTrue();
        long usableAt = p.net.now();
        assertThat(usableAt).isLessThan(200 * MS);
        assertThat(p.a.gatherer.isComplete()).isFalse();
        assertThat(p.net.runUntil(5 * S, () -> {
            trickle.pump();
            return peers.a.gatherer.isComplete() && peers.b.gatherer.isComplete();
        })).isTrue();
        assertThat(p.net.now()).isEqualTo(1 * S);
        assertThat(p.a.gathering).anyMatch(e -> e instanceof GatheringEvent.ServerUnreachable);
        assertThat(p.a.events(IceEvent.SelectedPair.class)).hasSize(1);
    }
}
