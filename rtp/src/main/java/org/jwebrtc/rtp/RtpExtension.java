package org.jwebrtc.rtp;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One RFC 8285 header extension element: a local identifier (1-14 one-byte form, 1-255 two-byte form)
 * and its data. The data array is copied in and out.
 */
public record RtpExtension(int id, byte[] data) {
    public RtpExtension {
        if (id < 1 || id > 255) {
            throw new IllegalArgumentException("extension id " + id + " outside 1..255 (RFC 8285 §4.3)");
        }
        if (data.length > 255) {
            throw new IllegalArgumentException("extension data of " + data.length + " bytes exceeds 255");
        }
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** Number of data bytes. */
    public int length() {
        return data.length;
    }

    /** True when the element fits the one-byte form: id 1-14 and 1-16 data bytes (RFC 8285 §4.2). */
    public boolean fitsOneByte() {
        return id <= 14 && data.length >= 1 && data.length <= 16;
    }

    void copyTo(byte[] dst, int off) {
        System.arraycopy(data, 0, dst, off, data.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RtpExtension e && e.id == id && Arrays.equals(e.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * id + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "RtpExtension[id=" + id + ", data=" + HexFormat.of().formatHex(data) + "]";
    }
}
