package org.jwebrtc.rtp.codec;

import java.util.Arrays;
import java.util.List;

/**
 * Opus (RFC 7587 §4.2): exactly one Opus packet per RTP payload, no payload header; the RTP clock is
 * 48 kHz whatever the coded bandwidth (§4.1).
 */
public final class OpusPacketizer implements Packetizer {
    public static final int CLOCK_RATE = 48_000;

    @Override
    public List<byte[]> packetize(byte[] frame, int off, int len, int mtu) {
        if (len > mtu) {
            throw new IllegalArgumentException("Opus packet of " + len + " bytes exceeds MTU " + mtu
                    + " (RFC 7587 forbids splitting)");
        }
        return List.of(Arrays.copyOfRange(frame, off, off + len));
    }
}
