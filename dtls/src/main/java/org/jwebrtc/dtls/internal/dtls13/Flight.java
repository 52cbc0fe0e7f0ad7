package org.jwebrtc.dtls.internal.dtls13;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One outgoing flight (RFC 9147 §5.8): its messages split into fragments that fit the MTU, each
 * record packed into datagrams. Remembers which record carried which fragment so an ACK
 * (RFC 9147 §7) marks fragments delivered and a retransmission resends only what is missing,
 * in new records (§5.8.1: retransmissions get new record numbers).
 */
public final class Flight {
    /** A handshake message to send in {@code epoch}. */
    public record Outgoing(int type, int messageSeq, byte[] body, long epoch) {}

    private static final class Piece {
        final Outgoing msg;
        final int offset;
        final int length;
        boolean acked;

        Piece(Outgoing msg, int offset, int length) {
            this.msg = msg;
            this.offset = offset;
            this.length = length;
        }
    }

    private final List<Piece> pieces = new ArrayList<>();
    private final Map<RecordNumber, Piece> sentIn = new HashMap<>();
    private final int mtu;
    private final boolean needsExplicitAck;
    private int transmissions;

    /**
     * @param needsExplicitAck true for flights no peer flight answers (the client's last flight,
     *                         KeyUpdate): they are retransmitted until ACKed (RFC 9147 §7.1)
     */
    public Flight(List<Outgoing> messages, int mtu, boolean needsExplicitAck) {
        this.mtu = mtu;
        this.needsExplicitAck = needsExplicitAck;
        for (Outgoing m : messages) {
            int overhead = (m.epoch() == 0 ? DtlsPlaintext.HEADER_LENGTH : RecordLayer.CIPHERTEXT_OVERHEAD)
                    + HandshakeFragment.HEADER_LENGTH;
            int max = mtu - overhead;
            int off = 0;
            do {
                int n = Math.min(max, m.body().length - off);
                pieces.add(new Piece(m, off, n));
                off += n;
            } while (off < m.body().length);
        }
    }

    public boolean needsExplicitAck() {
        return needsExplicitAck;
    }

    public int transmissions() {
        return transmissions;
    }

    /** Encodes the not-yet-acknowledged fragments as records packed into datagrams. */
    public List<byte[]> transmit(RecordLayer records) {
        transmissions++;
        List<byte[]> datagrams = new ArrayList<>();
        ByteArrayOutputStream current = new ByteArrayOutputStream(mtu);
        for (Piece p : pieces) {
            if (p.acked) {
                continue;
            }
            byte[] frag = new byte[p.length];
            System.arraycopy(p.msg.body(), p.offset, frag, 0, p.length);
            byte[] hs = new HandshakeFragment(p.msg.type(), p.msg.body().length, p.msg.messageSeq(),
                    p.offset, frag).toBytes();
            RecordLayer.Encoded rec = records.encode(ContentType.HANDSHAKE, hs, 0, hs.length, p.msg.epoch());
            sentIn.put(rec.number(), p);
            if (current.size() > 0 && current.size() + rec.bytes().length > mtu) {
                datagrams.add(current.toByteArray());
                current.reset();
            }
            current.writeBytes(rec.bytes());
        }
        if (current.size() > 0) {
            datagrams.add(current.toByteArray());
        }
        return datagrams;
    }

    /** Marks fragments carried by the acknowledged records; returns how many were newly acknowledged. */
    public int ack(List<RecordNumber> numbers) {
        int fresh = 0;
        for (RecordNumber n : numbers) {
            Piece p = sentIn.get(n);
            if (p != null && !p.acked) {
                p.acked = true;
                fresh++;
            }
        }
        return fresh;
    }

    public boolean isFullyAcked() {
        for (Piece p : pieces) {
            if (!p.acked) {
                return false;
            }
        }
        return true;
    }
}
