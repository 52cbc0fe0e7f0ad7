package org.jwebrtc.rtp.jitter;

import java.util.Arrays;

/**
 * One complete, decodable media frame released by a {@link JitterBuffer}, in the form the payload
 * format's {@link org.jwebrtc.rtp.codec.Depacketizer} gives (Annex B for H.264/H.265, raw for VP8/VP9,
 * low-overhead OBUs for AV1). {@code data} is freshly allocated per frame and handed over (not copied).
 *
 * @param timestamp RTP timestamp (unsigned 32-bit)
 * @param firstSequenceNumber first packet's sequence number (16-bit)
 * @param lastSequenceNumber last packet's sequence number (16-bit)
 * @param firstArrivalNanos arrival of the frame's earliest packet
 * @param lastArrivalNanos arrival of the packet that completed it
 * @param playoutNanos when the buffer scheduled the frame for release (arrival offset + target delay)
 */
public record Frame(long ssrc, long timestamp, int firstSequenceNumber, int lastSequenceNumber, int packets,
                    boolean keyframe, byte[] data, long firstArrivalNanos, long lastArrivalNanos,
                    long playoutNanos) {
    @Override
    public boolean equals(Object o) {
        return o instanceof Frame f && ssrc == f.ssrc && timestamp == f.timestamp
                && firstSequenceNumber == f.firstSequenceNumber && lastSequenceNumber == f.lastSequenceNumber
                && packets == f.packets && keyframe == f.keyframe && Arrays.equals(data, f.data)
                && firstArrivalNanos == f.firstArrivalNanos && lastArrivalNanos == f.lastArrivalNanos
                && playoutNanos == f.playoutNanos;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(timestamp) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Frame[ssrc=" + ssrc + ", ts=" + timestamp + ", seq=" + firstSequenceNumber + ".." + lastSequenceNumber
                + ", key=" + keyframe + ", " + data.length + " bytes]";
    }
}
