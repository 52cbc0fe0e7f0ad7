package org.jwebrtc.sctp;

/** SHUTDOWN ACK (RFC 9260 §3.3.9): no value. */
public record ShutdownAck() implements Chunk {
    public static final ShutdownAck INSTANCE = new ShutdownAck();

    @Override
    public int type() {
        return ChunkType.SHUTDOWN_ACK;
    }

    @Override
    public int flags() {
        return 0;
    }

    @Override
    public int valueLength() {
        return 0;
    }

    @Override
    public void encodeValue(byte[] dst, int off) {
    }
}
