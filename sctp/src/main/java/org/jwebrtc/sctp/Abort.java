package org.jwebrtc.sctp;

import java.util.List;

/** ABORT (RFC 9260 §3.3.7). T bit set: the packet carries the sender's own tag (reflected). */
public record Abort(boolean reflectedTag, List<ErrorCause> causes) implements Chunk {
    public Abort {
        causes = List.copyOf(causes);
    }

    @Override
    public int type() {
        return ChunkType.ABORT;
    }

    @Override
    public int flags() {
        return reflectedTag ? 1 : 0;
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
