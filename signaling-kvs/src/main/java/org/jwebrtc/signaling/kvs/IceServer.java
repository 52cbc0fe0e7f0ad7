package org.jwebrtc.signaling.kvs;

import java.util.List;

/** One entry of GetIceServerConfig's IceServerList: TURN URIs and credentials valid for {@code ttlSeconds}. */
public record IceServer(List<String> uris, String username, String password, int ttlSeconds) {
    public IceServer {
        uris = List.copyOf(uris);
    }
}
