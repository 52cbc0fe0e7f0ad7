package org.jwebrtc.stun;

import java.util.Arrays;
import java.util.Objects;
import org.jwebrtc.stun.internal.Bytes;
import org.jwebrtc.stun.internal.MessageChecks;

/**
 * Builds one STUN message directly in a caller buffer: header, attributes, then
 * MESSAGE-INTEGRITY(-SHA256) and FINGERPRINT last (RFC 8489 §14.5-§14.7). The primitive adders
 * allocate nothing, so ICE checks and responses can be written on the hot path.
 * Reusable; not thread-safe.
 */
public final class StunWriter {
    /** Largest message: the 16-bit length field plus the header. */
    public static final int MAX_LENGTH = StunView.HEADER_LENGTH + 0xFFFC;

    private final MessageChecks checks;
    private byte[] dst;
    private int msgOff;
    private int pos;
    private int limit;

    public StunWriter() {
        this(new MessageChecks());
    }

    StunWriter(MessageChecks checks) {
        this.checks = checks;
    }

    /** Starts a message at {@code dst[off]}, using at most {@code capacity} bytes. */
    public StunWriter start(byte[] dst, int off, int capacity, StunClass cls, int method, TransactionId id) {
        header(dst, off, capacity, StunMethod.messageType(method, cls));
        id.writeTo(dst, off + 8);
        return this;
    }

    /** Starts a message whose transaction ID is copied from {@code txBuf[txOff..+12)} (a request). */
    public StunWriter start(byte[] dst, int off, int capacity, StunClass cls, int method, byte[] txBuf, int txOff) {
        Objects.checkFromIndexSize(txOff, TransactionId.LENGTH, txBuf.length);
        header(dst, off, capacity, StunMethod.messageType(method, cls));
        System.arraycopy(txBuf, txOff, dst, off + 8, TransactionId.LENGTH);
        return this;
    }

    private void header(byte[] dst, int off, int capacity, int type) {
        Objects.checkFromIndexSize(off, capacity, dst.length);
        if (capacity < StunView.HEADER_LENGTH) {
            throw new IllegalArgumentException("buffer too small for a STUN header: " + capacity);
        }
        this.dst = dst;
        this.msgOff = off;
        this.limit = off + Math.min(capacity, MAX_LENGTH);
        Bytes.put16(dst, off, type);
        Bytes.put16(dst, off + 2, 0);
        Bytes.put32(dst, off + 4, AttributeCodec.MAGIC_COOKIE);
        pos = off + StunView.HEADER_LENGTH;
    }

    /** Reserves an attribute header and returns the value offset; pads with zeros. */
    private int begin(int type, int valueLength) {
        if (dst == null) {
            throw new IllegalStateException("start() first");
        }
        if (type < 0 || type > 0xFFFF || valueLength < 0 || valueLength > 0xFFFF) {
            throw new IllegalArgumentException("attribute type/length out of range");
        }
        int total = 4 + Bytes.padded(valueLength);
        if (total > limit - pos) {
            throw new IllegalArgumentException("buffer too small: attribute " + StunAttributeType.name(type)
                    + " needs " + total + " bytes, " + (limit - pos) + " left");
        }
        Bytes.put16(dst, pos, type);
        Bytes.put16(dst, pos + 2, valueLength);
        int v = pos + 4;
        Arrays.fill(dst, v + valueLength, v + Bytes.padded(valueLength), (byte) 0);
        pos += total;
        return v;
    }

    /** Any record except the computed MESSAGE-INTEGRITY(-SHA256)/FINGERPRINT, which are skipped. */
    public StunWriter add(StunAttribute a) {
        if (a instanceof MessageIntegrity || a instanceof MessageIntegritySha256 || a instanceof Fingerprint) {
            return this;
        }
        int v = begin(a.type(), AttributeCodec.valueLength(a));
        AttributeCodec.writeValue(a, dst, v, msgOff);
        return this;
    }

    public StunWriter addBytes(int type, byte[] value, int off, int len) {
        Objects.checkFromIndexSize(off, len, value.length);
        int v = begin(type, len);
        System.arraycopy(value, off, dst, v, len);
        return this;
    }

    public StunWriter addEmpty(int type) {
        begin(type, 0);
        return this;
    }

    public StunWriter addU32(int type, long value) {
        Bytes.put32(dst, begin(type, 4), value);
        return this;
    }

    public StunWriter addU64(int type, long value) {
        Bytes.put64(dst, begin(type, 8), value);
        return this;
    }

    /** XOR-MAPPED-ADDRESS-style attribute from raw address bytes (4 or 16) and port (§14.2). */
    public StunWriter addXorAddress(int type, byte[] addr, int addrOff, int addrLen, int port) {
        checkAddress(addr, addrOff, addrLen, port);
        AttributeCodec.writeAddress(addr, addrOff, addrLen, port, dst, begin(type, 4 + addrLen), msgOff, true);
        return this;
    }

    /** MAPPED-ADDRESS-style attribute from raw address bytes (4 or 16) and port (§14.1). */
    public StunWriter addAddress(int type, byte[] addr, int addrOff, int addrLen, int port) {
        checkAddress(addr, addrOff, addrLen, port);
        AttributeCodec.writeAddress(addr, addrOff, addrLen, port, dst, begin(type, 4 + addrLen), msgOff, false);
        return this;
    }

    private static void checkAddress(byte[] addr, int addrOff, int addrLen, int port) {
        if (addrLen != 4 && addrLen != 16) {
            throw new IllegalArgumentException("address must be 4 or 16 bytes: " + addrLen);
        }
        Objects.checkFromIndexSize(addrOff, addrLen, addr.length);
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** Bytes written so far. */
    public int length() {
        return pos - msgOff;
    }

    /** Finishes without integrity or fingerprint. */
    public int finish() {
        return finish(null, IntegrityAlgorithm.HMAC_SHA1, false);
    }

    /**
     * Appends MESSAGE-INTEGRITY ({@code key} non-null; HMAC over the message with the length
     * covering it, §14.5) and FINGERPRINT (§14.7), sets the final length, returns the total.
     */
    public int finish(byte[] key, IntegrityAlgorithm algorithm, boolean fingerprint) {
        if (dst == null) {
            throw new IllegalStateException("start() first");
        }
        if (key != null) {
            int macLen = algorithm.length();
            int attr = pos;
            int v = begin(algorithm.attributeType(), macLen);
            byte[] mac = checks.integrity(algorithm == IntegrityAlgorithm.HMAC_SHA256, key, dst, msgOff, attr, macLen);
            System.arraycopy(mac, 0, dst, v, macLen);
        }
        if (fingerprint) {
            int attr = pos;
            int v = begin(StunAttributeType.FINGERPRINT, 4);
            Bytes.put16(dst, msgOff + 2, pos - msgOff - StunView.HEADER_LENGTH);
            Bytes.put32(dst, v, checks.fingerprint(dst, msgOff, attr));
        }
        Bytes.put16(dst, msgOff + 2, pos - msgOff - StunView.HEADER_LENGTH);
        int total = pos - msgOff;
        dst = null;
        return total;
    }
}
