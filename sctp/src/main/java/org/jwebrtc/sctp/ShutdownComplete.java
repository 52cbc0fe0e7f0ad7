package org.jwebrtc.sctp;

/** SHUTDOWN COMPLETE (RFC 9260 §3.3.13); T bit as for ABORT. */
public record ShutdownComplete(boolean reflectedTag) implements Chunk {
    @Override
    public int type() {
        return ChunkType.SHUTDOWN_COMPLETE;
    }

    @Override
    public int flags() {
        return reflectedTag ? 1 : 0;
    }

    @Override
    public int valueLength() {
        return 0;
    }

    @Override
    public void encodeValue(byte[] dst, int off) {
    }
}
