package org.jwebrtc.sctp;

import java.util.Arrays;

/** RE-CONFIG parameter we do not implement (incoming/SSN-TSN reset, add streams): answered with Denied. */
public record UnknownReconfigParameter(int type, byte[] value) implements ReconfigParameter {
    public UnknownReconfigParameter {
        if ((type >>> 16) != 0) {
            throw new IllegalArgumentException("type " + type);
        }
        value = value.clone();
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
        return o instanceof UnknownReconfigParameter u && u.type == type && Arrays.equals(u.value, value);
    }

    @Override
    public int hashCode() {
        return type * 31 + Arrays.hashCode(value);
    }
}
