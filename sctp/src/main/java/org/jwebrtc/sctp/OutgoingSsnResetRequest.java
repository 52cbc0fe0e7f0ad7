package org.jwebrtc.sctp;

import java.util.ArrayList;
import java.util.List;

/**
 * Outgoing SSN Reset Request Parameter (RFC 6525 §4.1). An empty stream list means all streams.
 */
public record OutgoingSsnResetRequest(long requestSequence, long responseSequence, long sendersLastAssignedTsn,
                                      List<Integer> streams) implements ReconfigParameter {
    public OutgoingSsnResetRequest {
        if ((requestSequence >>> 32) != 0 || (responseSequence >>> 32) != 0 || (sendersLastAssignedTsn >>> 32) != 0) {
            throw new IllegalArgumentException("field out of range");
        }
        streams = List.copyOf(streams);
        for (int s : streams) {
            if ((s >>> 16) != 0) {
                throw new IllegalArgumentException("stream id " + s);
            }
        }
    }

    @Override
    public int type() {
        return OUTGOING_SSN_RESET_REQUEST;
    }

    @Override
    public int valueLength() {
        return 12 + 2 * streams.size();
    }

    @Override
    public void encodeValue(byte[] dst, int off) {
        Bytes.put32(dst, off, requestSequence);
        Bytes.put32(dst, off + 4, responseSequence);
        Bytes.put32(dst, off + 8, sendersLastAssignedTsn);
        int p = off + 12;
        for (int s : streams) {
            Bytes.put16(dst, p, s);
            p += 2;
        }
    }

    static OutgoingSsnResetRequest parseValue(byte[] buf, int off, int len) throws SctpException {
        if (len < 12 || (len & 1) != 0) {
            throw new SctpException("Outgoing SSN Reset Request value length " + len + " is not 12 + 2n", off);
        }
        List<Integer> s = new ArrayList<>((len - 12) / 2);
        for (int p = off + 12; p < off + len; p += 2) {
            s.add(Bytes.u16(buf, p));
        }
        return new OutgoingSsnResetRequest(Bytes.u32(buf, off), Bytes.u32(buf, off + 4), Bytes.u32(buf, off + 8), s);
    }
}
