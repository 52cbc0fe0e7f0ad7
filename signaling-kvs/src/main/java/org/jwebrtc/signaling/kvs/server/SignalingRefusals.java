package org.jwebrtc.signaling.kvs.server;

/**
 * What the embedded signaling server refused since it started, by reason (each refusal also answers the client:
 * a 4xx at the WebSocket upgrade, or a STATUS_RESPONSE for a frame that carried a correlationId).
 *
 * @param oversizedPayloads  frames whose messagePayload exceeded the configured size (not forwarded)
 * @param rateLimitedFrames  frames over the per-connection SDP/ICE rate (ClientLimitExceeded, not forwarded)
 * @param secondMasters      master connections refused because a master was already connected
 * @param viewerLimit        viewer connections refused because the channel was full
 * @param connectRateLimited connections refused by the per-channel connect rate
 */
public record SignalingRefusals(long oversizedPayloads, long rateLimitedFrames, long secondMasters, long viewerLimit,
                                long connectRateLimited) {
}
