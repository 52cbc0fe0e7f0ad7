package org.jwebrtc.ice;

/** Candidate pair states of a checklist (RFC 8445 §6.1.2.6). */
public enum CandidatePairState {
    FROZEN,
    WAITING,
    IN_PROGRESS,
    SUCCEEDED,
    FAILED
}
