package org.jwebrtc.ice.internal;

import java.net.InetSocketAddress;
import org.jwebrtc.ice.Candidate;
import org.jwebrtc.ice.CandidatePair;
import org.jwebrtc.ice.CandidatePairState;
import org.jwebrtc.ice.IceRole;
import org.jwebrtc.ice.TransportProtocol;

/**
 * A candidate pair with its check state (RFC 8445 §6.1.2). Used both for checklist entries and for valid pairs
 * (RFC 8445 §7.2.5.3.2). Mutable; not thread-safe.
 */
public final class CheckPair {
    private final Candidate local;
    private Candidate remote;
    private long priority;
    private CandidatePairState state = CandidatePairState.FROZEN;
    /** Nominated flag (RFC 8445 §8.1.1; on the controlled side set by USE-CANDIDATE, §7.3.1.5). */
    public boolean nominated;
    /** Controlled agent: USE-CANDIDATE arrived before this pair's own check succeeded (RFC 8445 §7.3.1.5). */
    public boolean useCandidateReceived;
    /** Controlling agent: the next check on this pair carries USE-CANDIDATE (RFC 8445 §8.1.1). */
    public boolean nominateOnNextCheck;
    /** Valid pair produced by this pair's successful check (RFC 8445 §7.2.5.3.2), or null. */
    public CheckPair validPair;
    /** Controlling agent: nominating checks on this pair that timed out. */
    public int nominationRounds;
    /** Controlling agent: an authenticated request from the peer arrived on this pair since the last nominating check. */
    public boolean peerHeardSinceNomination;
    /** True while queued in the triggered-check queue. */
    public boolean triggered;

    public CheckPair(Candidate local, Candidate remote, long priority) {
        this.local = local;
        this.remote = remote;
        this.priority = priority;
    }

    public Candidate local() {
        return local;
    }

    public Candidate remote() {
        return remote;
    }

    /** Replaces a remote peer-reflexive candidate by the signalled one for the same address (RFC 8838 §11). */
    public void replaceRemote(Candidate signalled) {
        this.remote = signalled;
    }

    public long priority() {
        return priority;
    }

    public void priority(long p) {
        this.priority = p;
    }

    public CandidatePairState state() {
        return state;
    }

    public void state(CandidatePairState s) {
        this.state = s;
    }

    /** Where checks and data are sent from: the base of the local candidate (RFC 8445 §6.1.4.2). */
    public InetSocketAddress localBase() {
        return local.base();
    }

    public InetSocketAddress remoteAddress() {
        return remote.address();
    }

    /** Pair foundation (RFC 8445 §6.1.2.6). */
    public String foundation() {
        return local.foundation() + ":" + remote.foundation();
    }

    /** UDP or TCP (RFC 6544). */
    public TransportProtocol transport() {
        return local.transport();
    }

    /** True when this pair sends from {@code base} to {@code remote} over {@code transport} (one 5-tuple). */
    public boolean sameFiveTuple(InetSocketAddress base, InetSocketAddress remoteAddr, TransportProtocol transport) {
        return local.transport() == transport && local.base().equals(base) && remote.address().equals(remoteAddr);
    }

    public void recomputePriority(IceRole role) {
        this.priority = CandidatePair.priorityFor(local, remote, role);
    }

    public CandidatePair snapshot() {
        return new CandidatePair(local, remote, priority);
    }

    @Override
    public String toString() {
        return "CheckPair[" + local.type().sdpName() + " " + local.base() + " -> " + remote.type().sdpName() + " "
                + remote.address() + " " + state + (nominated ? " nominated" : "") + "]";
    }
}
