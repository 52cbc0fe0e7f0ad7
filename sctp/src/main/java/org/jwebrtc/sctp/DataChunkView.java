package org.jwebrtc.sctp;

/**
 * Zero-copy DATA chunk (RFC 9260 §3.3.1) view over a caller's buffer, and an allocation-free encoder.
 * Reuse it; valid until the buffer is overwritten. Not thread-safe.
 */
public final class DataChunkView {
    private byte[] buf;
    private int off;
    private int len;

    /** Wraps the chunk starting at {@code off} (its header); {@code avail} bytes are available. */
    public DataChunkView wrap(byte[] buf, int off, int avail) throws SctpException {
        if (avail < DataChunk.HEADER_LENGTH) {
            throw new SctpException("DATA chunk needs 16 bytes, " + avail + " remain", off);
        }
        if (Bytes.u8(buf, off) != ChunkType.DATA) {
            throw new SctpException("not a DATA chunk: type " + Bytes.u8(buf, off), off);
        }
        int l = Bytes.u16(buf, off + 2);
        if (l < DataChunk.HEADER_LENGTH || l > avail) {
            throw new SctpException("DATA chunk length " + l + " invalid, " + avail + " remain", off + 2);
        }
        this.buf = buf;
        this.off = off;
        this.len = l;
        return this;
    }

    public int flags() {
        return buf[off + 1] & 0xff;
    }

    public boolean unordered() {
        return (flags() & DataChunk.FLAG_U) != 0;
    }

    public boolean beginning() {
        return (flags() & DataChunk.FLAG_B) != 0;
    }

    public boolean ending() {
        return (flags() & DataChunk.FLAG_E) != 0;
    }

    public boolean immediate() {
        return (flags() & DataChunk.FLAG_I) != 0;
    }

    /** TSN as the raw 32-bit value (serial-number arithmetic, RFC 1982). */
    public int tsn() {
        return Bytes.i32(buf, off + 4);
    }

    public int streamId() {
        return Bytes.u16(buf, off + 8);
    }

    public int ssn() {
        return Bytes.u16(buf, off + 10);
    }

    public int ppid() {
        return Bytes.i32(buf, off + 12);
    }

    public int payloadOffset() {
        return off + DataChunk.HEADER_LENGTH;
    }

    public int payloadLength() {
        return len - DataChunk.HEADER_LENGTH;
    }

    /** Copies the user data into {@code dst}. */
    public void copyPayload(byte[] dst, int dstOff) {
        System.arraycopy(buf, off + DataChunk.HEADER_LENGTH, dst, dstOff, len - DataChunk.HEADER_LENGTH);
    }

    /** Chunk length field (padding excluded). */
    public int chunkLength() {
        return len;
    }

    /** Encoded size of a DATA chunk with {@code payloadLength} bytes, padding included. */
    public static int encodedLength(int payloadLength) {
        return Bytes.pad4(DataChunk.HEADER_LENGTH + payloadLength);
    }

    /** Writes a DATA chunk without allocating; returns bytes written including padding. */
    public static int encode(byte[] dst, int off, int flags, int tsn, int streamId, int ssn, int ppid,
                             byte[] payload, int payloadOff, int payloadLen) {
        int l = DataChunk.HEADER_LENGTH + payloadLen;
        int n = Bytes.pad4(l);
        Bytes.checkRoom(dst, off, n);
        if (l > 0xffff) {
            throw new IllegalArgumentException("DATA chunk too long: " + l);
        }
        dst[off] = ChunkType.DATA;
        dst[off + 1] = (byte) flags;
        Bytes.put16(dst, off + 2, l);
        Bytes.put32(dst, off + 4, tsn);
        Bytes.put16(dst, off + 8, streamId);
        Bytes.put16(dst, off + 10, ssn);
        Bytes.put32(dst, off + 12, ppid);
        System.arraycopy(payload, payloadOff, dst, off + 16, payloadLen);
        for (int i = off + l; i < off + n; i++) {
            dst[i] = 0;
        }
        return n;
    }
}
