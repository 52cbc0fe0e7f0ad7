package org.jwebrtc.rtp.jitter;

/** What {@link JitterBuffer#insert} did with a packet. Every outcome other than {@link #INSERTED} is counted. */
public enum InsertResult {
    INSERTED,
    /** Already held, or already released. */
    DUPLICATE,
    /** Its frame was already released or given up. */
    LATE,
    /** Not RTP, another SSRC, or payload larger than the configured maximum. */
    MALFORMED
}
