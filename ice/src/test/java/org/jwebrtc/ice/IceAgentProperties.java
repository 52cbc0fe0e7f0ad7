package org.jwebrtc.ice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Hostile input: whatever arrives, handleInput never throws and every datagram is counted once. */
class IceAgentProperties {
    private static final InetSocketAddress A = new InetSocketAddress("127.0.0.1", 10000);
    private static final InetSocketAddress B = new InetSocketAddress("127.0.0.1", 20000);

    /** A controlled agent with a pair, and a controlling peer whose first check is {@link #check}. */
    private static final class Fixture {
        final IceAgent agent;
        final IceAgent peer;
        final byte[] check;

        Fixture(long seed) {
            Random r = new Random(seed);
            agent = new IceAgent(IceConfig.defaults().withRole(IceRole.CONTROLLED), IceCredentials.random(r), r);
            peer = new IceAgent(IceConfig.defaults(), IceCredentials.random(r), r);
            agent.setRemoteCredentials(peer.localCredentials());
            peer.setRemoteCredentials(agent.localCredentials());
            agent.addLocalCandidate(Candidate.host(B, 65535));
            agent.addRemoteCandidate(Candidate.host(A, 65535));
            peer.addLocalCandidate(Candidate.host(A, 65535));
            peer.addRemoteCandidate(Candidate.host(B, 65535));
            peer.handleTimeout(0);
            check = peer.pollTransmit().data();
        }

        void feed(byte[] data) {
            long before = agent.stats().total();
            agent.handleInput(1_000_000L, B, A, data, 0, data.length);
            assertThat(agent.stats().total()).isEqualTo(before + 1);
            agent.handleTimeout(2_000_000L);
            while (agent.pollTransmit() != null) {
                // drained
            }
            while (agent.pollEvent() != null) {
                // drained
            }
            assertThat(agent.pollTimeout()).isNotNull();
        }
    }

    @Property(tries = 500)
    void anyBytesNeverThrow(@ForAll @Size(max = 600) byte[] bytes) {
        new Fixture(1).feed(bytes);
    }

    @Property(tries = 500)
    void stunShapedGarbageNeverThrows(@ForAll @IntRange(max = 0x3fff) int type, @ForAll @Size(max = 150) int[] body,
                                      @ForAll boolean withCookie) {
        byte[] msg = new byte[20 + body.length * 4];
        msg[0] = (byte) (type >>> 8);
        msg[1] = (byte) type;
        msg[2] = (byte) ((body.length * 4) >>> 8);
        msg[3] = (byte) (body.length * 4);
        if (withCookie) {
            msg[4] = 0x21;
            msg[5] = 0x12;
            msg[6] = (byte) 0xA4;
            msg[7] = 0x42;
        }
        for (int i = 0; i < body.length; i++) {
            int v = body[i];
            msg[20 + 4 * i] = (byte) (v >>> 24);
            msg[21 + 4 * i] = (byte) (v >>> 16);
            msg[22 + 4 * i] = (byte) (v >>> 8);
            msg[23 + 4 * i] = (byte) v;
        }
        new Fixture(2).feed(msg);
    }

    @Property(tries = 500)
    void bitFlippedChecksNeverThrowAndAreNotAccepted(@ForAll("flips") int[] flips) {
        Fixture f = new Fixture(3);
        byte[] msg = f.check.clone();
        for (int bit : flips) {
            int i = Math.floorMod(bit, msg.length * 8);
            msg[i / 8] ^= (byte) (1 << (i % 8));
        }
        boolean changed = !Arrays.equals(msg, f.check);
        f.feed(msg);
        if (changed) {
            // FINGERPRINT and MESSAGE-INTEGRITY catch every flip; nothing is acted on.
            assertThat(f.agent.stats().accepted()).isZero();
        }
    }

    @Property(tries = 300)
    void truncatedChecksNeverThrow(@ForAll @IntRange(min = 0, max = 200) int cut) {
        Fixture f = new Fixture(4);
        byte[] msg = Arrays.copyOf(f.check, Math.min(cut, f.check.length - 1));
        f.feed(msg);
        assertThat(f.agent.stats().accepted()).isZero();
    }

    @Example
    void theUntouchedCheckIsAcceptedAndAnswered() {
        Fixture f = new Fixture(5);
        f.agent.handleInput(0, B, A, f.check, 0, f.check.length);
        assertThat(f.agent.stats().accepted()).isEqualTo(1);
        Transmit response = f.agent.pollTransmit();
        assertThat(response.remote()).isEqualTo(A);
        assertThat(f.peer.handleInput(0, A, B, response.data(), 0, response.data().length)).isTrue();
        assertThat(f.peer.stats().accepted()).isEqualTo(1);
    }

    @Property(tries = 40)
    void garbageDuringChecksDoesNotPreventConnecting(@ForAll @Size(min = 1, max = 20) List<@Size(max = 200) byte[]> junk,
                                                    @ForAll @IntRange(min = 1, max = 500) int seed) {
        org.jwebrtc.ice.sim.Peers p = org.jwebrtc.ice.sim.Peers.loopback(seed).exchangeHostCandidates();
        for (byte[] j : junk) {
            p.net.inject(new InetSocketAddress("127.0.0.1", 31337), p.addrA, j);
            p.net.inject(p.addrB, p.addrA, j); // spoofed as the peer
            p.net.inject(p.addrA, p.addrB, j);
        }
        assertThat(p.net.runUntil(10 * org.jwebrtc.ice.sim.Peers.S, p::bothCompleted)).isTrue();
        assertThat(p.sameSelectedPair()).isTrue();
        assertThat(p.a.agent.stats().total()).isGreaterThanOrEqualTo(2L * junk.size());
    }

    @Provide
    Arbitrary<int[]> flips() {
        return Arbitraries.integers().between(0, Integer.MAX_VALUE).array(int[].class).ofMinSize(1).ofMaxSize(4);
    }
}
