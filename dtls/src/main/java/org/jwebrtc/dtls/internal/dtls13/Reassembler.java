package org.jwebrtc.dtls.internal.dtls13;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import org.jwebrtc.dtls.DtlsException;

/**
 * Handshake reassembly (RFC 9147 §5.5): fragments of any order and overlap are put together per
 * message_seq; messages are released strictly in message_seq order. Messages far ahead of the next
 * expected one, or larger than {@link #MAX_MESSAGE}, are refused to bound memory.
 */
public final class Reassembler {
    /** Largest handshake message we buffer (a WebRTC certificate is under 1 KiB). */
    public static final int MAX_MESSAGE = 1 << 16;
    private static final int MAX_AHEAD = 8;

    /** What {@link #add} did with a fragment. */
    public enum Result { NEW_DATA, DUPLICATE, OLD_MESSAGE }

    private static final class Partial {
        final int type;
        final byte[] data;
        final BitSet have;
        long minEpoch = Long.MAX_VALUE;

        Partial(int type, int length) {
            this.type = type;
            this.data = new byte[length];
            this.have = new BitSet(length);
        }

        boolean complete() {
            return have.nextClearBit(0) >= data.length;
        }
    }

    private final Map<Integer, Partial> pending = new HashMap<>();
    private int nextSeq;

    public int nextSeq() {
        return nextSeq;
    }

    /**
     * The peer's next message has {@code seq} (a DTLS 1.2 HelloVerifyRequest used the numbers
     * before it, RFC 6347 §4.2.2): release from there on.
     */
    public void skipTo(int seq) {
        if (seq > nextSeq) {
            nextSeq = seq;
            pending.keySet().removeIf(k -> k < seq);
        }
    }

    /** Adds a fragment that arrived in a record of {@code epoch}. */
    public Result add(HandshakeFragment f, long epoch) throws DtlsException {
        if (f.messageSeq() < nextSeq) {
            return Result.OLD_MESSAGE;
        }
        if (f.messageSeq() >= nextSeq + MAX_AHEAD) {
            throw new DtlsException("message_seq " + f.messageSeq() + " too far ahead of " + nextSeq, 4);
        }
        if (f.length() > MAX_MESSAGE) {
            throw new DtlsException("handshake message of " + f.length() + " bytes exceeds " + MAX_MESSAGE, 1);
        }
        Partial p = pending.get(f.messageSeq());
        if (p == null) {
            p = new Partial(f.msgType(), f.length());
            pending.put(f.messageSeq(), p);
        } else if (p.type != f.msgType() || p.data.length != f.length()) {
            throw new DtlsException("fragment type/length disagree with earlier fragments of message "
                    + f.messageSeq(), 0);
        }
        byte[] frag = f.fragmentRef();
        int off = f.fragmentOffset();
        p.minEpoch = Math.min(p.minEpoch, epoch);
        int before = p.have.cardinality();
        System.arraycopy(frag, 0, p.data, off, frag.length);
        p.have.set(off, off + frag.length);
        return p.have.cardinality() > before || (frag.length == 0 && p.data.length == 0) ? Result.NEW_DATA : Result.DUPLICATE;
    }

    /** The next complete message in order, or null. */
    public HandshakeMessage poll() {
        Partial p = pending.get(nextSeq);
        if (p == null || !p.complete()) {
            return null;
        }
        pending.remove(nextSeq);
        return new HandshakeMessage(p.type, nextSeq++, p.minEpoch, p.data);
    }

    /** True if some fragments are buffered but not yet released. */
    public boolean hasPartial() {
        return !pending.isEmpty();
    }
}
