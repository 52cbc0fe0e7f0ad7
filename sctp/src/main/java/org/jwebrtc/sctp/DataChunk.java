package org.jwebrtc.sctp;

import java.util.Arrays;

/**
 * DATA chunk (RFC 9260 §3.3.1) as a value; copies user data. The association uses {@link DataChunkView} instead.
 * TSN is unsigned 32-bit (long); ppid is the raw 32-bit field.
 */
public record DataChunk(long tsn, int streamId, int ssn, int ppid, boolean immediate, boolean unordered,
                        boolean beginning, boolean ending, byte[] userData) implements Chunk {
    public static final int FLAG_I = 0x08, FLAG_U = 0x04, FLAG_B = 0x02, FLAG_E = 0x01;
    /** Header (4) plus TSN, stream id, SSN, PPID (12). */
    public static final int HEADER_LENGTH = 16;

    public DataChunk {
        if ((tsn >>> 32) != 0 || (streamId >>> 16) != 0 || (ssn >>> 16) != 0) {
            throw new IllegalArgumentException("field out of range");
        }
        userData = userData.clone();
    }

    @Override
    public byte[] userData() {
        return userData.clone();
    }

    @Override
    public int type() {
        return ChunkType.DATA;
    }

    @Override
    public int flags() {
        return (immediate ? FLAG_I : 0) | (unordered ? FLAG_U : 0) | (beginning ? FLAG_B : 0) | (ending ? FLAG_E : 0);
    }

    @Override
    public int valueLength() {
        return 12 + userData.length;
    }

    @Override
    public void encodeValue(byte[] dst, int off) {
        Bytes.put32(dst, off, tsn);
        Bytes.put16(dst, off + 4, streamId);
        Bytes.put16(dst, off + 6, ssn);
        Bytes.put32(dst, off + 8, ppid);
        System.arraycopy(userData, 0, dst, off + 12, userData.length);
    }

    static DataChunk parseValue(int flags, byte[] buf, int off, int len) throws SctpException {
        if (len < 12) {
            throw new SctpException("DATA value needs 12 bytes, has " + len, off);
        }
        return new DataChunk(Bytes.u32(buf, off), Bytes.u16(buf, off + 4), Bytes.u16(buf, off + 6),
                Bytes.i32(buf, off + 8), (flags & FLAG_I) != 0, (flags & FLAG_U) != 0, (flags & FLAG_B) != 0,
                (flags & FLAG_E) != 0, Arrays.copyOfRange(buf, off + 12, off + len));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataChunk d && d.tsn == tsn && d.streamId == streamId && d.ssn == ssn && d.ppid == ppid
                && d.flags() == flags() && Arrays.equals(d.userData, userData);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(tsn) * 31 + Arrays.hashCode(userData);
    }

    @Override
    public String toString() {
        return "DataChunk[tsn=" + tsn + ", sid=" + streamId + ", ssn=" + ssn + ", ppid=" + ppid + ", flags=" + flags()
                + ", len=" + userData.length + "]";
    }
}
