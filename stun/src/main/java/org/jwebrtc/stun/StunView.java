package org.jwebrtc.stun;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntPredicate;
import org.jwebrtc.stun.internal.Bytes;
import org.jwebrtc.stun.internal.MessageChecks;

/**
 * Zero-copy, reusable view of one STUN message in a caller buffer: {@link #wrap} checks the
 * header and every attribute length once and records where each attribute is; accessors read
 * from the buffer. After warm-up, wrap + {@link #verifyIntegrity} allocate nothing (the HMAC
 * state is kept in the view and re-keyed only when the key changes).
 *
 * <p>Valid until the buffer is overwritten. Not thread-safe; owned by one thread.
 */
public final class StunView {
    /** STUN header length (RFC 8489 §5). */
    public static final int HEADER_LENGTH = 20;

    private final MessageChecks checks = new MessageChecks();
    private byte[] buf;
    private int off;
    private int len;
    private int count;
    private int[] types = new int[16];
    private int[] offsets = new int[16]; // absolute offset of each attribute's value
    private int[] lengths = new int[16];
    private int integrityIndex;
    private int integritySha256Index;
    private int fingerprintIndex;
    private boolean fingerprintMismatch;

    /**
     * Points the view at {@code buf[off, off+len)}: header (RFC 8489 §5), attribute lengths
     * (§14), attribute order rules (§14.5-§14.7) and, when present, the FINGERPRINT value.
     * Attributes after MESSAGE-INTEGRITY other than MESSAGE-INTEGRITY-SHA256/FINGERPRINT are
     * ignored (§14.5).
     */
    public StunView wrap(byte[] buf, int off, int len) throws StunException {
        Objects.checkFromIndexSize(off, len, buf.length);
        this.buf = null;
        fingerprintMismatch = false;
        count = 0;
        integrityIndex = -1;
        integritySha256Index = -1;
        fingerprintIndex = -1;
        if (len < HEADER_LENGTH) {
            throw new StunException("message of " + len + " bytes is shorter than the 20-byte header", off);
        }
        if ((buf[off] & 0xC0) != 0) {
            throw new StunException("first two bits of a STUN message must be zero", off);
        }
        if (Bytes.i32(buf, off + 4) != AttributeCodec.MAGIC_COOKIE) {
            throw new StunException("magic cookie mismatch", off + 4);
        }
        int bodyLength = Bytes.u16(buf, off + 2);
        if ((bodyLength & 3) != 0) {
            throw new StunException("message length " + bodyLength + " is not a multiple of 4", off + 2);
        }
        if (bodyLength != len - HEADER_LENGTH) {
            throw new StunException("message length " + bodyLength + " but " + (len - HEADER_LENGTH)
                    + " bytes follow the header", off + 2);
        }
        int end = off + len;
        int p = off + HEADER_LENGTH;
        while (p < end) {
            if (end - p < 4) {
                throw new StunException("truncated attribute header", p);
            }
            int type = Bytes.u16(buf, p);
            int alen = Bytes.u16(buf, p + 2);
            int remaining = end - p - 4;
            if (Bytes.padded(alen) > remaining) {
                throw new StunException(String.format("attribute 0x%04x length %d exceeds remaining %d",
                        type, alen, remaining), p + 2);
            }
            if (fingerprintIndex >= 0) {
                throw new StunException("attribute after FINGERPRINT", p); // §14.7: FINGERPRINT is last
            }
            boolean keep = true;
            if (type == StunAttributeType.FINGERPRINT) {
                if (alen != 4) {
                    throw new StunException("FINGERPRINT length " + alen, p + 2);
                }
                fingerprintIndex = count;
            } else if (type == StunAttributeType.MESSAGE_INTEGRITY_SHA256 && integritySha256Index < 0) {
                if (!MessageIntegritySha256.validLength(alen)) {
                    throw new StunException("MESSAGE-INTEGRITY-SHA256 length " + alen, p + 2);
                }
                integritySha256Index = count;
            } else if (type == StunAttributeType.MESSAGE_INTEGRITY && integrityIndex < 0
                    && integritySha256Index < 0) {
                if (alen != MessageIntegrity.LENGTH) {
                    throw new StunException("MESSAGE-INTEGRITY length " + alen, p + 2);
                }
                integrityIndex = count;
            } else if (integrityIndex >= 0 || integritySha256Index >= 0) {
                keep = false; // RFC 8489 §14.5, §14.6: ignore what follows the integrity attribute
            }
            if (keep) {
                checkRequiredValue(buf, type, p + 4, alen);
                add(type, p + 4, alen);
            }
            p += 4 + Bytes.padded(alen);
        }
        if (fingerprintIndex >= 0) {
            int fpAttr = offsets[fingerprintIndex] - 4;
            if (checks.fingerprint(buf, off, fpAttr) != Bytes.u32(buf, fpAttr + 4)) {
                fingerprintMismatch = true;
                throw new StunException("FINGERPRINT mismatch", fpAttr + 4);
            }
        }
        this.buf = buf;
        this.off = off;
        this.len = len;
        return this;
    }

