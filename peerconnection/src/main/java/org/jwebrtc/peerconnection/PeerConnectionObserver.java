package org.jwebrtc.peerconnection;

import java.util.Optional;
import org.jwebrtc.ice.IceConnectionState;

/** Connection events. Called on the connection's event-loop thread: return quickly, never block. */
public interface PeerConnectionObserver {
    /** A local candidate to trickle to the peer; empty once gathering is complete. */
    default void onIceCandidate(Optional<IceCandidateInit> candidate) {}

    /** The peer opened a data channel (DCEP, RFC 8832). */
    default void onDataChannel(DataChannel channel) {}

    /** A remote track will arrive on this transceiver's receiver (W3C webrtc §5.1 ontrack). */
    default void onTrack(RtpTransceiver transceiver) {}

    default void onConnectionStateChange(PeerConnectionState state) {}

    default void onIceConnectionStateChange(IceConnectionState state) {}
}
