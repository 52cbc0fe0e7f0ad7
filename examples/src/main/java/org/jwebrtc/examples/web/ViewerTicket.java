package org.jwebrtc.examples.web;

import java.net.URI;
import java.util.List;
import org.jwebrtc.signaling.kvs.IceServer;

/**
 * What a browser viewer needs to join: a presigned signaling URL for its own client id (the server signs; the
 * page never sees AWS credentials), the ICE servers and whether the master sends media.
 */
public record ViewerTicket(URI signalingUrl, String clientId, List<IceServer> iceServers, boolean relayOnly,
                           boolean media) {
    public ViewerTicket {
        iceServers = List.copyOf(iceServers);
    }
}
