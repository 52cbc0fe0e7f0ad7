package org.jwebrtc.turn;

/**
 * Counters of a {@link TurnServerCore}, a snapshot.
 *
 * @param activeAllocations allocations alive now
 * @param allocationsCreated successful Allocates
 * @param challenges 401 responses to requests without credentials
 * @param authFailures 401 for unknown users or bad MESSAGE-INTEGRITY
 * @param expiredCredentials 401 for TURN REST usernames past their expiry
 * @param staleNonces 438 responses
 * @param quotaRejections 486 responses (allocations per user)
 * @param forbiddenPeers 403 responses (peer addresses the server refuses to relay to)
 * @param permissionDrops relayed packets dropped for want of a permission or channel (RFC 8656 §9)
 * @param bandwidthDrops relayed packets dropped by the per-allocation bandwidth cap
 * @param malformed inputs that were neither valid STUN nor ChannelData
 * @param relayedToPeers datagrams sent from relays to peers
 * @param relayedToClients datagrams from peers sent to clients
 */
public record TurnServerStats(long activeAllocations, long allocationsCreated, long challenges, long authFailures,
                              long expiredCredentials, long staleNonces, long quotaRejections, long forbiddenPeers,
                              long permissionDrops, long bandwidthDrops, long malformed, long relayedToPeers,
                              long relayedToClients) {}