    /**
     * Cheap shape checks for comprehension-required attributes with a fixed layout, so that a
     * view (which decodes lazily) rejects the same malformed required attributes
     * {@link StunMessage#parse} does. Text attributes are checked for UTF-8 only when decoded.
     */
    private static void checkRequiredValue(byte[] buf, int type, int v, int len) throws StunException {
        int expected;
        switch (type) {
            case StunAttributeType.PRIORITY: expected = 4; break;
            case StunAttributeType.USE_CANDIDATE: expected = 0; break;
            case StunAttributeType.USERHASH: expected = Userhash.LENGTH; break;
            case StunAttributeType.MAPPED_ADDRESS:
            case StunAttributeType.XOR_MAPPED_ADDRESS: {
                int family = len >= 2 ? buf[v + 1] : 0;
                expected = family == 1 ? 8 : family == 2 ? 20 : -1;
                break;
            }
            case StunAttributeType.UNKNOWN_ATTRIBUTES:
                expected = len & ~1;
                break;
            case StunAttributeType.ERROR_CODE: {
                int cls = len >= 4 ? buf[v + 2] & 7 : 0;
                int number = len >= 4 ? buf[v + 3] & 0xFF : 0;
                expected = cls >= 3 && cls <= 6 && number <= 99 ? len : -1;
                break;
            }
            default:
                return;
        }
        if (len != expected) {
            throw new StunException(StunAttributeType.name(type) + " value of length " + len + " is malformed", v - 2);
        }
    }

    /** The last {@link #wrap} failed only because FINGERPRINT did not match (RFC 8489 §7.3: not STUN). */
    boolean failedOnFingerprint() {
        return fingerprintMismatch;
    }

    private void add(int type, int valueOff, int valueLen) {
        if (count == types.length) { // rare: more than 16 attributes
            types = Arrays.copyOf(types, count * 2);
            offsets = Arrays.copyOf(offsets, count * 2);
            lengths = Arrays.copyOf(lengths, count * 2);
        }
        types[count] = type;
        offsets[count] = valueOff;
        lengths[count] = valueLen;
        count++;
    }

    private void requireWrapped() {
        if (buf == null) {
            throw new IllegalStateException("view not wrapped over a valid message");
        }
    }

    public byte[] buffer() {
        requireWrapped();
        return buf;
    }

    public int offset() {
        return off;
    }

    /** Whole message length including the header. */
    public int length() {
        return len;
    }

    public int messageType() {
        requireWrapped();
        return Bytes.u16(buf, off);
    }

    public StunClass messageClass() {
        return StunClass.ofMessageType(messageType());
    }

    public int method() {
        return StunMethod.ofMessageType(messageType());
    }

    public boolean isRequest(int method) {
        return messageClass() == StunClass.REQUEST && method() == method;
    }

    /** Offset of the 12 transaction-ID bytes in {@link #buffer()}. */
    public int transactionIdOffset() {
        return off + 8;
    }

    public boolean transactionIdEquals(TransactionId id) {
        requireWrapped();
        return id.matches(buf, off + 8);
    }

    /** Allocates. */
    public TransactionId transactionId() {
        requireWrapped();
        return TransactionId.read(buf, off + 8);
    }

    /** Attributes recorded (those ignored after MESSAGE-INTEGRITY excluded). */
    public int attributeCount() {
        return count;
    }

    public int attributeType(int i) {
        Objects.checkIndex(i, count);
        return types[i];
    }

    /** Absolute offset of attribute {@code i}'s value in {@link #buffer()}. */
    public int valueOffset(int i) {
        Objects.checkIndex(i, count);
        return offsets[i];
    }

    public int valueLength(int i) {
        Objects.checkIndex(i, count);
        return lengths[i];
    }

    /** Index of the first attribute of {@code type}, or -1. */
    public int indexOf(int type) {
        for (int i = 0; i < count; i++) {
            if (types[i] == type) {
                return i;
            }
        }
        return -1;
    }

    public boolean has(int type) {
        return indexOf(type) >= 0;
    }

