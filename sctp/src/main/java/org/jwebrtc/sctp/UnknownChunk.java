package org.jwebrtc.sctp;

import java.util.Arrays;

/** A chunk type we do not implement; the two high type bits say what to do with it (RFC 9260 §3.2). */
public record UnknownChunk(int type, int flags, byte[] value) implements Chunk {
    public UnknownChunk {
        if ((type >>> 8) != 0 || (flags >>> 8) != 0) {
            throw new IllegalArgumentException("type/flags are 8-bit");
        }
        value = value.clone();
        if (value.length > 0xffff - 4) {
            throw new IllegalArgumentException("value too long");
        }
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public int valueLength() {
        return value.length;
    }

    @Override
    public void encodeValue(byte[] dst, int off) {
        System.arraycopy(value, 0, dst, off, value.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnknownChunk u && u.type == type && u.flags == flags && Arrays.equals(u.value, value);
    }

    @Override
    public int hashCode() {
        return type * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "UnknownChunk[type=" + type + ", flags=" + flags + ", len=" + value.length + "]";
    }
}
