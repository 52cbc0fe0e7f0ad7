package org.jwebrtc.sctp;

import java.util.List;

/** Operation Error (RFC 9260 §3.3.10). */
public record ErrorChunk(List<ErrorCause> causes) implements Chunk {
    public ErrorChunk {
        causes = List.copyOf(causes);
    }

    @Override
    public int type() {
        return ChunkType.ERROR;
    }

    @Override
    public int flags() {
        return 0;
    }

    @Override
    public int valueLength() {
        return ErrorCause.unpaddedLength(causes);
    }

    @Override
    public void encodeValue(byte[] dst, int off) {
        ErrorCause.encodeList(causes, dst, off);
    }
}
