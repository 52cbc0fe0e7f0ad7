package org.jwebrtc.rtp;

import java.util.Arrays;
import org.jwebrtc.rtp.internal.Bytes;

/**
 * A whole RTP packet as a value: header, payload and padding length (RFC 3550 §5.1 P bit; 0 = no
 * padding, else 1-255 octets whose last octet holds the count). Copies its payload; use
 * {@link RtpView} on hot receive paths.
 */
public record RtpPacket(RtpHeader header, byte[] payload, int paddingLength) {
    public RtpPacket {
        if (header == null) {
            throw new IllegalArgumentException("header");
        }
        if (paddingLength < 0 || paddingLength > 255) {
            throw new IllegalArgumentException("padding length " + paddingLength + " outside 0..255");
        }
        payload = payload.clone();
    }

    public RtpPacket(RtpHeader header, byte[] payload) {
        this(header, payload, 0);
    }

    /** Parses and copies one packet. */
    public static RtpPacket parse(byte[] buf, int off, int len) throws RtpException {
        RtpView v = new RtpView().wrap(buf, off, len);
        return new RtpPacket(v.toHeader(), v.payload(), v.paddingLength());
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    public int encodedLength() {
        return header.encodedLength() + payload.length + paddingLength;
    }

    /** Writes the packet; returns the bytes written. Padding octets are zero except the count. */
    public int encode(byte[] dst, int off) {
        Bytes.checkRoom(dst, off, encodedLength());
        int p = off + header.encode(dst, off);
        System.arraycopy(payload, 0, dst, p, payload.length);
        p += payload.length;
        if (paddingLength > 0) {
            dst[off] |= 0x20;
            Arrays.fill(dst, p, p + paddingLength - 1, (byte) 0);
            p += paddingLength;
            dst[p - 1] = (byte) paddingLength;
        }
        return p - off;
    }

    public byte[] toBytes() {
        byte[] b = new byte[encodedLength()];
        encode(b, 0);
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RtpPacket p && p.header.equals(header) && Arrays.equals(p.payload, payload)
                && p.paddingLength == paddingLength;
    }

    @Override
    public int hashCode() {
        return (header.hashCode() * 31 + Arrays.hashCode(payload)) * 31 + paddingLength;
    }

    @Override
    public String toString() {
        return "RtpPacket[" + header + ", payload=" + payload.length + "B, padding=" + paddingLength + "]";
    }
}
