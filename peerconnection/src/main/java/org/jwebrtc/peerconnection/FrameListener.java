package org.jwebrtc.peerconnection;

/** Receives reassembled frames of one {@link RtpReceiver}. Runs on the connection's loop: return quickly. */
@FunctionalInterface
public interface FrameListener {
    void onFrame(EncodedFrame frame);
}
