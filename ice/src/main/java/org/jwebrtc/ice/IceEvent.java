package org.jwebrtc.ice;

/** What {@link IceAgent#pollEvent()} reports. Consume with {@code instanceof} pattern chains. */
public sealed interface IceEvent permits IceEvent.StateChanged, IceEvent.SelectedPair, IceEvent.LocalCandidate {
    /** The connection state changed. */
    record StateChanged(IceConnectionState state) implements IceEvent {
    }

    /** The pair to send application data on was selected or changed (RFC 8445 §8.1.1, §8.2). */
    record SelectedPair(CandidatePair pair) implements IceEvent {
    }

    /**
     * A local candidate the agent found itself: a peer-reflexive candidate from a check's XOR-MAPPED-ADDRESS
     * (RFC 8445 §7.2.5.3.1). It is not signalled to the peer (RFC 8838 §9) but can be shown in stats.
     */
    record LocalCandidate(Candidate candidate) implements IceEvent {
    }
}
