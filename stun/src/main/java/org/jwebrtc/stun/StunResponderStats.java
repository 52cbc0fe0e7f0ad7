package org.jwebrtc.stun;

/**
 * Snapshot of a {@link StunBindingResponder}'s counters.
 *
 * @param successes success responses produced
 * @param badRequests 400 responses (malformed request, missing credentials)
 * @param unauthenticated 401 responses (unknown username, integrity mismatch)
 * @param unknownAttributes 420 responses
 * @param dropped datagrams answered with nothing (not STUN, not a Binding request)
 */
public record StunResponderStats(long successes, long badRequests, long unauthenticated, long unknownAttributes,
                                 long dropped) {}
