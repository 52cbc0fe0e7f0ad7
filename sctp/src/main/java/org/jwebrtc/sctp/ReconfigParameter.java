package org.jwebrtc.sctp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A parameter of RE-CONFIG (RFC 6525 §4). */
public sealed interface ReconfigParameter permits OutgoingSsnResetRequest, ReconfigResponse,
        UnknownReconfigParameter {
    int OUTGOING_SSN_RESET_REQUEST = 13;
    int INCOMING_SSN_RESET_REQUEST = 14;
    int SSN_TSN_RESET_REQUEST = 15;
    int RECONFIGURATION_RESPONSE = 16;
    int ADD_OUTGOING_STREAMS_REQUEST = 17;
    int ADD_INCOMING_STREAMS_REQUEST = 18;

    int type();

    /** Value length (padding excluded). */
    int valueLength();

    void encodeValue(byte[] dst, int off);

    default int encodedLength() {
        return Bytes.pad4(4 + valueLength());
    }

    default int encode(byte[] dst, int off) {
        Bytes.put16(dst, off, type());
        Bytes.put16(dst, off + 2, 4 + valueLength());
        encodeValue(dst, off + 4);
        int n = encodedLength();
        Bytes.zero(dst, off + 4 + valueLength(), off + n);
        return n;
    }

    static List<ReconfigParameter> parseList(byte[] buf, int off, int len) throws SctpException {
        List<ReconfigParameter> out = new ArrayList<>(2);
        int p = off;
        int end = off + len;
        while (p < end) {
            if (end - p < 4) {
                throw new SctpException("RE-CONFIG parameter header needs 4 bytes", p);
            }
            int t = Bytes.u16(buf, p);
            int l = Bytes.u16(buf, p + 2);
            if (l < 4 || l > end - p) {
                throw new SctpException("RE-CONFIG parameter " + t + " length " + l + " invalid", p + 2);
            }
            int v = p + 4;
            int vl = l - 4;
            out.add(switch (t) {
                case OUTGOING_SSN_RESET_REQUEST -> OutgoingSsnResetRequest.parseValue(buf, v, vl);
                case RECONFIGURATION_RESPONSE -> ReconfigResponse.parseValue(buf, v, vl);
                default -> new UnknownReconfigParameter(t, Arrays.copyOfRange(buf, v, v + vl));
            });
            p += Math.min(Bytes.pad4(l), end - p);
        }
        return out;
    }
}
