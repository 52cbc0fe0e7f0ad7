package org.jwebrtc.dtls.internal.dtls13;

import java.util.Arrays;
import java.util.Objects;
import org.jwebrtc.dtls.DtlsException;

/**
 * An unprotected epoch-0 record (RFC 9147 §4, Figure 2): type, legacy_record_version {254,253},
 * epoch (uint16), sequence_number (uint48), length, fragment.
 */
public record DtlsPlaintext(int type, int epoch, long sequenceNumber, byte[] fragment) {
    public static final int HEADER_LENGTH = 13;
    /** RFC 8446 §5.1: fragment length MUST NOT exceed 2^14. */
    public static final int MAX_FRAGMENT = 1 << 14;

    public DtlsPlaintext {
        Objects.requireNonNull(fragment, "fragment");
        if (type < 0 || type > 255 || epoch < 0 || epoch > 0xFFFF
                || sequenceNumber < 0 || sequenceNumber >= 1L << 48 || fragment.length > MAX_FRAGMENT) {
            throw new IllegalArgumentException("field out of range");
        }
        fragment = fragment.clone();
    }

    /** True for first bytes that RFC 9147 §4.1 demultiplexes as DTLSPlaintext. */
    public static boolean isPlaintextType(int firstByte) {
        return firstByte == ContentType.ALERT || firstByte == ContentType.HANDSHAKE
                || firstByte == ContentType.ACK || firstByte == ContentType.CHANGE_CIPHER_SPEC;
    }

    /** Parses one record from the reader (a datagram may hold several). */
    public static DtlsPlaintext parse(WireReader r) throws DtlsException {
        int start = r.position();
        int type = r.u8("record type");
        if (!isPlaintextType(type)) {
            throw new DtlsException("content type " + type + " is not a DTLSPlaintext type", start);
        }
        int version = r.u16("legacy_record_version");
        if (version >>> 8 != 0xFE) {
            throw new DtlsException("legacy_record_version 0x" + Integer.toHexString(version) + " is not DTLS", start + 1);
        }
        int epoch = r.u16("epoch");
        long seq = r.u48("sequence_number");
        int length = r.u16("length");
        if (length > MAX_FRAGMENT) {
            throw new DtlsException("record length " + length + " exceeds 2^14", start + 11);
        }
        return new DtlsPlaintext(type, epoch, seq, r.bytes(length, "fragment"));
    }

    public static DtlsPlaintext parse(byte[] b, int off, int len) throws DtlsException {
        WireReader r = new WireReader(b, off, len);
        DtlsPlaintext p = parse(r);
        r.expectEnd("DTLSPlaintext");
        return p;
    }

    public void encode(WireWriter w) {
        w.u8(type).u16(0xFEFD).u16(epoch).u48(sequenceNumber).u16(fragment.length).bytes(fragment);
    }

    public byte[] toBytes() {
        WireWriter w = new WireWriter(HEADER_LENGTH + fragment.length);
        encode(w);
        return w.toBytes();
    }

    @Override
    public byte[] fragment() {
        return fragment.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DtlsPlaintext p && type == p.type && epoch == p.epoch
                && sequenceNumber == p.sequenceNumber && Arrays.equals(fragment, p.fragment);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, epoch, sequenceNumber, Arrays.hashCode(fragment));
    }
}
