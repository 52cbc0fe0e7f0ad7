package org.jwebrtc.rtp.rtcp;

import java.util.Arrays;
import org.jwebrtc.rtp.internal.Bytes;

/** An XR block kept as bytes (RFC 3611 §3): block type, type-specific octet, body of whole words. */
public record RawXrBlock(int blockType, int typeSpecific, byte[] body) implements XrBlock {
    public RawXrBlock {
        RtcpHeader.checkRange("block type", blockType, 0, 255);
        RtcpHeader.checkRange("type-specific", typeSpecific, 0, 255);
        body = body.clone();
        if (body.length % 4 != 0 || body.length > 0xFFFF * 4) {
            throw new IllegalArgumentException("XR block body must be whole 32-bit words");
        }
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public int encodedLength() {
        return 4 + body.length;
    }

    @Override
    public void write(byte[] dst, int off) {
        dst[off] = (byte) blockType;
        dst[off + 1] = (byte) typeSpecific;
        Bytes.put16(dst, off + 2, body.length / 4);
        System.arraycopy(body, 0, dst, off + 4, body.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawXrBlock r && r.blockType == blockType && r.typeSpecific == typeSpecific
                && Arrays.equals(r.body, body);
    }

    @Override
    public int hashCode() {
        return (blockType * 31 + typeSpecific) * 31 + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "RawXrBlock[bt=" + blockType + ", ts=" + typeSpecific + ", body=" + body.length + "B]";
    }
}
