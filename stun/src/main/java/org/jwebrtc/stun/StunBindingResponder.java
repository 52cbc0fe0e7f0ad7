package org.jwebrtc.stun;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.jwebrtc.stun.internal.Bytes;

/**
 * Sans-IO Binding responder (RFC 8489 §6.3): request bytes and source address in, response bytes
 * out. Success carries XOR-MAPPED-ADDRESS of the source (§14.2). With short-term credentials the
 * request is authenticated first (§9.1.3: 400 without USERNAME/integrity, 401 for an unknown user
 * or bad integrity, checked in constant time); then unknown comprehension-required attributes get
 * 420 with UNKNOWN-ATTRIBUTES (§6.3.1); a request whose attributes are malformed gets 400. What
 * §6.3 says to discard silently is dropped: bad header or length, FINGERPRINT mismatch,
 * indications, responses and methods other than Binding.
 * Responses mirror the request's integrity algorithm and FINGERPRINT. Failures never throw: they
 * produce an error response or are dropped and counted.
 *
 * <p>Not thread-safe; owned by one thread.
 */
public final class StunBindingResponder {
    /** {@link #respond} result when nothing should be sent. */
    public static final int NO_RESPONSE = -1;
    /** Enough for any response this class writes. */
    public static final int MAX_RESPONSE_LENGTH = 1024;
    private static final int MAX_UNKNOWN_LISTED = 32;

    private final String software;
    private final byte[] softwareBytes;
    private final ShortTermCredentials credentials;
    private final StunView view = new StunView();
    private final StunWriter writer = new StunWriter();
    private InetAddress lastAddress;
    private byte[] lastAddressBytes;
    private long successes;
    private long badRequests;
    private long unauthenticated;
    private long unknownAttributes;
    private long dropped;

    /**
     * @param software SOFTWARE value to include, or null
     * @param credentials short-term credentials to require, or null for an open server
     */
    public StunBindingResponder(String software, ShortTermCredentials credentials) {
        this.software = software;
        this.softwareBytes = software == null ? null : new Software(software).value().getBytes(StandardCharsets.UTF_8);
        this.credentials = credentials;
    }

    /** An unauthenticated responder, like a public STUN server. */
    public static StunBindingResponder open(String software) {
        return new StunBindingResponder(software, null);
    }

    public String software() {
        return software;
    }

    /**
     * Answers {@code req[off, off+len)} received from {@code source}, writing into
     * {@code dst[dstOff..]}. Returns the response length or {@link #NO_RESPONSE}.
     */
    public int respond(byte[] req, int off, int len, InetSocketAddress source, byte[] dst, int dstOff) {
        Objects.checkFromIndexSize(off, len, req.length);
        if (len < StunView.HEADER_LENGTH || (req[off] & 0xC0) != 0
                || Bytes.i32(req, off + 4) != AttributeCodec.MAGIC_COOKIE) {
            dropped++; // not STUN at all: nothing to answer (RFC 8489 §6.3)
            return NO_RESPONSE;
        }
        int body = Bytes.u16(req, off + 2);
        if ((body & 3) != 0 || body != len - StunView.HEADER_LENGTH) {
            dropped++; // §6.3: a length that is not sensible is silently discarded
            return NO_RESPONSE;
        }
        int type = Bytes.u16(req, off);
        if (StunClass.ofMessageType(type) != StunClass.REQUEST || StunMethod.ofMessageType(type) != StunMethod.BINDING) {
            dropped++; // indications and responses get no answer; other methods are not ours
            return NO_RESPONSE;
        }
        int capacity = dst.length - dstOff;
        try {
            view.wrap(req, off, len);
        } catch (StunException e) {
            if (view.failedOnFingerprint()) {
                dropped++; // RFC 8489 §6.3, §7: a FINGERPRINT mismatch is silently discarded
                return NO_RESPONSE;
            }
            badRequests++;
            return error(ErrorCode.BAD_REQUEST, req, off, dst, dstOff, capacity, null, null, false, -1);
        }
        boolean fingerprint = view.hasFingerprint();
        byte[] key = null;
        IntegrityAlgorithm alg = view.integrityAlgorithm();
        if (credentials != null) {
            int u = view.indexOf(StunAttributeType.USERNAME);
            if (u < 0 || alg == null) { // §9.1.3: both USERNAME and an integrity attribute needed
                badRequests++;
                return error(ErrorCode.BAD_REQUEST, req, off, dst, dstOff, capacity, null, null, fingerprint, -1);
            }
            key = credentials.keyFor(req, view.valueOffset(u), view.valueLength(u));
            if (key == null || !view.verifyIntegrity(key)) {
                unauthenticated++;
                return error(ErrorCode.UNAUTHENTICATED, req, off, dst, dstOff, capacity, null, null, fingerprint, -1);
            }
        }
        int unknown = view.firstUnknownComprehensionRequired(StunAttributeType::isDecoded);
        if (unknown >= 0) {
            unknownAttributes++;
            return error(ErrorCode.UNKNOWN_ATTRIBUTE, req, off, dst, dstOff, capacity, key, alg, fingerprint, unknown);
        }
        byte[] addr = addressBytes(source);
        writer.start(dst, dstOff, capacity, StunClass.SUCCESS_RESPONSE, StunMethod.BINDING, req, off + 8)
                .addXorAddress(StunAttributeType.XOR_MAPPED_ADDRESS, addr, 0, addr.length, source.getPort());
        addSoftware();
        successes++;
        return writer.finish(key, alg == null ? IntegrityAlgorithm.HMAC_SHA1 : alg, fingerprint);
    }

