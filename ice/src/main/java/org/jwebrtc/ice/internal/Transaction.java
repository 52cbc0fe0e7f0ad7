package org.jwebrtc.ice.internal;

import java.net.InetSocketAddress;
import org.jwebrtc.ice.IceRole;
import org.jwebrtc.stun.TransactionId;

/**
 * One outstanding Binding request: a connectivity check (retransmitted per RFC 8445 §14.3 / RFC 8489 §6.2.1) or a
 * consent check (sent once, RFC 7675 §5.1). Mutable; not thread-safe.
 */
public final class Transaction {
    public final TransactionId id;
    public final CheckPair pair;
    public final InetSocketAddress local;
    public final InetSocketAddress remote;
    /** Key the response's MESSAGE-INTEGRITY must verify with: the remote password (RFC 8445 §7.2.5.1). */
    public final byte[] key;
    /** Our role when the request was sent (RFC 8445 §7.2.5.1: a 487 switches only if it still holds). */
    public final IceRole role;
    /** PRIORITY sent; becomes the priority of a discovered peer-reflexive candidate (RFC 8445 §7.2.5.3.1). */
    public final long priority;
    public final boolean useCandidate;
    public final boolean consent;
    public final byte[] request;
    public final long initialRto;
    public int attempts = 1;
    public long rto;
    public long deadline;
    /** RFC 8445 §7.3.1.4: no more retransmissions and no failure on timeout, a response is still accepted. */
    public boolean cancelled;

    public Transaction(TransactionId id, CheckPair pair, InetSocketAddress local, InetSocketAddress remote, byte[] key,
                       IceRole role, long priority, boolean useCandidate, boolean consent, byte[] request,
                       long rto, long deadline) {
        this.id = id;
        this.pair = pair;
        this.local = local;
        this.remote = remote;
        this.key = key;
        this.role = role;
        this.priority = priority;
        this.useCandidate = useCandidate;
        this.consent = consent;
        this.request = request;
        this.initialRto = rto;
        this.rto = rto;
        this.deadline = deadline;
    }
}
