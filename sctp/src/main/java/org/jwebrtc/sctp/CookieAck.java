package org.jwebrtc.sctp;

/** COOKIE ACK (RFC 9260 §3.3.12): no value. */
public record CookieAck() implements Chunk {
    public static final CookieAck INSTANCE = new CookieAck();

    @Override
    public int type() {
        return ChunkType.COOKIE_ACK;
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
