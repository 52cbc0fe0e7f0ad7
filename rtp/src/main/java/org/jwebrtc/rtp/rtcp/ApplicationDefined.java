package org.jwebrtc.rtp.rtcp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jwebrtc.rtp.RtpException;
import org.jwebrtc.rtp.internal.Bytes;

/** APP (RFC 3550 §6.7), PT 204: subtype, SSRC, 4-character ASCII name, application data (whole words). */
public record ApplicationDefined(int subtype, long ssrc, String name, byte[] data) implements RtcpPacket {
    public ApplicationDefined {
        RtcpHeader.checkRange("APP subtype", subtype, 0, 31);
        RtcpHeader.checkU32("ssrc", ssrc);
        if (name.length() != 4 || !StandardCharsets.ISO_8859_1.newEncoder().canEncode(name)) {
            throw new IllegalArgumentException("APP name must be 4 octets: " + name);
        }
        data = data.clone();
        if (data.length % 4 != 0) {
            throw new IllegalArgumentException("APP data must be whole 32-bit words");
        }
    }

    static ApplicationDefined parse(byte[] b, int p, int len, int count, int base) throws RtpException {
        if (len < 8) {
            throw new RtpException("APP needs 8 bytes, has " + len, p - base);
        }
        return new ApplicationDefined(count, Bytes.u32(b, p), new String(b, p + 4, 4, StandardCharsets.ISO_8859_1),
                Arrays.copyOfRange(b, p + 8, p + len - (len - 8) % 4));
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public int packetType() {
        return APP;
    }

    @Override
    public int encodedLength() {
        return RtcpHeader.LENGTH + 8 + data.length;
    }

    @Override
    public int encode(byte[] dst, int off) {
        int total = encodedLength();
        RtcpHeader.write(dst, off, subtype, APP, total);
        Bytes.put32(dst, off + 4, ssrc);
        byte[] n = name.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(n, 0, dst, off + 8, 4);
        System.arraycopy(data, 0, dst, off + 12, data.length);
        return total;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApplicationDefined a && a.subtype == subtype && a.ssrc == ssrc && a.name.equals(name)
                && Arrays.equals(a.data, data);
    }

    @Override
    public int hashCode() {
        return (subtype * 31 + Long.hashCode(ssrc)) * 31 + name.hashCode() + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "ApplicationDefined[subtype=" + subtype + ", ssrc=" + ssrc + ", name=" + name + ", data="
                + data.length + "B]";
    }
}
