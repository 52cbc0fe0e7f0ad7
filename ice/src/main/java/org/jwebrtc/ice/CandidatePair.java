package org.jwebrtc.ice;

import java.util.Objects;

/**
 * A local and a remote candidate (RFC 8445 §6.1.2.2). Immutable snapshot; {@link #priority()} depends on the role at
 * the time of the snapshot. Send application data from {@code local().base()} to {@code remote().address()}.
 */
public record CandidatePair(Candidate local, Candidate remote, long priority) {
    public CandidatePair {
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(remote, "remote");
    }

    /** Pair with the priority for the given role of the local agent (RFC 8445 §6.1.2.3). */
    public static CandidatePair of(Candidate local, Candidate remote, IceRole role) {
        return new CandidatePair(local, remote, priorityFor(local, remote, role));
    }

    /** G is the controlling agent's candidate priority, D the controlled one's (RFC 8445 §6.1.2.3). */
    public static long priorityFor(Candidate local, Candidate remote, IceRole role) {
        return role == IceRole.CONTROLLING
                ? PairPriority.compute(local.priority(), remote.priority())
                : PairPriority.compute(remote.priority(), local.priority());
    }

    /** Pair foundation: the local and remote foundations joined (RFC 8445 §6.1.2.6). */
    public String foundation() {
        return local.foundation() + ":" + remote.foundation();
    }
}
