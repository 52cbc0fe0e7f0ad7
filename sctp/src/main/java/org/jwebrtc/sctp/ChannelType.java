package org.jwebrtc.sctp;

/** DATA_CHANNEL_OPEN channel types (RFC 8832 §5.1); bit 0x80 = unordered. */
public enum ChannelType {
    RELIABLE(0x00), RELIABLE_UNORDERED(0x80), PARTIAL_RELIABLE_REXMIT(0x01), PARTIAL_RELIABLE_REXMIT_UNORDERED(0x81),
    PARTIAL_RELIABLE_TIMED(0x02), PARTIAL_RELIABLE_TIMED_UNORDERED(0x82);

    private final int code;

    ChannelType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public boolean ordered() {
        return (code & 0x80) == 0;
    }

    public static ChannelType of(int code) {
        for (ChannelType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }

    public static ChannelType of(boolean ordered, boolean rexmit, boolean timed) {
        int c = (ordered ? 0 : 0x80) | (rexmit ? 0x01 : timed ? 0x02 : 0);
        return of(c);
    }
}
