package org.jwebrtc.sctp;

import java.util.Arrays;

/** COOKIE ECHO (RFC 9260 §3.3.11): the State Cookie from INIT ACK, returned verbatim. */
public record CookieEcho(byte[] cookie) implements Chunk {
    public CookieEcho {
        cookie = cookie.clone();
        if (cookie.length > 0xffff - 4) {
            throw new IllegalArgumentException("cookie too long");
        }
    }

    @Override
    public byte[] cookie() {
        return cookie.clone();
    }

    @Override
    public int type() {
        return ChunkType.COOKIE_ECHO;
    }

    @Override
    public int flags() {
        return 0;
    }

    @Override
    public int valueLength() {
        return cookie.length;
    }

    @Override
    public void encodeValue(byte[] dst, int off) {
        System.arraycopy(cookie, 0, dst, off, cookie.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CookieEcho c && Arrays.equals(c.cookie, cookie);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(cookie);
    }

    @Override
    public String toString() {
        return "CookieEcho[" + cookie.length + " bytes]";
    }
}
