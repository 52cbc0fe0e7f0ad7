package org.jwebrtc.sctp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** §8.3: an idle association keeps itself alive with HEARTBEATs and notices a dead peer. */
class HeartbeatSimulationTest {
    private static VirtualNetwork connected(long seed) {
        SctpConfig cfg = HandshakeSimulationTest.config();
        var net = new VirtualNetwork(new SctpAssociation(cfg, new Random(seed)),
                new SctpAssociation(cfg, new Random(seed + 1)), seed);
        net.a.connect(0);
        assertThat(net.runUntil(net::connected, VirtualNetwork.seconds(5))).isTrue();
        return net;
    }

    @Test
    void idleAssociationSurvivesTenMinutesOfLossyHeartbeats() {
        var net = connected(1);
        net.lossy(0.2, 0, 0);
        long before = net.packetsAtoB;
        net.runUntil(() -> false, VirtualNetwork.seconds(600));
        assertThat(net.a.state()).isEqualTo(SctpState.ESTABLISHED);
        assertThat(net.b.state()).isEqualTo(SctpState.ESTABLISHED);
        assertThat(net.packetsAtoB - before).isGreaterThanOrEqualTo(19);   // one HEARTBEAT or ACK per ~30 s
    }

    @Test
    void silentPeerIsDetectedByHeartbeats() {
        var net = connected(2);
        net.lossy(1.0, 0, 0);
        assertThat(net.runUntil(() -> net.eventsA.stream().anyMatch(e -> e instanceof SctpEvent.Aborted),
                VirtualNetwork.seconds(3600))).isTrue();
        assertThat(net.eventsA).anyMatch(e -> e instanceof SctpEvent.Aborted a && a.cause().contains("heartbeat"));
    }
}
