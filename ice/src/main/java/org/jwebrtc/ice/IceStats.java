package org.jwebrtc.ice;

/**
 * Counters of an {@link IceAgent} (snapshot). Every datagram passed to {@code handleInput} lands in exactly one of
 * {@code notStun}, {@code malformed}, {@code badFingerprint}, {@code badIntegrity}, {@code unknownUsername},
 * {@code badRequests}, {@code unmatchedResponses}, {@code ignored} or {@code accepted}.
 *
 * @param notStun            not STUN at all (RFC 7983 demux): returned false, not ICE's
 * @param malformed          looked like STUN but did not parse
 * @param badFingerprint     request without FINGERPRINT, or with a FINGERPRINT that does not match
 * @param badIntegrity       MESSAGE-INTEGRITY missing or not verifying (request: our password; response: theirs)
 * @param unknownUsername    request whose USERNAME does not start with our ufrag
 * @param badRequests        request missing USERNAME/MESSAGE-INTEGRITY/PRIORITY (400 sent) or carrying an unknown
 *                           comprehension-required attribute (420 sent)
 * @param unmatchedResponses response for no outstanding transaction
 * @param ignored            other STUN methods, indications, input after close or consent loss
 * @param accepted           authenticated requests and responses acted on
 * @param roleConflicts      role conflicts detected (RFC 8445 §7.3.1.1, §7.2.5.1)
 * @param checksSent         connectivity checks sent (first transmissions)
 * @param retransmissions    check retransmissions
 * @param consentChecksSent  consent freshness requests (RFC 7675)
 * @param keepalivesSent     Binding indications (RFC 8445 §11)
 */
public record IceStats(long notStun, long malformed, long badFingerprint, long badIntegrity, long unknownUsername,
                       long badRequests, long unmatchedResponses, long ignored, long accepted, long roleConflicts,
                       long checksSent, long retransmissions, long consentChecksSent, long keepalivesSent) {

    /** Datagrams dropped for failing a check (everything but {@code notStun}, {@code ignored}, {@code accepted}). */
    public long dropped() {
        return malformed + badFingerprint + badIntegrity + unknownUsername + badRequests + unmatchedResponses;
    }

    /** All datagrams seen by {@code handleInput}. */
    public long total() {
        return notStun + dropped() + ignored + accepted;
    }
}
