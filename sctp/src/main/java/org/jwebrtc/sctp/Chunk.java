package org.jwebrtc.sctp;

/**
 * One SCTP chunk (RFC 9260 §3.2): type, flags, length, value padded to 4 bytes. Control chunks are immutable
 * records; unknown types survive as {@link UnknownChunk}. The per-packet DATA path uses {@link DataChunkView}.
 */
public sealed interface Chunk permits DataChunk, InitChunk, SelectiveAck, Heartbeat, Abort, Shutdown, ShutdownAck,
        ErrorChunk, CookieEcho, CookieAck, ShutdownComplete, ForwardTsn, ReConfig, UnknownChunk {

    int type();

    int flags();

    /** Length of the value (after the 4-byte header), without padding. */
    int valueLength();

    void encodeValue(byte[] dst, int off);

    /** Encoded size including the trailing padding. */
    default int encodedLength() {
        return Bytes.pad4(4 + valueLength());
    }

    /** Writes header, value and zero padding; returns bytes written (padded). */
    default int encode(byte[] dst, int off) {
        int n = encodedLength();
        Bytes.checkRoom(dst, off, n);
        int len = 4 + valueLength();
        if (len > 0xffff) {
            throw new IllegalArgumentException("chunk length " + len + " exceeds 65535");
        }
        dst[off] = (byte) type();
        dst[off + 1] = (byte) flags();
        Bytes.put16(dst, off + 2, len);
        encodeValue(dst, off + 4);
        Bytes.zero(dst, off + len, off + n);
        return n;
    }

    default byte[] toBytes() {
        byte[] b = new byte[encodedLength()];
        encode(b, 0);
        return b;
    }

    /**
     * Parses one chunk whose header starts at {@code off}; {@code avail} bytes are available (padding included or not).
     */
    static Chunk parse(byte[] buf, int off, int avail) throws SctpException {
        if (avail < 4) {
            throw new SctpException("chunk header needs 4 bytes, " + avail + " remain", off);
        }
        int type = Bytes.u8(buf, off);
        int flags = Bytes.u8(buf, off + 1);
        int len = Bytes.u16(buf, off + 2);
        if (len < 4) {
            throw new SctpException("chunk length " + len + " below 4", off + 2);
        }
        if (len > avail) {
            throw new SctpException("chunk length " + len + " exceeds remaining " + avail, off + 2);
        }
        int v = off + 4;
        int vl = len - 4;
        return switch (type) {
            case ChunkType.DATA -> DataChunk.parseValue(flags, buf, v, vl);
            case ChunkType.INIT, ChunkType.INIT_ACK -> InitChunk.parseValue(type == ChunkType.INIT_ACK, buf, v, vl);
            case ChunkType.SACK -> SelectiveAck.parseValue(buf, v, vl);
            case ChunkType.HEARTBEAT, ChunkType.HEARTBEAT_ACK ->
                    Heartbeat.parseValue(type == ChunkType.HEARTBEAT_ACK, buf, v, vl);
            case ChunkType.ABORT -> new Abort((flags & 1) != 0, ErrorCause.parseList(buf, v, vl));
            case ChunkType.SHUTDOWN -> Shutdown.parseValue(buf, v, vl);
            case ChunkType.SHUTDOWN_ACK -> ShutdownAck.INSTANCE;
            case ChunkType.ERROR -> new ErrorChunk(ErrorCause.parseList(buf, v, vl));
            case ChunkType.COOKIE_ECHO -> new CookieEcho(java.util.Arrays.copyOfRange(buf, v, v + vl));
            case ChunkType.COOKIE_ACK -> CookieAck.INSTANCE;
            case ChunkType.SHUTDOWN_COMPLETE -> new ShutdownComplete((flags & 1) != 0);
            case ChunkType.FORWARD_TSN -> ForwardTsn.parseValue(buf, v, vl);
            case ChunkType.RE_CONFIG -> ReConfig.parseValue(buf, v, vl);
            default -> new UnknownChunk(type, flags, java.util.Arrays.copyOfRange(buf, v, v + vl));
        };
    }
}
