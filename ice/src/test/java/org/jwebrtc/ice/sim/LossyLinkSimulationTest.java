package org.jwebrtc.ice.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jwebrtc.ice.sim.Peers.S;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Retransmissions (RFC 8445 §14.3) and triggered checks carry ICE over a link losing 30% of packets. */
class LossyLinkSimulationTest {

    @ParameterizedTest
    @ValueSource(longs = {41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52})
    void connectsDespiteThirtyPercentLoss(long seed) {
        Peers p = Peers.loopback(seed).exchangeHostCandidates();
        p.net.loss = 0.30;
        assertThat(p.net.runUntil(30 * S, p::bothConnected)).isTrue();
        assertThat(p.net.runUntil(60 * S, p::sameSelectedPair)).isTrue();
        // Consent checks keep flowing on the lossy link (30 s of expiry margin, RFC 7675 §5.1).
        p.net.runFor(20 * S);
        assertThat(p.a.agent.canSend()).isTrue();
        assertThat(p.b.agent.canSend()).isTrue();
        assertThat(p.net.dropped).isPositive();
    }
}
