package org.jwebrtc.sctp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** Error Cause TLV of ERROR and ABORT (RFC 9260 §3.3.10). */
public record ErrorCause(int code, byte[] info) {
    public static final int INVALID_STREAM_IDENTIFIER = 1;
    public static final int MISSING_MANDATORY_PARAMETER = 2;
    public static final int STALE_COOKIE = 3;
    public static final int OUT_OF_RESOURCE = 4;
    public static final int UNRECOGNIZED_CHUNK_TYPE = 6;
    public static final int NO_USER_DATA = 9;
    public static final int USER_INITIATED_ABORT = 12;
    public static final int PROTOCOL_VIOLATION = 13;

    public ErrorCause {
        if ((code >>> 16) != 0) {
            throw new IllegalArgumentException("cause code " + code);
        }
        info = info.clone();
        if (info.length > 0xffff - 4) {
            throw new IllegalArgumentException("cause info too long");
        }
    }

    @Override
    public byte[] info() {
        return info.clone();
    }

    public int encodedLength() {
        return Bytes.pad4(4 + info.length);
    }

    public int encode(byte[] dst, int off) {
        Bytes.put16(dst, off, code);
        Bytes.put16(dst, off + 2, 4 + info.length);
        System.arraycopy(info, 0, dst, off + 4, info.length);
        int n = encodedLength();
        Bytes.zero(dst, off + 4 + info.length, off + n);
        return n;
    }

    static int unpaddedLength(List<ErrorCause> causes) {
        int n = 0;
        for (int i = 0; i < causes.size(); i++) {
            ErrorCause c = causes.get(i);
            n += i == causes.size() - 1 ? 4 + c.info.length : c.encodedLength();
        }
        return n;
    }

    static void encodeList(List<ErrorCause> causes, byte[] dst, int off) {
        for (ErrorCause c : causes) {
            off += c.encode(dst, off);
        }
    }

    static List<ErrorCause> parseList(byte[] buf, int off, int len) throws SctpException {
        List<ErrorCause> out = new ArrayList<>();
        int p = off;
        int end = off + len;
        while (p < end) {
            if (end - p < 4) {
                throw new SctpException("error cause header needs 4 bytes, " + (end - p) + " remain", p);
            }
            int c = Bytes.u16(buf, p);
            int l = Bytes.u16(buf, p + 2);
            if (l < 4 || l > end - p) {
                throw new SctpException("error cause " + c + " length " + l + " invalid", p + 2);
            }
            out.add(new ErrorCause(c, Arrays.copyOfRange(buf, p + 4, p + l)));
            p += Math.min(Bytes.pad4(l), end - p);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ErrorCause e && e.code == code && Arrays.equals(e.info, info);
    }

    @Override
    public int hashCode() {
        return code * 31 + Arrays.hashCode(info);
    }

    @Override
    public String toString() {
        return "ErrorCause[" + code + ", " + HexFormat.of().formatHex(info) + "]";
    }
}
