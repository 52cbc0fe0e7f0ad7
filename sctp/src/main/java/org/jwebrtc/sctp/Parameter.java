package org.jwebrtc.sctp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** A TLV parameter of INIT/INIT-ACK (RFC 9260 §3.2.1); kept raw, interpreted by the association. */
public record Parameter(int type, byte[] value) {
    public static final int HEARTBEAT_INFO = 1;
    public static final int STATE_COOKIE = 7;
    public static final int UNRECOGNIZED_PARAMETER = 8;
    public static final int SUPPORTED_EXTENSIONS = 0x8008;   // RFC 5061 §4.2.7
    public static final int FORWARD_TSN_SUPPORTED = 0xC000;  // RFC 3758 §3.1
    public static final int ZERO_CHECKSUM_ACCEPTABLE = 0x8001; // RFC 9653; we never offer it

    public Parameter {
        if (type < 0 || type > 0xffff) {
            throw new IllegalArgumentException("parameter type " + type);
        }
        value = value.clone();
        if (value.length > 0xffff - 4) {
            throw new IllegalArgumentException("parameter value too long: " + value.length);
        }
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    /** Encoded size including padding. */
    public int encodedLength() {
        return Bytes.pad4(4 + value.length);
    }

    public int encode(byte[] dst, int off) {
        int n = encodedLength();
        Bytes.checkRoom(dst, off, n);
        Bytes.put16(dst, off, type);
        Bytes.put16(dst, off + 2, 4 + value.length);
        System.arraycopy(value, 0, dst, off + 4, value.length);
        Bytes.zero(dst, off + 4 + value.length, off + n);
        return n;
    }

    /** Parses a sequence of parameters filling {@code len} bytes (the last one's padding may be absent). */
    public static List<Parameter> parseList(byte[] buf, int off, int len) throws SctpException {
        List<Parameter> out = new ArrayList<>();
        int p = off;
        int end = off + len;
        while (p < end) {
            if (end - p < 4) {
                throw new SctpException("parameter header needs 4 bytes, " + (end - p) + " remain", p);
            }
            int t = Bytes.u16(buf, p);
            int l = Bytes.u16(buf, p + 2);
            if (l < 4 || l > end - p) {
                throw new SctpException("parameter 0x" + Integer.toHexString(t) + " length " + l + " invalid, "
                        + (end - p) + " remain", p + 2);
            }
            out.add(new Parameter(t, Arrays.copyOfRange(buf, p + 4, p + l)));
            p += Math.min(Bytes.pad4(l), end - p);
        }
        return out;
    }

    static int encodedLength(List<Parameter> params) {
        int n = 0;
        for (Parameter p : params) {
            n += p.encodedLength();
        }
        return n;
    }

    /** Writes parameters; the last one is written without padding (caller pads the chunk). */
    static void encodeList(List<Parameter> params, byte[] dst, int off) {
        for (Parameter p : params) {
            off += p.encode(dst, off);
        }
    }

    /** Value length of the list as it appears in a chunk length field: the last parameter's padding excluded. */
    static int unpaddedLength(List<Parameter> params) {
        if (params.isEmpty()) {
            return 0;
        }
        Parameter last = params.get(params.size() - 1);
        return encodedLength(params) - last.encodedLength() + 4 + last.value.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Parameter p && p.type == type && Arrays.equals(p.value, value);
    }

    @Override
    public int hashCode() {
        return type * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "Parameter[0x" + Integer.toHexString(type) + "=" + HexFormat.of().formatHex(value) + "]";
    }
}
