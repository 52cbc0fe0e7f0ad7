package org.jwebrtc.sctp;

/** Re-configuration Response Parameter (RFC 6525 §4.4), without the optional TSN fields. */
public record ReconfigResponse(long responseSequence, long result) implements ReconfigParameter {
    public static final long SUCCESS_NOTHING_TO_DO = 0;
    public static final long SUCCESS_PERFORMED = 1;
    public static final long DENIED = 2;
    public static final long ERROR_WRONG_SSN = 3;
    public static final long ERROR_REQUEST_IN_PROGRESS = 4;
    public static final long ERROR_BAD_SEQUENCE_NUMBER = 5;
    public static final long IN_PROGRESS = 6;

    public ReconfigResponse {
        if ((responseSequence >>> 32) != 0 || (result >>> 32) != 0) {
            throw new IllegalArgumentException("field out of range");
        }
    }

    @Override
    public int type() {
        return RECONFIGURATION_RESPONSE;
    }

    @Override
    public int valueLength() {
        return 8;
    }

    @Override
    public void encodeValue(byte[] dst, int off) {
        Bytes.put32(dst, off, responseSequence);
        Bytes.put32(dst, off + 4, result);
    }

    /** Accepts and ignores the optional Sender's/Receiver's Next TSN fields (12 more bytes). */
    static ReconfigResponse parseValue(byte[] buf, int off, int len) throws SctpException {
        if (len < 8) {
            throw new SctpException("Re-configuration Response value needs 8 bytes, has " + len, off);
        }
        return new ReconfigResponse(Bytes.u32(buf, off), Bytes.u32(buf, off + 4));
    }
}
