package org.jwebrtc.fuzz.turn;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jwebrtc.fuzz.Contract;
import org.jwebrtc.stun.Fingerprint;
import org.jwebrtc.stun.LongTermCredential;
import org.jwebrtc.stun.MessageIntegrity;
import org.jwebrtc.stun.MessageIntegritySha256;
import org.jwebrtc.stun.Nonce;
import org.jwebrtc.stun.Realm;
import org.jwebrtc.stun.StunAttribute;
import org.jwebrtc.stun.StunException;
import org.jwebrtc.stun.StunMessage;
import org.jwebrtc.stun.Username;
import org.jwebrtc.turn.RelayAllocator;
import org.jwebrtc.turn.ServerTransmit;
import org.jwebrtc.turn.TurnClient;
import org.jwebrtc.turn.TurnClientConfig;
import org.jwebrtc.turn.TurnServerConfig;
import org.jwebrtc.turn.TurnServerCore;
import org.jwebrtc.turn.TurnTransport;

/**
 * The TURN server core after a real allocation (TurnClient against TurnServerCore, sans-IO). Byte 0
 * of the input picks the mode: odd, the rest is parsed as a STUN message and re-signed with the
 * user's long-term key, realm and current nonce (reaching the authenticated Allocate / Refresh /
 * CreatePermission / ChannelBind / Send handling); even, it is sent as is. The same bytes then
 * arrive from a peer at the relay and as a server answer at the client. Nothing may throw; a
 * datagram without valid MESSAGE-INTEGRITY never opens a permission (RFC 8656 §9, §10.3).
 */
class TurnServerFuzzTest {
    private static final String USER = "alice";
    private static final String PASSWORD = "secret";
    private static final String REALM = "example.org";
    private static final InetSocketAddress SERVER = new InetSocketAddress(InetAddress.getLoopbackAddress(), 3478);
    private static final InetSocketAddress CLIENT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 40000);
    private static final InetSocketAddress PEER = new InetSocketAddress(InetAddress.getLoopbackAddress(), 9000);
    private static final byte[] KEY = LongTermCredential.key(USER, REALM, PASSWORD);
    private static final long NOW = 1_000_000_000L;

    @FuzzTest(maxDuration = "60s")
    void handleClientInput(byte[] input) {
        if (input.length == 0) {
            return;
        }
        TurnServerCore server = new TurnServerCore(TurnServerConfig.builder(REALM).user(USER, PASSWORD)
                .allowLoopbackPeers(true).unixSeconds(() -> 1_700_000_000L).build(), new Relays(), new SplittableRandom(1));
        TurnClient client = new TurnClient(TurnClientConfig.of(SERVER, TurnTransport.UDP, USER, PASSWORD)
                .withLifetime(Duration.ofMinutes(10)), new SplittableRandom(2));
        client.start(NOW);
        String nonce = pump(server, client);
        Contract.check(client.isAllocated() && nonce != null, "setup allocation failed");
        InetSocketAddress relay = client.relayedAddress().orElseThrow();

        boolean signed = (input[0] & 1) != 0;
        byte[] msg = java.util.Arrays.copyOfRange(input, 1, input.length);
        if (signed) {
            msg = resign(msg, nonce);
        }
        int r = server.handleClientInput(NOW, TurnTransport.UDP, CLIENT, msg, 0, msg.length);
        Contract.check(r == TurnServerCore.DROPPED || r == TurnServerCore.HANDLED || r == TurnServerCore.RELAY,
                "handleClientInput returned " + r);
        if (r == TurnServerCore.RELAY) {
            Contract.check(server.relayOffset() >= 0 && server.relayOffset() + server.relayLength() <= msg.length,
                    "relayed bytes outside the datagram");
        }
        ServerTransmit t;
        while ((t = server.pollTransmit()) != null) {
            client.handleInput(NOW, t.data(), 0, t.data().length);
        }
        server.handleTimeout(NOW + 1);

        byte[] dst = new byte[input.length + TurnServerCore.MAX_CLIENT_OVERHEAD];
        int p = server.handlePeerInput(NOW, relay, PEER, input, 0, input.length, dst, 0);
        // a datagram that does not carry our MESSAGE-INTEGRITY must not open a permission (a replayed or
        // extended copy of a signed request does verify: attributes after it are ignored, §14.5 of RFC 8489)
        if (!signed && !StunMessage.verifyIntegrity(msg, 0, msg.length, KEY)) {
            Contract.check(p == TurnServerCore.DROPPED, "an unauthenticated datagram opened a permission for " + PEER);
        }
        client.handleInput(NOW, input, 0, input.length);   // as a (forged) server answer
        while (client.pollEvent() != null) { }
        while (client.pollTransmit() != null) { }
        client.handleTimeout(NOW + 1);
    }

    /** The message with our USERNAME, REALM, NONCE and a valid MESSAGE-INTEGRITY (RFC 8489 §9.2.4). */
    private static byte[] resign(byte[] b, String nonce) {
        StunMessage m;
        try {
            m = StunMessage.parse(b);
        } catch (StunException e) {
            return b;
        }
        List<StunAttribute> attrs = new ArrayList<>();
        attrs.add(new Username(USER));
        attrs.add(new Realm(REALM));
        attrs.add(new Nonce(nonce));
        for (StunAttribute a : m.attributes()) {
            if (!(a instanceof Username || a instanceof Realm || a instanceof Nonce || a instanceof MessageIntegrity
                    || a instanceof MessageIntegritySha256 || a instanceof Fingerprint)) {
                attrs.add(a);
            }
        }
        try {
            return new StunMessage(m.messageClass(), m.method(), m.transactionId(), attrs).toBytes(KEY, true);
        } catch (IllegalArgumentException tooLong) {
            return b;
        }
    }

    /** Runs the client's allocation against the server; returns the last NONCE the server sent. */
    private static String pump(TurnServerCore server, TurnClient client) {
        String nonce = null;
        for (int round = 0; round < 8; round++) {
            byte[] out;
            while ((out = client.pollTransmit()) != null) {
                server.handleClientInput(NOW, TurnTransport.UDP, CLIENT, out, 0, out.length);
            }
            ServerTransmit t;
            while ((t = server.pollTransmit()) != null) {
                try {
                    StunMessage resp = StunMessage.parse(t.data());
                    nonce = resp.attribute(Nonce.class).map(Nonce::value).orElse(nonce);
                } catch (StunException e) {
                    throw new AssertionError(e);
                }
                client.handleInput(NOW, t.data(), 0, t.data().length);
            }
            while (client.pollEvent() != null) { }
        }
        return nonce;
    }

    private static final class Relays implements RelayAllocator {
        private int next = 50000;

        @Override
        public InetSocketAddress allocate(TurnTransport clientTransport, InetSocketAddress client, boolean evenPort) {
            next += 2;   // always even: honours EVEN-PORT too
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), next);
        }

        @Override
        public void release(InetSocketAddress relay) {
            // nothing to free
        }
    }
}
