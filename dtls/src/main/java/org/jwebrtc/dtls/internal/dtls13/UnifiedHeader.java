package org.jwebrtc.dtls.internal.dtls13;

import org.jwebrtc.dtls.DtlsException;

/**
 * The DTLSCiphertext unified header (RFC 9147 §4, Figure 3): first byte {@code 001CSLEE}; C =
 * connection ID present (we negotiate none, so C=1 is rejected), S = 16-bit (else 8-bit) sequence
 * number, L = 16-bit length present (else the record runs to the end of the datagram), EE = low
 * two bits of the epoch. {@code sequenceBits} holds the sequence number bits as on the wire
 * (encrypted or not, RFC 9147 §4.2.3, depending on the caller).
 */
public record UnifiedHeader(int epochBits, int sequenceBits, boolean longSequence, boolean hasLength, int length) {
    /** RFC 8446 §5.2: a TLSCiphertext is at most 2^14 + 256 bytes. */
    public static final int MAX_CIPHERTEXT = (1 << 14) + 256;

    public UnifiedHeader {
        if (epochBits < 0 || epochBits > 3 || sequenceBits < 0
                || sequenceBits > (longSequence ? 0xFFFF : 0xFF) || length < 0 || length > MAX_CIPHERTEXT) {
            throw new IllegalArgumentException("unified header field out of range");
        }
    }

    /** RFC 9147 §4.1: first byte 001xxxxx. */
    public static boolean isCiphertext(int firstByte) {
        return (firstByte & 0xE0) == 0x20;
    }

    public int headerLength() {
        return 1 + (longSequence ? 2 : 1) + (hasLength ? 2 : 0);
    }

    /** Parses the header; the length is explicit or the reader's remaining bytes. */
    public static UnifiedHeader parse(WireReader r) throws DtlsException {
        int start = r.position();
        int first = r.u8("unified header");
        if (!isCiphertext(first)) {
            throw new DtlsException("first byte 0x" + Integer.toHexString(first) + " is not a DTLSCiphertext header", start);
        }
        if ((first & 0x10) != 0) {
            throw new DtlsException("connection ID present but none was negotiated", start);
        }
        boolean longSeq = (first & 0x08) != 0;
        boolean hasLength = (first & 0x04) != 0;
        int seq = longSeq ? r.u16("sequence number") : r.u8("sequence number");
        int length = hasLength ? r.u16("length") : r.remaining();
        if (length > MAX_CIPHERTEXT) {
            throw new DtlsException("ciphertext length " + length + " exceeds 2^14+256", start);
        }
        if (length > r.remaining()) {
            throw new DtlsException("ciphertext length " + length + " exceeds remaining " + r.remaining(), r.position());
        }
        return new UnifiedHeader(first & 3, seq, longSeq, hasLength, length);
    }

    public void encode(WireWriter w) {
        w.u8(0x20 | (longSequence ? 0x08 : 0) | (hasLength ? 0x04 : 0) | epochBits);
        if (longSequence) {
            w.u16(sequenceBits);
        } else {
            w.u8(sequenceBits);
        }
        if (hasLength) {
            w.u16(length);
        }
    }

    public byte[] toBytes() {
        WireWriter w = new WireWriter(5);
        encode(w);
        return w.toBytes();
    }
}
