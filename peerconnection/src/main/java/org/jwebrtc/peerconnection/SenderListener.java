package org.jwebrtc.peerconnection;

/** Events for the application feeding an {@link RtpSender}. Runs on the connection's loop: return quickly. */
@FunctionalInterface
public interface SenderListener {
    /** The remote decoder asked for a key frame (RTCP PLI, RFC 4585 §6.3.1, or FIR, RFC 5104 §4.3.1). */
    void onKeyframeRequest();
}