    /** The source's address bytes, cached: a peer usually sends many requests in a row. */
    private byte[] addressBytes(InetSocketAddress source) {
        InetAddress a = source.getAddress();
        if (a != lastAddress) {
            lastAddressBytes = a.getAddress();
            lastAddress = a;
        }
        return lastAddressBytes;
    }

    /** Convenience form; allocates the response. Null when nothing should be sent. */
    public byte[] respond(byte[] req, int off, int len, InetSocketAddress source) {
        byte[] out = new byte[MAX_RESPONSE_LENGTH];
        int n = respond(req, off, len, source, out, 0);
        return n == NO_RESPONSE ? null : Arrays.copyOf(out, n);
    }

    private int error(int code, byte[] req, int off, byte[] dst, int dstOff, int capacity, byte[] key,
                      IntegrityAlgorithm alg, boolean fingerprint, int firstUnknown) {
        writer.start(dst, dstOff, capacity, StunClass.ERROR_RESPONSE, StunMethod.BINDING, req, off + 8)
                .add(ErrorCode.of(code));
        if (firstUnknown >= 0) {
            // §14.13: list the unknown comprehension-required types, once each (at most 32)
            int n = 0;
            int[] unknown = new int[MAX_UNKNOWN_LISTED];
            for (int i = 0; i < view.attributeCount() && n < MAX_UNKNOWN_LISTED; i++) {
                int t = view.attributeType(i);
                if (StunAttributeType.isComprehensionRequired(t) && !StunAttributeType.isDecoded(t)
                        && !contains(unknown, n, t)) {
                    unknown[n++] = t;
                }
            }
            byte[] v = new byte[2 * n];
            for (int i = 0; i < n; i++) {
                Bytes.put16(v, 2 * i, unknown[i]);
            }
            writer.addBytes(StunAttributeType.UNKNOWN_ATTRIBUTES, v, 0, v.length);
        }
        addSoftware();
        return writer.finish(key, alg == null ? IntegrityAlgorithm.HMAC_SHA1 : alg, fingerprint);
    }

    private static boolean contains(int[] a, int n, int t) {
        for (int i = 0; i < n; i++) {
            if (a[i] == t) {
                return true;
            }
        }
        return false;
    }

    private void addSoftware() {
        if (softwareBytes != null) {
            writer.addBytes(StunAttributeType.SOFTWARE, softwareBytes, 0, softwareBytes.length);
        }
    }

    public StunResponderStats stats() {
        return new StunResponderStats(successes, badRequests, unauthenticated, unknownAttributes, dropped);
    }
}
