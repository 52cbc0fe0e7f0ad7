package org.jwebrtc.sctp;

/**
 * Options of a data channel (W3C RTCDataChannelInit). {@code maxRetransmits} / {@code maxPacketLifeTimeMs}: -1 =
 * unset, at most one set. {@code negotiatedId} >= 0: out-of-band negotiated channel on that stream, no DCEP.
 */
public record DataChannelInit(String label, String protocol, boolean ordered, int maxRetransmits,
                              long maxPacketLifeTimeMs, int priority, int negotiatedId) {
    public DataChannelInit {
        if (label == null || protocol == null) {
            throw new IllegalArgumentException("label and protocol must not be null");
        }
        if (maxRetransmits < -1 || maxPacketLifeTimeMs < -1 || (maxRetransmits >= 0 && maxPacketLifeTimeMs >= 0)) {
            throw new IllegalArgumentException("maxRetransmits and maxPacketLifeTime are exclusive, -1 = unset");
        }
        if (maxRetransmits > 0xffff || maxPacketLifeTimeMs > 0xffffffffL || (priority >>> 16) != 0
                || negotiatedId < -1 || negotiatedId > 65534) {
            throw new IllegalArgumentException("field out of range");
        }
    }

    public static DataChannelInit reliable(String label) {
        return new DataChannelInit(label, "", true, -1, -1, 256, -1);
    }

    public ChannelType channelType() {
        return ChannelType.of(ordered, maxRetransmits >= 0, maxPacketLifeTimeMs >= 0);
    }

    long reliabilityParameter() {
        return maxRetransmits >= 0 ? maxRetransmits : Math.max(0, maxPacketLifeTimeMs);
    }

    static DataChannelInit fromOpen(DcepMessage.Open o, int streamId) {
        ChannelType t = o.channelType();
        boolean rexmit = (t.code() & 0x7f) == 1;
        boolean timed = (t.code() & 0x7f) == 2;
        return new DataChannelInit(o.label(), o.protocol(), t.ordered(),
                rexmit ? (int) Math.min(0xffff, o.reliabilityParameter()) : -1,
                timed ? o.reliabilityParameter() : -1, o.priority(), -1);
    }
}
