package org.jwebrtc.ice.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jwebrtc.ice.sim.Peers.MS;
import static org.jwebrtc.ice.sim.Peers.S;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.jwebrtc.ice.IceConfig;
import org.jwebrtc.ice.IceCredentials;
import org.jwebrtc.ice.IceEvent;
import org.jwebrtc.ice.IceRole;

/**
 * ICE restart under random timing, loss and initiator: the old pair carries data all through, and both sides end on
 * the same pair of the new generation.
 */
class RestartProperties {

    @Property(tries = 40)
    void restartsConvergeWithoutADataGap(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                         @ForAll boolean controlledRestartsFirst,
                                         @ForAll @IntRange(min = 0, max = 8000) int offerDelayMs,
                                         @ForAll @IntRange(min = 0, max = 8000) int answerDelayMs,
                                         @ForAll @IntRange(min = 0, max = 10) int lossPercent) {
        Peers p = Peers.loopback(seed, IceConfig.defaults().withRole(IceRole.CONTROLLING),
                IceConfig.defaults().withRole(IceRole.CONTROLLED)).exchangeHostCandidates();
        assertThat(p.net.runUntil(10 * S, p::bothCompleted)).isTrue();
        p.net.loss = lossPercent / 100.0;
        Random r = new Random(~seed); // not the seed Peers draws A's credentials from
        VirtualNetwork.Node offerer = controlledRestartsFirst ? p.b : p.a;
        VirtualNetwork.Node answerer = controlledRestartsFirst ? p.a : p.b;
        IceCredentials offer = IceCredentials.random(r);
        offerer.agent.restart(offer);
        sendFor(p, offerDelayMs * MS);
        answerer.agent.setRemoteCredentials(offer);
        answerer.agent.addRemoteCandidate(Peers.host(offerer == p.a ? p.addrA : p.addrB));
        IceCredentials answer = IceCredentials.random(r);
        answerer.agent.restart(answer);
        sendFor(p, answerDelayMs * MS);
        offerer.agent.setRemoteCredentials(answer);
        offerer.agent.addRemoteCandidate(Peers.host(answerer == p.a ? p.addrA : p.addrB));
        p.a.agent.endOfRemoteCandidates();
        p.b.agent.endOfRemoteCandidates();
        assertThat(p.net.runUntil(p.net.now() + 30 * S, () -> p.a.events(IceEvent.SelectedPair.class).size() == 2
                && p.b.events(IceEvent.SelectedPair.class).size() == 2 && p.bothConnected()))
                .as("%s %s", p.a.agent.state(), p.b.agent.state()).isTrue();
        assertThat(p.sameSelectedPair()).isTrue();
    }

    private static void sendFor(Peers p, long nanos) {
        long until = p.net.now() + nanos;
        while (p.net.now() < until) {
            assertThat(p.a.agent.send(p.net.now(), new byte[] {(byte) 0x80})).isPresent();
            assertThat(p.b.agent.send(p.net.now(), new byte[] {(byte) 0x80})).isPresent();
            p.net.runFor(100 * MS);
        }
    }
}
