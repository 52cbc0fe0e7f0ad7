package org.jwebrtc.stun;

/**
 * FINGERPRINT (RFC 8489 §14.7): CRC-32 of the message up to this attribute XOR 0x5354554e; always
 * last. Parsing checks the value (a mismatch means "not STUN"); encode appends a fresh one when
 * asked and ignores this record in the attribute list.
 */
public record Fingerprint(long crc) implements StunAttribute {
    /** RFC 8489 §14.7: XOR-ed in so the CRC differs from other protocols' over the same bytes. */
    public static final int XOR = 0x5354554e;

    public Fingerprint {
        if (crc < 0 || crc > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("FINGERPRINT is unsigned 32-bit: " + crc);
        }
    }

    @Override
    public int type() {
        return StunAttributeType.FINGERPRINT;
    }

    @Override
    public String toString() {
        return String.format("Fingerprint[%08x]", crc);
    }
}
