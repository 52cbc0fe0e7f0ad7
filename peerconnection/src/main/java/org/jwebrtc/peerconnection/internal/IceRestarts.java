package org.jwebrtc.peerconnection.internal;

import java.util.Objects;
import java.util.random.RandomGenerator;
import org.jwebrtc.ice.IceAgent;
import org.jwebrtc.ice.IceCredentials;

/**
 * ICE restart bookkeeping of one connection (RFC 8445 §9, RFC 8839 §4.4.1.1.1, RFC 8829 §5.2.1 / §5.3.1): which
 * ufrag/pwd our descriptions carry, when the agent switches to new ones, and when our candidates must be signalled
 * again. The agent itself keeps the selected pair (data and consent on the old credentials) until the new
 * generation selects one. Not thread-safe: owned by the connection's loop.
 */
public final class IceRestarts {
    private final RandomGenerator random;
    private IceCredentials current;
    private IceCredentials pending;
    private IceCredentials remote;
    private boolean requested;
    private boolean resignal;
    private int generation;

    public IceRestarts(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
        this.current = IceCredentials.random(random);
    }

    /** The credentials in effect (the agent's); a restart offer not yet applied carries {@link #forOffer}'s. */
    public IceCredentials current() {
        return current;
    }

    /** Restarts applied so far (0 = the first generation). */
    public int generation() {
        return generation;
    }

    /** W3C restartIce(): the next offer restarts ICE. */
    public void request() {
        requested = true;
    }

    /**
     * The credentials for a new offer: fresh ones when a restart is asked for ({@code iceRestart} or
     * {@link #request}) and ICE already ran with a peer (RFC 8829 §5.2.1), else the current ones. The agent keeps
     * its credentials until that offer is set as the local description ({@link #applyLocal}).
     */
    public IceCredentials forOffer(boolean iceRestart) {
        if ((iceRestart || requested) && remote != null) {
            if (pending == null) {
                pending = freshCredentials();
            }
            return pending;
        }
        return current;
    }

    /**
     * A local description is set. Applies a pending restart offer to the agent (checks start over); true when our
     * candidates must be signalled again: after our restart offer or our answer to the peer's restart.
     */
    public boolean applyLocal(String sdp, IceAgent agent) {
        if (pending != null && sdp.contains("a=ice-ufrag:" + pending.ufrag())) {
            agent.restart(pending);
            current = pending;
            pending = null;
            requested = false;
            generation++;
            resignal = false;
            return true;
        }
        boolean r = resignal;
        resignal = false;
        return r;
    }

    /**
     * The peer's credentials from a remote description, after they were given to the agent. An offer with new ones
     * is the peer's restart (RFC 8839 §4.4.1.1.1): we restart too, with fresh credentials for the answer.
     *
     * @return true when this remote offer restarted ICE
     */
    public boolean applyRemote(IceCredentials remoteCredentials, boolean isOffer, IceAgent agent) {
        IceCredentials before = remote;
        remote = remoteCredentials;
        if (!isOffer || before == null || before.equals(remoteCredentials)) {
            return false;
        }
        IceCredentials fresh = pending != null ? pending : freshCredentials();
        agent.restart(fresh);
        current = fresh;
        pending = null;
        requested = false;
        generation++;
        resignal = true;
        return true;
    }

    private IceCredentials freshCredentials() {
        IceCredentials c;
        do {
            c = IceCredentials.random(random);
        } while (c.equals(current));
        return c;
    }
}
