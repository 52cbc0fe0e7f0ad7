package org.jwebrtc.sctp;

import java.util.ArrayList;
import java.util.List;

/**
 * SCTP packet (RFC 9260 §3): 12-byte common header (ports, verification tag, CRC-32C) and chunks. Over DTLS
 * (RFC 8261) this is the whole DTLS application-data record: no IP or UDP header.
 */
public record SctpPacket(int sourcePort, int destinationPort, long verificationTag, List<Chunk> chunks) {
    public static final int HEADER_LENGTH = 12;

    public SctpPacket {
        if ((sourcePort >>> 16) != 0 || (destinationPort >>> 16) != 0 || (verificationTag >>> 32) != 0) {
            throw new IllegalArgumentException("field out of range");
        }
        chunks = List.copyOf(chunks);
    }

    public int encodedLength() {
        int n = HEADER_LENGTH;
        for (Chunk c : chunks) {
            n += c.encodedLength();
        }
        return n;
    }

    /** Encodes and fills in the CRC-32C; returns bytes written. */
    public int encode(byte[] dst, int off) {
        int n = encodedLength();
        Bytes.checkRoom(dst, off, n);
        Bytes.put16(dst, off, sourcePort);
        Bytes.put16(dst, off + 2, destinationPort);
        Bytes.put32(dst, off + 4, verificationTag);
        int p = off + HEADER_LENGTH;
        for (Chunk c : chunks) {
            p += c.encode(dst, p);
        }
        Crc32c.writeField(dst, off, 0);
        Crc32c.writeField(dst, off, new Crc32c().compute(dst, off, n));
        return n;
    }

    public byte[] toBytes() {
        byte[] b = new byte[encodedLength()];
        encode(b, 0);
        return b;
    }

    /** Parses and verifies the checksum (RFC 9260 §6.8); a mismatch is an {@link SctpException} at offset 8. */
    public static SctpPacket parse(byte[] buf, int off, int len) throws SctpException {
        if (len < HEADER_LENGTH || off < 0 || len > buf.length - off) {
            throw new SctpException("SCTP packet needs 12 bytes, has " + len, off);
        }
        int crc = new Crc32c().computePacket(buf, off, len);
        if (crc != Crc32c.readField(buf, off)) {
            throw new SctpException("CRC-32C mismatch", off + 8);
        }
        List<Chunk> chunks = new ArrayList<>(2);
        int p = off + HEADER_LENGTH;
        int end = off + len;
        while (p < end) {
            Chunk c = Chunk.parse(buf, p, end - p);
            chunks.add(c);
            p += skip(buf, p, end);
        }
        return new SctpPacket(Bytes.u16(buf, off), Bytes.u16(buf, off + 2), Bytes.u32(buf, off + 4), chunks);
    }

    /** Bytes from a chunk header at {@code p} to the next chunk (length field rounded up, capped at the end). */
    static int skip(byte[] buf, int p, int end) {
        return Math.min(Bytes.pad4(Bytes.u16(buf, p + 2)), end - p);
    }
}