    /** First comprehension-required type {@code understood} rejects, or -1 (RFC 8489 §6.3.1). */
    public int firstUnknownComprehensionRequired(IntPredicate understood) {
        for (int i = 0; i < count; i++) {
            if (StunAttributeType.isComprehensionRequired(types[i]) && !understood.test(types[i])) {
                return types[i];
            }
        }
        return -1;
    }

    /** Unsigned 32-bit value of attribute {@code i} (PRIORITY); -1 if its length is not 4. */
    public long valueU32(int i) {
        return valueLength(i) == 4 ? Bytes.u32(buf, offsets[i]) : -1;
    }

    /** 64-bit value of attribute {@code i} (ICE-CONTROLLING/-CONTROLLED tie-breaker). */
    public long valueU64(int i) {
        if (valueLength(i) != 8) {
            throw new IllegalStateException("attribute " + i + " is not 8 bytes");
        }
        return Bytes.i64(buf, offsets[i]);
    }

    /** PRIORITY (RFC 8445 §7.1.1), or -1 when absent or malformed. */
    public long priority() {
        int i = indexOf(StunAttributeType.PRIORITY);
        return i < 0 ? -1 : valueU32(i);
    }

    /** ERROR-CODE as 300..699 (RFC 8489 §14.8), or -1 when absent or malformed. */
    public int errorCode() {
        int i = indexOf(StunAttributeType.ERROR_CODE);
        if (i < 0 || lengths[i] < 4) {
            return -1;
        }
        int cls = buf[offsets[i] + 2] & 7;
        int number = buf[offsets[i] + 3] & 0xFF;
        return cls >= 3 && cls <= 6 && number <= 99 ? cls * 100 + number : -1;
    }

    /** XOR-MAPPED-ADDRESS decoded (allocates), if present. */
    public java.util.Optional<java.net.InetSocketAddress> xorMappedAddress() throws StunException {
        int i = indexOf(StunAttributeType.XOR_MAPPED_ADDRESS);
        if (i < 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(((XorMappedAddress) AttributeCodec.decode(types[i], buf, offsets[i], lengths[i], off))
                .address());
    }

    /** True when the value of attribute {@code i} equals {@code expected} byte for byte. */
    public boolean valueEquals(int i, byte[] expected) {
        if (valueLength(i) != expected.length) {
            return false;
        }
        int v = offsets[i];
        for (int k = 0; k < expected.length; k++) {
            if (buf[v + k] != expected[k]) {
                return false;
            }
        }
        return true;
    }

    /** USERNAME equals these UTF-8 bytes. */
    public boolean usernameEquals(byte[] utf8) {
        int i = indexOf(StunAttributeType.USERNAME);
        return i >= 0 && valueEquals(i, utf8);
    }

    public boolean hasFingerprint() {
        return fingerprintIndex >= 0;
    }

    /** The integrity attribute present: SHA-256 when both are, null when neither (RFC 8489 §9.1.3). */
    public IntegrityAlgorithm integrityAlgorithm() {
        return integritySha256Index >= 0 ? IntegrityAlgorithm.HMAC_SHA256
                : integrityIndex >= 0 ? IntegrityAlgorithm.HMAC_SHA1 : null;
    }

    /**
     * Verifies, in constant time, MESSAGE-INTEGRITY-SHA256 if present, else MESSAGE-INTEGRITY,
     * with {@code key}. False when neither is present.
     */
    public boolean verifyIntegrity(byte[] key) {
        requireWrapped();
        Objects.requireNonNull(key, "key");
        if (integritySha256Index >= 0) {
            return verify(true, integritySha256Index, key);
        }
        return integrityIndex >= 0 && verify(false, integrityIndex, key);
    }

    /** Verifies MESSAGE-INTEGRITY (HMAC-SHA1) only; false when absent. */
    public boolean verifyIntegritySha1(byte[] key) {
        requireWrapped();
        return integrityIndex >= 0 && verify(false, integrityIndex, key);
    }

    /** Verifies MESSAGE-INTEGRITY-SHA256 only; false when absent. */
    public boolean verifyIntegritySha256(byte[] key) {
        requireWrapped();
        return integritySha256Index >= 0 && verify(true, integritySha256Index, key);
    }

    private boolean verify(boolean sha256, int index, byte[] key) {
        return checks.verifyIntegrity(sha256, key, buf, off, offsets[index] - 4, lengths[index]);
    }

    /** Decodes every recorded attribute into a {@link StunMessage} (allocates). */
    public StunMessage toMessage() throws StunException {
        requireWrapped();
        java.util.List<StunAttribute> attrs = new java.util.ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            attrs.add(AttributeCodec.decode(types[i], buf, offsets[i], lengths[i], off));
        }
        return new StunMessage(messageClass(), method(), transactionId(), attrs);
    }
}
