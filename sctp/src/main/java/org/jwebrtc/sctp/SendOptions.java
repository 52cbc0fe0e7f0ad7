package org.jwebrtc.sctp;

/**
 * Per-message delivery options. {@code maxRetransmits} and {@code maxLifetimeNanos} select partial reliability
 * (RFC 3758; WebRTC maxRetransmits / maxPacketLifeTime); at most one of them may be set, -1 = unlimited.
 */
public record SendOptions(boolean ordered, int maxRetransmits, long maxLifetimeNanos) {
    public static final SendOptions RELIABLE = new SendOptions(true, -1, -1);
    public static final SendOptions UNORDERED = new SendOptions(false, -1, -1);

    public SendOptions {
        if (maxRetransmits < -1 || maxLifetimeNanos < -1) {
            throw new IllegalArgumentException("negative limit");
        }
        if (maxRetransmits >= 0 && maxLifetimeNanos >= 0) {
            throw new IllegalArgumentException("maxRetransmits and maxLifetime are exclusive");
        }
    }

    public boolean reliable() {
        return maxRetransmits < 0 && maxLifetimeNanos < 0;
    }
}
