package org.jwebrtc.ice.internal;

import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.jwebrtc.ice.Candidate;
import org.jwebrtc.ice.CandidatePair;
import org.jwebrtc.ice.CandidatePairState;
import org.jwebrtc.ice.IceRole;
import org.jwebrtc.ice.PairPriority;
import org.jwebrtc.ice.TransportProtocol;

/**
 * The checklist of one component of one data stream (RFC 8445 §6.1.2) with its triggered-check queue
 * (§7.3.1.4). Pairs are kept sorted by descending priority. Not thread-safe.
 */
public final class CheckList {
    private final List<CheckPair> pairs = new ArrayList<>();
    private final ArrayDeque<CheckPair> triggeredQueue = new ArrayDeque<>();
    private final int maxPairs;

    public CheckList(int maxPairs) {
        this.maxPairs = maxPairs;
    }

    /** Pairs in priority order (highest first); read-only view. */
    public List<CheckPair> pairs() {
        return Collections.unmodifiableList(pairs);
    }

    public int size() {
        return pairs.size();
    }

    /**
     * Forms the pair {@code local}/{@code remote} (RFC 8445 §6.1.2.2-§6.1.2.5 with the trickle provisos of RFC 8838
     * §10-§12). A server-reflexive local candidate is replaced by {@code baseCandidate} (its base, RFC 8445
     * §6.1.2.4) but the pair keeps the priority computed from the reflexive candidate. Returns the pair added, or
     * null when it was redundant or did not fit.
     *
     * @param baseCandidate the local candidate to send from (the host candidate of a srflx candidate's base, or
     *                      {@code local} itself)
     */
    public CheckPair add(Candidate local, Candidate baseCandidate, Candidate remote, IceRole role) {
        long priority = CandidatePair.priorityFor(local, remote, role);
        CheckPair candidate = new CheckPair(baseCandidate, remote, priority);
        // Redundancy (RFC 8445 §6.1.2.4): same local base and same remote candidate. RFC 8838 §10/§11 step 4: only
        // Waiting or Frozen pairs may be replaced; pairs with checks in flight or with results stay.
        CheckPair existing = find(baseCandidate.base(), remote.address(), remote.transport());
        if (existing != null) {
            boolean replaceable = existing.state() == CandidatePairState.WAITING
                    || existing.state() == CandidatePairState.FROZEN;
            if (!replaceable || Long.compareUnsigned(existing.priority(), priority) >= 0) {
                return null;
            }
            remove(existing);
        }
        if (pairs.size() >= maxPairs && !makeRoomFor(priority)) {
            return null;
        }
        candidate.state(initialState(candidate));
        insertSorted(candidate);
        return candidate;
    }

    /**
     * Adds an already-built pair (e.g. a triggered check on a pair with a peer-reflexive remote, RFC 8445 §7.3.1.4)
     * in the Waiting state, making room if needed. Returns false when it did not fit.
     */
    public boolean addWaiting(CheckPair pair) {
        if (pairs.size() >= maxPairs && !makeRoomFor(pair.priority())) {
            return false;
        }
        pair.state(CandidatePairState.WAITING);
        insertSorted(pair);
        return true;
    }

    /** RFC 8838 §12 rules 1-3 for a newly formed pair. */
    private CandidatePairState initialState(CheckPair p) {
        String foundation = p.foundation();
        boolean top = true;
        for (CheckPair q : pairs) {
            if (!q.foundation().equals(foundation)) {
                continue;
            }
            if (q.state() == CandidatePairState.SUCCEEDED) {
                return CandidatePairState.WAITING; // rule 2
            }
            if (Long.compareUnsigned(q.priority(), p.priority()) >= 0) {
                top = false;
            }
        }
        return top ? CandidatePairState.WAITING : CandidatePairState.FROZEN; // rule 1, else rule 3
    }

    /** RFC 8838 §10 step 6 / RFC 8445 §6.1.2.5: drop a Failed pair, else a lower-priority idle one. */
    private boolean makeRoomFor(long priority) {
        for (int i = pairs.size() - 1; i >= 0; i--) {
            if (pairs.get(i).state() == CandidatePairState.FAILED) {
                remove(pairs.get(i));
                return true;
            }
        }
        for (int i = pairs.size() - 1; i >= 0; i--) {
            CheckPair q = pairs.get(i);
            if (Long.compareUnsigned(q.priority(), priority) >= 0) {
                return false; // sorted: nothing lower remains
            }
            if (q.state() == CandidatePairState.WAITING || q.state() == CandidatePairState.FROZEN) {
                remove(q);
                return true;
            }
        }
        return false;
    }

    private void insertSorted(CheckPair p) {
        int i = 0;
        while (i < pairs.size() && PairPriority.compareDescending(pairs.get(i).priority(), p.priority()) <= 0) {
            i++;
        }
        pairs.add(i, p);
    }

    public void remove(CheckPair p) {
        pairs.remove(p);
        if (p.triggered) {
            triggeredQueue.remove(p);
            p.triggered = false;
        }
    }

    /** The pair sending from {@code base} to {@code remote} over {@code transport}, or null. */
    public CheckPair find(InetSocketAddress base, InetSocketAddress remote, TransportProtocol transport) {
        for (CheckPair p : pairs) {
            if (p.sameFiveTuple(base, remote, transport)) {
                return p;
            }
        }
        return null;
    }

