package org.jwebrtc.sctp;

/** SHUTDOWN (RFC 9260 §3.3.8). */
public record Shutdown(long cumulativeTsnAck) implements Chunk {
    public Shutdown {
        if ((cumulativeTsnAck >>> 32) != 0) {
            throw new IllegalArgumentException("TSN out of range");
        }
    }

    @Override
    public int type() {
        return ChunkType.SHUTDOWN;
    }

    @Override
    public int flags() {
        return 0;
    }

    @Override
    public int valueLength() {
        return 4;
    }

    @Override
    public void encodeValue(byte[] dst, int off) {
        Bytes.put32(dst, off, cumulativeTsnAck);
    }

    static Shutdown parseValue(byte[] buf, int off, int len) throws SctpException {
        if (len < 4) {
            throw new SctpException("SHUTDOWN value needs 4 bytes, has " + len, off);
        }
        return new Shutdown(Bytes.u32(buf, off));
    }
}
