package org.jwebrtc.ice.sim;

import java.net.InetSocketAddress;
import java.util.Random;
import org.jwebrtc.ice.Candidate;
import org.jwebrtc.ice.CandidatePair;
import org.jwebrtc.ice.IceAgent;
import org.jwebrtc.ice.IceConfig;
import org.jwebrtc.ice.IceConnectionState;
import org.jwebrtc.ice.IceCredentials;
import org.jwebrtc.ice.IceRole;

/** Two agents on a {@link VirtualNetwork}, credentials exchanged; candidates are left to each test. */
public final class Peers {
    public static final long MS = 1_000_000L;
    public static final long S = 1_000_000_000L;

    public final VirtualNetwork net;
    public final VirtualNetwork.Node a;
    public final VirtualNetwork.Node b;
    public final InetSocketAddress addrA;
    public final InetSocketAddress addrB;

    public Peers(long seed, IceConfig configA, IceConfig configB, InetSocketAddress addrA, InetSocketAddress addrB) {
        this(seed, configA, configB, addrA, addrB, false);
    }

    /** With {@code wrongPasswordAtB}, B learns A's ufrag with a wrong password (its checks fail at A). */
    public Peers(long seed, IceConfig configA, IceConfig configB, InetSocketAddress addrA, InetSocketAddress addrB,
                 boolean wrongPasswordAtB) {
        Random ra = new Random(seed);
        Random rb = new Random(seed * 31 + 7);
        IceAgent agentA = new IceAgent(configA, IceCredentials.random(ra), ra);
        IceAgent agentB = new IceAgent(configB, IceCredentials.random(rb), rb);
        agentA.setRemoteCredentials(agentB.localCredentials());
        IceCredentials aCredentials = agentA.localCredentials();
        agentB.setRemoteCredentials(wrongPasswordAtB
                ? new IceCredentials(aCredentials.ufrag(), "X" + aCredentials.pwd()) : aCredentials);
        this.net = new VirtualNetwork(seed);
        this.addrA = addrA;
        this.addrB = addrB;
        this.a = net.add("A", agentA, addrA);
        this.b = net.add("B", agentB, addrB);
    }

    /** A controlling, B controlled, on 127.0.0.1:10000 and :20000. */
    public static Peers loopback(long seed) {
        return loopback(seed, IceConfig.defaults().withRole(IceRole.CONTROLLING),
                IceConfig.defaults().withRole(IceRole.CONTROLLED));
    }

    public static Peers loopback(long seed, IceConfig configA, IceConfig configB) {
        return new Peers(seed, configA, configB, new InetSocketAddress("127.0.0.1", 10000),
                new InetSocketAddress("127.0.0.1", 20000));
    }

    public static Candidate host(InetSocketAddress address) {
        return Candidate.host(address, 65535);
    }

    /** Host candidates of both on both sides, end-of-candidates on both. */
    public Peers exchangeHostCandidates() {
        Candidate ca = host(addrA);
        Candidate cb = host(addrB);
        a.agent.addLocalCandidate(ca);
        b.agent.addLocalCandidate(cb);
        a.agent.addRemoteCandidate(cb);
        b.agent.addRemoteCandidate(ca);
        a.agent.endOfRemoteCandidates();
        b.agent.endOfRemoteCandidates();
        return this;
    }

    public boolean bothConnected() {
        return connected(a) && connected(b);
    }

    public static boolean connected(VirtualNetwork.Node n) {
        IceConnectionState s = n.agent.state();
        return s == IceConnectionState.CONNECTED || s == IceConnectionState.COMPLETED;
    }

    public boolean bothCompleted() {
        return a.agent.state() == IceConnectionState.COMPLETED && b.agent.state() == IceConnectionState.COMPLETED;
    }

    /** True when the two selected pairs are the same 5-tuple seen from each side. */
    public boolean sameSelectedPair() {
        if (a.agent.selectedPair().isEmpty() || b.agent.selectedPair().isEmpty()) {
            return false;
        }
        CandidatePair pa = a.agent.selectedPair().get();
        CandidatePair pb = b.agent.selectedPair().get();
        return pa.local().base().equals(pb.remote().address()) && pb.local().base().equals(pa.remote().address());
    }

    /** As {@link #sameSelectedPair()} when NATs sit in between: each side's remote is the other's public address. */
    public boolean sameSelectedPairThroughNat() {
        if (a.agent.selectedPair().isEmpty() || b.agent.selectedPair().isEmpty()) {
            return false;
        }
        CandidatePair pa = a.agent.selectedPair().get();
        CandidatePair pb = b.agent.selectedPair().get();
        return pa.remote().address().getAddress().equals(pb.local().address().getAddress())
                || pb.remote().address().getAddress().equals(pa.local().address().getAddress());
    }
}
