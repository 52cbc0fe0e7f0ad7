package org.jwebrtc.stun;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntPredicate;
import org.jwebrtc.stun.internal.Bytes;

/**
 * A decoded STUN message (RFC 8489 §5): class, 12-bit method, transaction ID and attributes in
 * wire order. Parsed messages keep MESSAGE-INTEGRITY(-SHA256) and FINGERPRINT records so callers
 * can see they were there; {@link #encode} skips those and computes fresh ones from its
 * arguments, appended last. For the allocation-free path use {@link StunView} and
 * {@link StunWriter}.
 */
public record StunMessage(StunClass messageClass, int method, TransactionId transactionId,
                          List<StunAttribute> attributes) {
    private static final ThreadLocal<StunView> VIEW = ThreadLocal.withInitial(StunView::new);
    private static final ThreadLocal<StunWriter> WRITER = ThreadLocal.withInitial(StunWriter::new);

    public StunMessage {
        Objects.requireNonNull(messageClass, "messageClass");
        Objects.requireNonNull(transactionId, "transactionId");
        if (method < 0 || method > StunMethod.MAX) {
            throw new IllegalArgumentException("method out of range: " + method);
        }
        attributes = List.copyOf(attributes);
    }

    public static StunMessage of(StunClass cls, int method, TransactionId id, StunAttribute... attributes) {
        return new StunMessage(cls, method, id, List.of(attributes));
    }

    /** Decodes and checks a whole message (see {@link StunView#wrap} for the rules). */
    public static StunMessage parse(byte[] buf, int off, int len) throws StunException {
        return VIEW.get().wrap(buf, off, len).toMessage(); // per-thread view: its HMAC/CRC state is reused
    }

    public static StunMessage parse(byte[] buf) throws StunException {
        return parse(buf, 0, buf.length);
    }

    public int messageType() {
        return StunMethod.messageType(method, messageClass);
    }

    /** Exact size {@link #encode} writes. */
    public int encodedLength(byte[] integrityKey, IntegrityAlgorithm algorithm, boolean fingerprint) {
        int n = StunView.HEADER_LENGTH;
        for (StunAttribute a : attributes) {
            if (!(a instanceof MessageIntegrity || a instanceof MessageIntegritySha256 || a instanceof Fingerprint)) {
                n += 4 + Bytes.padded(AttributeCodec.valueLength(a));
            }
        }
        if (integrityKey != null) {
            n += 4 + algorithm.length();
        }
        return n + (fingerprint ? 8 : 0);
    }

    public int encodedLength(byte[] integrityKey, boolean fingerprint) {
        return encodedLength(integrityKey, IntegrityAlgorithm.HMAC_SHA1, fingerprint);
    }

    /**
     * Writes the message at {@code dst[off]}; MESSAGE-INTEGRITY (HMAC-SHA1) when the key is
     * non-null, then FINGERPRINT when asked. Returns bytes written; IllegalArgumentException if
     * {@code dst} is too small.
     */
    public int encode(byte[] dst, int off, byte[] integrityKey, boolean fingerprint) {
        return encode(dst, off, integrityKey, IntegrityAlgorithm.HMAC_SHA1, fingerprint);
    }

    public int encode(byte[] dst, int off, byte[] integrityKey, IntegrityAlgorithm algorithm, boolean fingerprint) {
        int need = encodedLength(integrityKey, algorithm, fingerprint);
        if (need > StunWriter.MAX_LENGTH) {
            throw new IllegalArgumentException("message of " + need + " bytes exceeds the STUN maximum");
        }
        if (off < 0 || dst.length - off < need) {
            throw new IllegalArgumentException("buffer too small: need " + need + " bytes at offset " + off);
        }
        StunWriter w = WRITER.get().start(dst, off, need, messageClass, method, transactionId);
        for (StunAttribute a : attributes) {
            w.add(a);
        }
        return w.finish(integrityKey, algorithm, fingerprint);
    }

    public byte[] toBytes(byte[] integrityKey, IntegrityAlgorithm algorithm, boolean fingerprint) {
        byte[] out = new byte[encodedLength(integrityKey, algorithm, fingerprint)];
        encode(out, 0, integrityKey, algorithm, fingerprint);
        return out;
    }

    public byte[] toBytes(byte[] integrityKey, boolean fingerprint) {
        return toBytes(integrityKey, IntegrityAlgorithm.HMAC_SHA1, fingerprint);
    }

    /** No integrity, no fingerprint. */
    public byte[] toBytes() {
        return toBytes(null, false);
    }

    /** First attribute of that record type. */
    public <T extends StunAttribute> Optional<T> attribute(Class<T> type) {
        for (StunAttribute a : attributes) {
            if (type.isInstance(a)) {
                return Optional.of(type.cast(a));
            }
        }
        return Optional.empty();
    }

    public <T extends StunAttribute> List<T> attributes(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (StunAttribute a : attributes) {
            if (type.isInstance(a)) {
                out.add(type.cast(a));
            }
        }
        return out;
    }

    public boolean has(Class<? extends StunAttribute> type) {
        return attribute(type).isPresent();
    }

    /** First attribute with this type number. */
    public Optional<StunAttribute> attribute(int type) {
        for (StunAttribute a : attributes) {
            if (a.type() == type) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /**
     * Comprehension-required attributes this module has no codec for (RFC 8489 §6.3.1: a request
     * carrying any gets 420 with UNKNOWN-ATTRIBUTES), in order, without duplicates.
     */
    public List<Integer> unknownComprehensionRequired() {
        return unknownComprehensionRequired(t -> false);
    }

    /** As above, but types {@code understood} accepts (e.g. TURN's in the turn module) are known. */
    public List<Integer> unknownComprehensionRequired(IntPredicate understood) {
        List<Integer> out = new ArrayList<>();
        for (StunAttribute a : attributes) {
            if (a instanceof RawAttribute r && StunAttributeType.isComprehensionRequired(r.type())
                    && !understood.test(r.type()) && !out.contains(r.type())) {
                out.add(r.type());
            }
        }
        return out;
    }

    /** A copy with {@code more} appended. */
    public StunMessage with(StunAttribute... more) {
        List<StunAttribute> all = new ArrayList<>(attributes);
        all.addAll(Arrays.asList(more));
        return new StunMessage(messageClass, method, transactionId, all);
    }

    /**
     * RFC 8489 §9.1.3: true when the message is well formed and its MESSAGE-INTEGRITY-SHA256 (if
     * present) or else MESSAGE-INTEGRITY verifies with {@code key} (constant-time compare).
     * False when malformed or when neither is present.
     */
    public static boolean verifyIntegrity(byte[] buf, int off, int len, byte[] key) {
        StunView v = VIEW.get();
        try {
            return v.wrap(buf, off, len).verifyIntegrity(key);
        } catch (StunException e) {
            return false;
        }
    }

    /** True when the message is well formed and carries a FINGERPRINT that matches (§14.7). */
    public static boolean verifyFingerprint(byte[] buf, int off, int len) {
        StunView v = VIEW.get();
        try {
            return v.wrap(buf, off, len).hasFingerprint();
        } catch (StunException e) {
            return false;
        }
    }

    /**
     * Cheap demultiplexing test (RFC 7983 §7: first byte 0..3; RFC 8489 §5: magic cookie, length
     * a multiple of 4 matching the datagram). Does not walk attributes.
     */
    public static boolean isStun(byte[] buf, int off, int len) {
        if (off < 0 || len < StunView.HEADER_LENGTH || off > buf.length - len) {
            return false;
        }
        int body = Bytes.u16(buf, off + 2);
        return (buf[off] & 0xFF) <= 3
                && Bytes.i32(buf, off + 4) == AttributeCodec.MAGIC_COOKIE
                && (body & 3) == 0
                && body == len - StunView.HEADER_LENGTH;
    }

    @Override
    public String toString() {
        return "StunMessage[" + StunMethod.name(method) + " " + messageClass + " " + transactionId + " "
                + attributes + "]";
    }
}
