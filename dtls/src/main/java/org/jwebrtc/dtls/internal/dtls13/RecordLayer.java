package org.jwebrtc.dtls.internal.dtls13;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jwebrtc.dtls.DtlsException;

/**
 * DTLS 1.3 record layer (RFC 9147 §4): writes DTLSPlaintext for epoch 0 and DTLSCiphertext with
 * the unified header (S=1, L=1, no connection ID) for epochs 1+, with record number encryption
 * (§4.2.3) and the per-record AEAD nonce (RFC 8446 §5.3); reads both, reconstructing epoch and
 * sequence number (§4.2.2), with a replay window per epoch (§4.5.1). Invalid records are dropped
 * and counted (§4.5.2), never thrown. Not thread-safe.
 */
public final class RecordLayer {
    /** A record's content after decryption. */
    public record Received(int type, RecordNumber number, byte[] content) {}

    /** An encoded record and the number it was sent with (for ACK tracking). */
    public record Encoded(RecordNumber number, byte[] bytes) {}

    private static final class ReadEpoch {
        final RecordProtection protection;
        final ReplayWindow window = new ReplayWindow();

        ReadEpoch(RecordProtection protection) {
            this.protection = protection;
        }
    }

    /** Encrypted-record overhead: 5-byte header + content type byte + 16-byte tag. */
    public static final int CIPHERTEXT_OVERHEAD = 5 + 1 + RecordProtection.TAG_LENGTH;
    /** AEAD limit far below 2^48 (RFC 9147 §4.5.3 asks for rekeying long before). */
    private static final long MAX_SEQ = (1L << 48) - 1;

    private final Map<Long, ReadEpoch> read = new HashMap<>();
    private final ReplayWindow epoch0Window = new ReplayWindow();
    private final Map<Long, RecordProtection> write = new HashMap<>();
    private final Map<Long, long[]> writeSeq = new HashMap<>();
    private final byte[] mask = new byte[16];
    private long authFailures;
    private long replays;
    private long malformed;
    private long unknownEpoch;
    private boolean acceptPlaintext = true;
    /** Records of epochs we have no keys for yet (RFC 9147 §4.2.1 allows buffering them). */
    private final java.util.ArrayDeque<byte[]> deferred = new java.util.ArrayDeque<>();
    private static final int MAX_DEFERRED = 32;

    /** Adds keys to read {@code p.epoch()}; keeps the three newest read epochs (RFC 9147 §4.2.1). */
    public void installRead(RecordProtection p) {
        read.put(p.epoch(), new ReadEpoch(p));
        while (read.size() > 3) {
            read.remove(read.keySet().stream().mapToLong(Long::longValue).min().orElseThrow());
        }
    }

    public boolean canRead(long epoch) {
        return epoch == 0 ? acceptPlaintext : read.containsKey(epoch);
    }

    /** After the handshake, unprotected records are no longer accepted (RFC 9147 §4.5.2). */
    public void rejectPlaintext() {
        acceptPlaintext = false;
    }

    /** Adds keys to write {@code p.epoch()}; its sequence numbers start at 0 (RFC 9147 §4.2.1). */
    public void installWrite(RecordProtection p) {
        write.put(p.epoch(), p);
        writeSeq.putIfAbsent(p.epoch(), new long[1]);
    }

    /**
     * Our next record in {@code epoch} gets at least sequence number {@code next}: records another
     * implementation already sent for us in this epoch must not be repeated (the peer's replay
     * window would drop them, RFC 9147 §4.5.1).
     */
    public void reserveWriteSequence(long epoch, long next) {
        long[] holder = writeSeq.computeIfAbsent(epoch, e -> new long[1]);
        holder[0] = Math.max(holder[0], next);
    }

    public RecordProtection writeProtection(long epoch) {
        return write.get(epoch);
    }

    /** Encodes one record of {@code type} in {@code epoch} (0 = plaintext). */
    public Encoded encode(int type, byte[] content, int off, int len, long epoch) {
        long[] seqHolder = writeSeq.computeIfAbsent(epoch, e -> new long[1]);
        long seq = seqHolder[0]++;
        if (seq > MAX_SEQ) {
            throw new IllegalStateException("sequence numbers of epoch " + epoch + " exhausted; KeyUpdate needed");
        }
        RecordNumber number = new RecordNumber(epoch, seq);
        if (epoch == 0) {
            byte[] frag = new byte[len];
            System.arraycopy(content, off, frag, 0, len);
            return new Encoded(number, new DtlsPlaintext(type, 0, seq, frag).toBytes());
        }
        RecordProtection p = write.get(epoch);
        if (p == null) {
            throw new IllegalStateException("no write keys for epoch " + epoch);
        }
        // DTLSInnerPlaintext = content || type, no padding (RFC 9147 §4, RFC 8446 §5.2).
        byte[] inner = new byte[len + 1];
        System.arraycopy(content, off, inner, 0, len);
        inner[len] = (byte) type;
        int ctLen = inner.length + RecordProtection.TAG_LENGTH;
        UnifiedHeader header = new UnifiedHeader((int) (epoch & 3), (int) (seq & 0xFFFF), true, true, ctLen);
        byte[] aad = header.toBytes();
        byte[] ct = p.seal(seq, aad, inner, 0, inner.length);
        byte[] out = new byte[aad.length + ct.length];
        System.arraycopy(aad, 0, out, 0, aad.length);
        System.arraycopy(ct, 0, out, aad.length, ct.length);
        p.mask(ct, 0, mask);
        out[1] ^= mask[0];
        out[2] ^= mask[1];
        return new Encoded(number, out);
    }

