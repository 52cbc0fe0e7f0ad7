package org.jwebrtc.stun;

/**
 * STUN method numbers (RFC 8489 §18.2; TURN methods from RFC 8656 §17 for the turn module) and the
 * interleaving of method and class bits into the 14-bit message type (RFC 8489 §5).
 */
public final class StunMethod {
    public static final int BINDING = 0x001;
    // RFC 8656 §17 (TURN); handled by the turn module, listed here so all numbers live in one place
    public static final int ALLOCATE = 0x003;
    public static final int REFRESH = 0x004;
    public static final int SEND = 0x006;
    public static final int DATA = 0x007;
    public static final int CREATE_PERMISSION = 0x008;
    public static final int CHANNEL_BIND = 0x009;

    /** Largest method number (12 bits). */
    public static final int MAX = 0xFFF;

    private StunMethod() {}

    /** Message type: M11..M7 C1 M6..M4 C0 M3..M0 (RFC 8489 §5 Figure 3). */
    public static int messageType(int method, StunClass cls) {
        if (method < 0 || method > MAX) {
            throw new IllegalArgumentException("method out of range: " + method);
        }
        int c = cls.bits();
        return (method & 0x000F) | ((method & 0x0070) << 1) | ((method & 0x0F80) << 2)
                | ((c & 1) << 4) | ((c & 2) << 7);
    }

    /** The 12-bit method of a 14-bit message type. */
    public static int ofMessageType(int messageType) {
        return (messageType & 0x000F) | ((messageType >> 1) & 0x0070) | ((messageType >> 2) & 0x0F80);
    }

    public static String name(int method) {
        switch (method) {
            case BINDING: return "Binding";
            case ALLOCATE: return "Allocate";
            case REFRESH: return "Refresh";
            case SEND: return "Send";
            case DATA: return "Data";
            case CREATE_PERMISSION: return "CreatePermission";
            case CHANNEL_BIND: return "ChannelBind";
            default: return String.format("0x%03x", method);
        }
    }
}
