package org.jwebrtc.rtp.rtcp;

/**
 * Status of one packet in transport-wide feedback (draft-holmer-rmcat-transport-wide-cc-extensions-01
 * §3.1.1): the 2-bit symbol and the receive delta in 250 µs ticks (§3.1.5). Small deltas are 0..255,
 * large (or negative) deltas are signed 16-bit; not-received packets have no delta.
 */
public record PacketStatus(int symbol, int delta) {
    public static final int NOT_RECEIVED = 0;
    public static final int SMALL_DELTA = 1;
    public static final int LARGE_DELTA = 2;
    public static final PacketStatus LOST = new PacketStatus(NOT_RECEIVED, 0);
    /** One delta tick in microseconds. */
    public static final int TICK_MICROS = 250;

    public PacketStatus {
        switch (symbol) {
            case NOT_RECEIVED -> RtcpHeader.checkRange("delta of a lost packet", delta, 0, 0);
            case SMALL_DELTA -> RtcpHeader.checkRange("small delta", delta, 0, 255);
            case LARGE_DELTA -> RtcpHeader.checkRange("large delta", delta, -32768, 32767);
            default -> throw new IllegalArgumentException("status symbol " + symbol + " (3 is reserved)");
        }
    }

    /** A received packet; the symbol follows from the delta (ticks of 250 µs). */
    public static PacketStatus received(int deltaTicks) {
        return new PacketStatus(deltaTicks >= 0 && deltaTicks <= 255 ? SMALL_DELTA : LARGE_DELTA, deltaTicks);
    }

    public boolean isReceived() {
        return symbol != NOT_RECEIVED;
    }

    public long deltaMicros() {
        return (long) delta * TICK_MICROS;
    }
}
