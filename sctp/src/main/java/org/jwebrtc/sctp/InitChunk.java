package org.jwebrtc.sctp;

import java.util.List;
import java.util.Optional;

/** INIT (RFC 9260 §3.3.2) or INIT ACK (§3.3.3): fixed fields plus parameters (State Cookie lives in the list). */
public record InitChunk(boolean ack, long initiateTag, long advertisedReceiverWindow, int outboundStreams,
                        int inboundStreams, long initialTsn, List<Parameter> parameters) implements Chunk {
    public InitChunk {
        if ((initiateTag >>> 32) != 0 || (advertisedReceiverWindow >>> 32) != 0 || (initialTsn >>> 32) != 0
                || (outboundStreams >>> 16) != 0 || (inboundStreams >>> 16) != 0) {
            throw new IllegalArgumentException("field out of range");
        }
        parameters = List.copyOf(parameters);
    }

    @Override
    public int type() {
        return ack ? ChunkType.INIT_ACK : ChunkType.INIT;
    }

    @Override
    public int flags() {
        return 0;
    }

    @Override
    public int valueLength() {
        return 16 + Parameter.unpaddedLength(parameters);
    }

    @Override
    public void encodeValue(byte[] dst, int off) {
        Bytes.put32(dst, off, initiateTag);
        Bytes.put32(dst, off + 4, advertisedReceiverWindow);
        Bytes.put16(dst, off + 8, outboundStreams);
        Bytes.put16(dst, off + 10, inboundStreams);
        Bytes.put32(dst, off + 12, initialTsn);
        Parameter.encodeList(parameters, dst, off + 16);
    }

    public Optional<Parameter> parameter(int type) {
        for (Parameter p : parameters) {
            if (p.type() == type) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    static InitChunk parseValue(boolean ack, byte[] buf, int off, int len) throws SctpException {
        if (len < 16) {
            throw new SctpException((ack ? "INIT ACK" : "INIT") + " value needs 16 bytes, has " + len, off);
        }
        return new InitChunk(ack, Bytes.u32(buf, off), Bytes.u32(buf, off + 4), Bytes.u16(buf, off + 8),
                Bytes.u16(buf, off + 10), Bytes.u32(buf, off + 12), Parameter.parseList(buf, off + 16, len - 16));
    }
}
