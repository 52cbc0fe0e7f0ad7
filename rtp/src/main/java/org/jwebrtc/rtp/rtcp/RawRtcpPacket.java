package org.jwebrtc.rtp.rtcp;

import java.util.Arrays;

/**
 * An RTCP packet this codec does not model (unknown PT, or feedback FMT other than NACK/TWCC/PLI/FIR/
 * REMB), kept as its count/FMT field, packet type and body (the bytes after the 4-byte header).
 */
public record RawRtcpPacket(int count, int packetType, byte[] body) implements RtcpPacket {
    public RawRtcpPacket {
        RtcpHeader.checkRange("count", count, 0, 31);
        RtcpHeader.checkRange("packet type", packetType, 0, 255);
        body = body.clone();
        if (body.length % 4 != 0 || body.length > 0xFFFF * 4) {
            throw new IllegalArgumentException("RTCP body must be whole 32-bit words");
        }
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public int encodedLength() {
        return RtcpHeader.LENGTH + body.length;
    }

    @Override
    public int encode(byte[] dst, int off) {
        int total = encodedLength();
        RtcpHeader.write(dst, off, count, packetType, total);
        System.arraycopy(body, 0, dst, off + 4, body.length);
        return total;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawRtcpPacket r && r.count == count && r.packetType == packetType
                && Arrays.equals(r.body, body);
    }

    @Override
    public int hashCode() {
        return (count * 31 + packetType) * 31 + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "RawRtcpPacket[count=" + count + ", pt=" + packetType + ", body=" + body.length + "B]";
    }
}
