package org.jwebrtc.peerconnection;

/**
 * RTCRtpReceiver (W3C webrtc §5.3) for encoded frames: SRTP is removed, packets are put back in order, frames
 * reassembled (waiting briefly for NACK repairs, dropping up to the next key frame when a hole stays) and handed
 * to the {@link FrameListener} on the connection's loop. Thread-safe.
 */
public final class RtpReceiver {
    private final PeerConnection owner;
    private final RtpTransceiver transceiver;
    private volatile FrameListener listener = f -> { };

    RtpReceiver(PeerConnection owner, RtpTransceiver transceiver) {
        this.owner = owner;
        this.transceiver = transceiver;
    }

    public void setFrameListener(FrameListener l) {
        this.listener = java.util.Objects.requireNonNull(l);
    }

    FrameListener listener() {
        return listener;
    }

    /** Sends a Picture Loss Indication to the remote sender (RFC 4585 §6.3.1). */
    public void requestKeyframe() {
        owner.submitKeyframeRequest(transceiver);
    }

    public RtpTransceiver transceiver() {
        return transceiver;
    }
}
