package org.jwebrtc.ice.sim;

import org.jwebrtc.ice.GatheringEvent;

/**
 * Signalling stand-in: moves what each node's gatherer found into its own agent and, as trickled candidates, into
 * the peer's agent; completion becomes end-of-candidates at the peer. Call {@link #pump()} from a stop condition.
 */
final class Trickle {
    private final VirtualNetwork.Node a;
    private final VirtualNetwork.Node b;
    private int seenA;
    private int seenB;

    Trickle(VirtualNetwork.Node a, VirtualNetwork.Node b) {
        this.a = a;
        this.b = b;
    }

    void pump() {
        seenA = pump(a, b, seenA);
        seenB = pump(b, a, seenB);
    }

    private static int pump(VirtualNetwork.Node from, VirtualNetwork.Node to, int seen) {
        for (; seen < from.gathering.size(); seen++) {
            GatheringEvent e = from.gathering.get(seen);
            if (e instanceof GatheringEvent.CandidateGathered c) {
                from.agent.addLocalCandidate(c.candidate());
                to.agent.addRemoteCandidate(c.candidate());
            } else if (e instanceof GatheringEvent.Complete) {
                to.agent.endOfRemoteCandidates();
            }
        }
        return seen;
    }
}
