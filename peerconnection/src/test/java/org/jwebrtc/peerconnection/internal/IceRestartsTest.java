package org.jwebrtc.peerconnection.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.jwebrtc.ice.IceAgent;
import org.jwebrtc.ice.IceConfig;
import org.jwebrtc.ice.IceCredentials;
import org.jwebrtc.ice.IceRole;
import org.junit.jupiter.api.Test;

/** The credential bookkeeping of ICE restarts (RFC 8445 §9, RFC 8839 §4.4.1.1.1), with real agents, no sockets. */
class IceRestartsTest {
    private final SplittableRandom random = new SplittableRandom(42);

    private IceAgent agent(IceRestarts r, IceRole role) {
        return new IceAgent(IceConfig.defaults().withRole(role), r.current(), random);
    }

    @Test
    void noRestartBeforeTheFirstNegotiationAndNoneUnlessAsked() {
        IceRestarts r = new IceRestarts(random);
        IceAgent a = agent(r, IceRole.CONTROLLING);
        IceCredentials first = r.current();
        assertThat(r.forOffer(true)).as("nothing to restart yet").isEqualTo(first);
        r.applyRemote(IceCredentials.random(random), false, a);
        assertThat(r.forOffer(false)).isEqualTo(first);
        assertThat(r.applyLocal("a=ice-ufrag:" + first.ufrag(), a)).isFalse();
        assertThat(a.localCredentials()).isEqualTo(first);
        assertThat(r.generation()).isZero();
    }

    @Test
    void aRestartOfferTakesEffectWhenSetAsTheLocalDescription() {
        IceRestarts r = new IceRestarts(random);
        IceAgent a = agent(r, IceRole.CONTROLLING);
        IceCredentials first = r.current();
        r.applyRemote(IceCredentials.random(random), false, a);
        r.request();
        IceCredentials fresh = r.forOffer(false);
        assertThat(fresh).isNotEqualTo(first);
        assertThat(r.forOffer(false)).as("the same until applied").isEqualTo(fresh);
        assertThat(a.localCredentials()).as("createOffer changes nothing").isEqualTo(first);
        assertThat(r.applyLocal("v=0\r\na=ice-ufrag:" + fresh.ufrag() + "\r\n", a)).isTrue();
        assertThat(a.localCredentials()).isEqualTo(fresh);
        assertThat(r.current()).isEqualTo(fresh);
        assertThat(r.generation()).isEqualTo(1);
        assertThat(r.forOffer(false)).as("the request was used up").isEqualTo(fresh);
        assertThat(r.applyLocal("a=ice-ufrag:" + fresh.ufrag(), a)).isFalse();
    }

    @Test
    void anOfferWithNewCredentialsRestartsTheAnswererOnceWithFreshOnes() {
        IceRestarts r = new IceRestarts(random);
        IceAgent a = agent(r, IceRole.CONTROLLED);
        IceCredentials first = r.current();
        IceCredentials remote1 = IceCredentials.random(random);
        a.setRemoteCredentials(remote1);
        assertThat(r.applyRemote(remote1, true, a)).as("the first offer").isFalse();
        assertThat(r.applyRemote(remote1, true, a)).as("the same credentials again").isFalse();
        IceCredentials remote2 = IceCredentials.random(random);
        a.setRemoteCredentials(remote2);
        assertThat(r.applyRemote(remote2, true, a)).isTrue();
        assertThat(r.current()).isNotEqualTo(first);
        assertThat(a.localCredentials()).isEqualTo(r.current());
        assertThat(a.remoteCredentials()).contains(remote2);
        assertThat(r.applyLocal("an answer", a)).as("our candidates go out again").isTrue();
        assertThat(r.applyLocal("an answer", a)).isFalse();
    }
}