    /** Splits a datagram into records and opens them; bad records are counted and skipped. */
    public List<Received> decode(byte[] buf, int off, int len) {
        List<Received> out = new ArrayList<>(2);
        WireReader r = new WireReader(buf, off, len);
        while (r.hasRemaining()) {
            int first = buf[r.position()] & 0xFF;
            try {
                if (DtlsPlaintext.isPlaintextType(first)) {
                    DtlsPlaintext p = DtlsPlaintext.parse(r);
                    if (p.epoch() != 0 || !acceptPlaintext) {
                        unknownEpoch++;   // DTLS 1.2 encrypted record or late plaintext: discard
                        continue;
                    }
                    if (!epoch0Window.check(p.sequenceNumber())) {
                        replays++;
                        continue;
                    }
                    epoch0Window.commit(p.sequenceNumber());
                    out.add(new Received(p.type(), new RecordNumber(0, p.sequenceNumber()), p.fragment()));
                } else if (UnifiedHeader.isCiphertext(first)) {
                    Received rec = openCiphertext(buf, r);
                    if (rec != null) {
                        out.add(rec);
                    }
                } else {
                    malformed++;   // RFC 9147 §4.1: anything else is not a DTLS 1.3 record
                    return out;
                }
            } catch (DtlsException e) {
                malformed++;
                return out;   // the rest of the datagram cannot be delimited
            }
        }
        return out;
    }

    private Received openCiphertext(byte[] buf, WireReader r) throws DtlsException {
        int hdrStart = r.position();
        UnifiedHeader h = UnifiedHeader.parse(r);
        int hdrLen = h.headerLength();
        byte[] ctBuf = r.bytes(h.length(), "encrypted_record");
        ReadEpoch e = null;
        long epoch = -1;
        for (Map.Entry<Long, ReadEpoch> entry : read.entrySet()) {
            if ((entry.getKey() & 3) == h.epochBits() && entry.getKey() > epoch) {
                epoch = entry.getKey();
                e = entry.getValue();
            }
        }
        if (e == null) {
            unknownEpoch++;
            if (deferred.size() < MAX_DEFERRED) {
                byte[] raw = new byte[r.position() - hdrStart];
                System.arraycopy(buf, hdrStart, raw, 0, raw.length);
                deferred.add(raw);
            }
            return null;
        }
        if (ctBuf.length < 16) {
            malformed++;   // §4.2.3: the mask needs 16 bytes of ciphertext
            return null;
        }
        e.protection.mask(ctBuf, 0, mask);
        int bits = h.longSequence() ? 16 : 8;
        int seqBits = h.sequenceBits() ^ (h.longSequence() ? (mask[0] & 0xFF) << 8 | mask[1] & 0xFF : mask[0] & 0xFF);
        long seq = reconstruct(e.window.highest() + 1, seqBits, bits);
        if (seq < 0 || seq > MAX_SEQ || !e.window.check(seq)) {
            replays++;
            return null;
        }
        UnifiedHeader plainHeader = new UnifiedHeader(h.epochBits(), seqBits, h.longSequence(), h.hasLength(), h.length());
        byte[] aad = plainHeader.toBytes();
        if (aad.length != hdrLen) {
            throw new AssertionError("header length changed while decrypting at " + hdrStart);
        }
        byte[] inner = e.protection.open(seq, aad, ctBuf, 0, ctBuf.length);
        if (inner == null) {
            authFailures++;
            return null;
        }
        e.window.commit(seq);
        int end = inner.length;
        while (end > 0 && inner[end - 1] == 0) {
            end--;   // strip zero padding (RFC 8446 §5.4)
        }
        if (end == 0) {
            malformed++;   // all padding, no content type: unexpected_message
            return null;
        }
        int type = inner[end - 1] & 0xFF;
        byte[] content = new byte[end - 1];
        System.arraycopy(inner, 0, content, 0, end - 1);
        return new Received(type, new RecordNumber(epoch, seq), content);
    }

    /**
     * Opens the records that arrived before their epoch's keys (e.g. the server's encrypted
     * flight before its ServerHello); call after {@link #installRead}. Still unreadable ones are
     * kept (bounded).
     */
    public List<Received> retryDeferred() {
        List<byte[]> pending = new ArrayList<>(deferred);
        deferred.clear();
        List<Received> out = new ArrayList<>();
        for (byte[] d : pending) {
            unknownEpoch--;   // counted again by decode if still unreadable
            out.addAll(decode(d, 0, d.length));
        }
        return out;
    }

    /** RFC 9147 §4.2.2: the full number closest to the expected next one with these low bits. */
    static long reconstruct(long expected, int lowBits, int bits) {
        long window = 1L << bits;
        long candidate = (expected & ~(window - 1)) | lowBits;
        long best = candidate;
        for (long c : new long[] {candidate - window, candidate + window}) {
            if (c >= 0 && Math.abs(c - expected) < Math.abs(best - expected)) {
                best = c;
            }
        }
        return best;
    }

    public long authFailures() {
        return authFailures;
    }

    public long replays() {
        return replays;
    }

    public long malformed() {
        return malformed;
    }

    public long unknownEpoch() {
        return unknownEpoch;
    }
}
