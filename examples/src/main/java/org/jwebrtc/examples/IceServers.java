package org.jwebrtc.examples;

import java.util.ArrayList;
import java.util.List;
import org.jwebrtc.peerconnection.IceServerConfig;
import org.jwebrtc.peerconnection.IceTransportPolicy;
import org.jwebrtc.peerconnection.PeerConnectionConfig;
import org.jwebrtc.signaling.kvs.IceServer;

/** KVS GetIceServerConfig answers turned into peer-connection settings. */
final class IceServers {
    private IceServers() {}

    /**
     * The TURN servers KVS handed out, as peer-connection ICE servers next to the ones {@code config} has already
     * (e.g. STUN servers given on the command line). The peer connection speaks TURN over UDP so far, so
     * {@code turns:} and {@code ?transport=tcp} URIs are left out (KVS lists UDP ones too). {@code NO_RELAY} leaves
     * KVS's TURN servers out altogether.
     */
    static PeerConnectionConfig apply(PeerConnectionConfig config, List<IceServer> servers, CandidatePolicy policy) {
        List<IceServerConfig> out = new ArrayList<>(config.iceServers());
        for (IceServer s : policy == CandidatePolicy.NO_RELAY ? List.<IceServer>of() : servers) {
            List<String> udp = s.uris().stream().filter(u -> u.startsWith("turn:") && !u.contains("transport=tcp"))
                    .toList();
            if (!udp.isEmpty()) {
                out.add(new IceServerConfig(udp, s.username(), s.password()));
            }
        }
        return config.withIceServers(out)
                .withIceTransportPolicy(policy == CandidatePolicy.RELAY_ONLY ? IceTransportPolicy.RELAY
                        : IceTransportPolicy.ALL);
    }
}