    /** Recomputes priorities after a role change (RFC 8445 §7.2.5.1, §7.3.1.1) and re-sorts. */
    public void recomputePriorities(IceRole role) {
        for (CheckPair p : pairs) {
            p.recomputePriority(role);
        }
        pairs.sort((a, b) -> PairPriority.compareDescending(a.priority(), b.priority()));
    }

    /** Enqueues a triggered check (RFC 8445 §7.3.1.4); the pair becomes Waiting. No duplicates. */
    public void trigger(CheckPair p) {
        p.state(CandidatePairState.WAITING);
        if (!p.triggered) {
            p.triggered = true;
            triggeredQueue.addLast(p);
        }
    }

    public boolean hasTriggered() {
        return !triggeredQueue.isEmpty();
    }

    /**
     * Picks the pair for the next check when Ta fires (RFC 8445 §6.1.4.2 steps 1-3): the head of the triggered
     * queue, else the highest-priority Waiting pair after unfreezing one Frozen pair per foundation that has none
     * Waiting or In-Progress. Returns null when there is nothing to check.
     */
    public CheckPair next() {
        CheckPair t;
        while ((t = triggeredQueue.pollFirst()) != null) {
            t.triggered = false;
            if (t.state() != CandidatePairState.SUCCEEDED) {
                return t; // a pair that succeeded meanwhile needs no new check (RFC 8445 §7.3.1.4)
            }
        }
        CheckPair waiting = highestWaiting();
        if (waiting == null && unfreeze()) {
            waiting = highestWaiting();
        }
        return waiting;
    }

    /** True when {@link #next()} would return a pair. Allocates nothing. */
    public boolean hasWork() {
        for (CheckPair t : triggeredQueue) {
            if (t.state() != CandidatePairState.SUCCEEDED) {
                return true;
            }
        }
        for (CheckPair p : pairs) {
            if (p.state() == CandidatePairState.WAITING
                    || p.state() == CandidatePairState.FROZEN && !foundationActive(p.foundation())) {
                return true;
            }
        }
        return false;
    }

    /** True while some pair may still be checked: Waiting, Frozen or In-Progress, or queued. */
    public boolean hasPending() {
        if (!triggeredQueue.isEmpty()) {
            return true;
        }
        for (CheckPair p : pairs) {
            CandidatePairState s = p.state();
            if (s == CandidatePairState.WAITING || s == CandidatePairState.FROZEN
                    || s == CandidatePairState.IN_PROGRESS) {
                return true;
            }
        }
        return false;
    }

    private CheckPair highestWaiting() {
        for (CheckPair p : pairs) {
            if (p.state() == CandidatePairState.WAITING) {
                return p;
            }
        }
        return null;
    }

    /** RFC 8445 §6.1.4.2 step 2. */
    private boolean unfreeze() {
        boolean any = false;
        for (CheckPair p : pairs) {
            if (p.state() == CandidatePairState.FROZEN && !foundationActive(p.foundation())) {
                p.state(CandidatePairState.WAITING);
                any = true;
            }
        }
        return any;
    }

    private boolean foundationActive(String foundation) {
        for (CheckPair q : pairs) {
            if ((q.state() == CandidatePairState.WAITING || q.state() == CandidatePairState.IN_PROGRESS)
                    && q.foundation().equals(foundation)) {
                return true;
            }
        }
        return false;
    }

    /** RFC 8445 §7.2.5.3.3: a success unfreezes the Frozen pairs with the same foundation. */
    public void unfreezeFoundation(String foundation) {
        for (CheckPair p : pairs) {
            if (p.state() == CandidatePairState.FROZEN && p.foundation().equals(foundation)) {
                p.state(CandidatePairState.WAITING);
            }
        }
    }

    /** Counts pairs in a state. */
    public int count(CandidatePairState s) {
        int n = 0;
        for (CheckPair p : pairs) {
            if (p.state() == s) {
                n++;
            }
        }
        return n;
    }

    /**
     * RFC 8445 §8.1.2: once a pair is nominated, Waiting and Frozen pairs are removed and the triggered queue is
     * flushed.
     */
    public void stopIdlePairs() {
        for (Iterator<CheckPair> it = pairs.iterator(); it.hasNext(); ) {
            CheckPair p = it.next();
            if (p.state() == CandidatePairState.WAITING || p.state() == CandidatePairState.FROZEN) {
                it.remove();
            }
        }
        for (CheckPair p : triggeredQueue) {
            p.triggered = false;
        }
        triggeredQueue.clear();
    }

    /** Empties the checklist and the triggered queue (ICE restart, RFC 8445 §9). */
    public void clear() {
        for (CheckPair p : triggeredQueue) {
            p.triggered = false;
        }
        triggeredQueue.clear();
        pairs.clear();
    }

    /** Replaces a peer-reflexive remote candidate by its signalled twin in every pair (RFC 8838 §11 step 4.A). */
    public void replaceRemote(Candidate prflx, Candidate signalled) {
        for (CheckPair p : pairs) {
            if (p.remote() == prflx) {
                p.replaceRemote(signalled);
            }
        }
    }
}
