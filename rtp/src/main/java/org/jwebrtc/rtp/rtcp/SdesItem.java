package org.jwebrtc.rtp.rtcp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** One SDES item (RFC 3550 §6.5): type 1-255 and up to 255 bytes of (normally UTF-8) value. */
public record SdesItem(int type, byte[] value) {
    public static final int CNAME = 1;
    public static final int NAME = 2;
    public static final int EMAIL = 3;
    public static final int PHONE = 4;
    public static final int LOC = 5;
    public static final int TOOL = 6;
    public static final int NOTE = 7;
    public static final int PRIV = 8;

    public SdesItem {
        RtcpHeader.checkRange("SDES item type", type, 1, 255);
        if (value.length > 255) {
            throw new IllegalArgumentException("SDES item of " + value.length + " bytes exceeds 255");
        }
        value = value.clone();
    }

    public static SdesItem of(int type, String text) {
        return new SdesItem(type, text.getBytes(StandardCharsets.UTF_8));
    }

    public static SdesItem cname(String cname) {
        return of(CNAME, cname);
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    /** Value length in bytes (no copy). */
    public int length() {
        return value.length;
    }

    void copyTo(byte[] dst, int off) {
        System.arraycopy(value, 0, dst, off, value.length);
    }

    public String text() {
        return new String(value, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SdesItem i && i.type == type && Arrays.equals(i.value, value);
    }

    @Override
    public int hashCode() {
        return type * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "SdesItem[type=" + type + ", " + text() + "]";
    }
}
