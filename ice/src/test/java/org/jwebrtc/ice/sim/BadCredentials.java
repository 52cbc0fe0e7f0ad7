package org.jwebrtc.ice.sim;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.jwebrtc.ice.IceCredentials;
import org.jwebrtc.stun.IceControlled;
import org.jwebrtc.stun.Priority;
import org.jwebrtc.stun.StunClass;
import org.jwebrtc.stun.StunMessage;
import org.jwebrtc.stun.StunMethod;
import org.jwebrtc.stun.TransactionId;
import org.jwebrtc.stun.Username;

/** Hand-made connectivity checks, e.g. with credentials of an earlier generation. */
final class BadCredentials {
    private BadCredentials() {
    }

    /** A check from the peer whose local credentials are {@code sender} to an agent with credentials {@code to}. */
    static byte[] check(IceCredentials to, IceCredentials sender) {
        StunMessage m = StunMessage.of(StunClass.REQUEST, StunMethod.BINDING, TransactionId.random(new Random(9)),
                new Username(to.ufrag() + ":" + sender.ufrag()), new Priority(1853824767L), new IceControlled(1L));
        return m.toBytes(to.pwd().getBytes(StandardCharsets.UTF_8), true);
    }
}
