package org.jwebrtc.sctp;

import java.util.ArrayList;
import java.util.List;

/** FORWARD TSN (RFC 3758 §3.2): move the receiver's cumulative TSN past abandoned data. */
public record ForwardTsn(long newCumulativeTsn, List<StreamSequence> streams) implements Chunk {
    public ForwardTsn {
        if ((newCumulativeTsn >>> 32) != 0) {
            throw new IllegalArgumentException("TSN out of range");
        }
        streams = List.copyOf(streams);
    }

    @Override
    public int type() {
        return ChunkType.FORWARD_TSN;
    }

    @Override
    public int flags() {
        return 0;
    }

    @Override
    public int valueLength() {
        return 4 + 4 * streams.size();
    }

    @Override
    public void encodeValue(byte[] dst, int off) {
        Bytes.put32(dst, off, newCumulativeTsn);
        int p = off + 4;
        for (StreamSequence s : streams) {
            Bytes.put16(dst, p, s.streamId());
            Bytes.put16(dst, p + 2, s.ssn());
            p += 4;
        }
    }

    static ForwardTsn parseValue(byte[] buf, int off, int len) throws SctpException {
        if (len < 4 || (len & 3) != 0) {
            throw new SctpException("FORWARD TSN value length " + len + " is not 4 + 4n", off);
        }
        List<StreamSequence> s = new ArrayList<>((len - 4) / 4);
        for (int p = off + 4; p < off + len; p += 4) {
            s.add(new StreamSequence(Bytes.u16(buf, p), Bytes.u16(buf, p + 2)));
        }
        return new ForwardTsn(Bytes.u32(buf, off), s);
    }
}
