package org.jwebrtc.ice;

import java.net.InetSocketAddress;

/** What {@link CandidateGatherer#pollEvent()} reports. Consume with {@code instanceof} pattern chains. */
public sealed interface GatheringEvent
        permits GatheringEvent.CandidateGathered, GatheringEvent.ServerUnreachable, GatheringEvent.Complete {

    /** A candidate to add to the agent and to signal (trickle, RFC 8838 §9). */
    record CandidateGathered(Candidate candidate) implements GatheringEvent {
    }

    /** A STUN server gave no usable answer for {@code base} within its timeout (or answered with an error). */
    record ServerUnreachable(InetSocketAddress server, InetSocketAddress base, String reason)
            implements GatheringEvent {
    }

    /** Every STUN query finished or timed out: signal end-of-candidates (RFC 8838 §8.2). */
    record Complete() implements GatheringEvent {
    }
}
