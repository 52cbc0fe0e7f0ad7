package org.jwebrtc.rtp.codec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * G.711 PCMU (PT 0) / PCMA (PT 8), RFC 3551 §4.5.14: one octet per sample at 8 kHz, no payload header.
 * A frame of samples is cut into packets of {@code samplesPerPacket} (160 = 20 ms, the RFC 3551 §4.2
 * default packetization), never more than the MTU; the RTP timestamp advances by the payload length.
 */
public final class G711Packetizer implements Packetizer {
    public static final int CLOCK_RATE = 8000;
    public static final int PCMU = 0;
    public static final int PCMA = 8;
    public static final int SAMPLES_20MS = 160;
    private final int samplesPerPacket;

    public G711Packetizer() {
        this(SAMPLES_20MS);
    }

    public G711Packetizer(int samplesPerPacket) {
        if (samplesPerPacket < 1) {
            throw new IllegalArgumentException("samples per packet " + samplesPerPacket);
        }
        this.samplesPerPacket = samplesPerPacket;
    }

    @Override
    public List<byte[]> packetize(byte[] frame, int off, int len, int mtu) {
        if (mtu < 1) {
            throw new IllegalArgumentException("mtu " + mtu);
        }
        int max = Math.min(mtu, samplesPerPacket);
        List<byte[]> out = new ArrayList<>(len / max + 1);
        for (int pos = 0; pos < len; pos += max) {
            out.add(Arrays.copyOfRange(frame, off + pos, off + Math.min(len, pos + max)));
        }
        return out;
    }
}
