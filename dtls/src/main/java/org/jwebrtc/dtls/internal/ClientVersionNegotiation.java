package org.jwebrtc.dtls.internal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.jwebrtc.dtls.DtlsException;
import org.jwebrtc.dtls.internal.dtls13.ContentType;
import org.jwebrtc.dtls.internal.dtls13.DtlsPlaintext;
import org.jwebrtc.dtls.internal.dtls13.Extension;
import org.jwebrtc.dtls.internal.dtls13.HandshakeFragment;
import org.jwebrtc.dtls.internal.dtls13.HandshakeType;
import org.jwebrtc.dtls.internal.dtls13.Reassembler;
import org.jwebrtc.dtls.internal.dtls13.ServerHello;
import org.jwebrtc.dtls.internal.dtls13.UnifiedHeader;
import org.jwebrtc.dtls.internal.dtls13.WireReader;

/**
 * Client-side version negotiation between the bctls DTLS 1.2 handshake and the DTLS 1.3 engine
 * (RFC 8446 §4.2.1, RFC 9147 §5.3). bctls writes the one ClientHello (extended with the DTLS 1.3
 * offer); this class watches it go out, keeps the server's answer away from bctls until the whole
 * ServerHello is in, and then says who continues:
 * <ul>
 *   <li>supported_versions in the ServerHello (or HelloRetryRequest): the 1.3 engine adopts the
 *       captured ClientHello and gets every held datagram;</li>
 *   <li>no supported_versions: DTLS 1.2, bctls gets the held datagrams, unless ServerHello.random
 *       ends in a downgrade sentinel "DOWNGRD\1"/"DOWNGRD\0" (RFC 8446 §4.1.3): a 1.3-capable
 *       server chose 1.2 although we offered 1.3, so someone removed 1.3 from our offer and the
 *       handshake is aborted with illegal_parameter.</li>
 * </ul>
 * Datagrams holding only epoch-0 DTLS 1.2 records and no ServerHello fragment (a
 * HelloVerifyRequest, an alert, the 1.2 server's later messages) go to bctls at once. Owner thread
 * only; sans-IO.
 */
public final class ClientVersionNegotiation {
    /** Bounds what is held back before the ServerHello is complete. */
    private static final int MAX_HELD = 32;

    /** What to do with an inbound datagram. */
    public enum Decision {
        /** Give it to bctls now. */
        FORWARD,
        /** Held until the ServerHello is complete. */
        HOLD,
        /** Neither version can use it (junk), or the hold is full: drop and count. */
        DROP,
        /** The server chose DTLS 1.3: {@link #held()} goes to the 1.3 engine. */
        DTLS13,
        /** The server chose DTLS 1.2: {@link #held()} goes to bctls. */
        DTLS12,
        /** DTLS 1.2 with the downgrade sentinel: abort with {@link #downgradeAlert()}. */
        DOWNGRADE
    }

    private final List<byte[]> held = new ArrayList<>();
    private long nextPlaintextSeq;
    private byte[] clientHello;
    private int clientHelloSeq = -1;
    private final Partial outgoingHello = new Partial();
    private final Partial serverHello = new Partial();
    private long droppedHeld;

    /** A handshake message being put together from fragments (one message at a time). */
    private static final class Partial {
        int seq = -1;
        byte[] data;
        BitSet have;

        /** Returns the message once complete. */
        byte[] add(HandshakeFragment f) {
            if (f.length() > Reassembler.MAX_MESSAGE) {
                return null;   // no hello is that large; do not allocate for a forged length
            }
            if (f.messageSeq() != seq || data.length != f.length()) {
                seq = f.messageSeq();   // a newer message (e.g. ClientHello2 after HelloVerifyRequest)
                data = new byte[f.length()];
                have = new BitSet(f.length());
            }
            byte[] frag = f.fragment();
            System.arraycopy(frag, 0, data, f.fragmentOffset(), frag.length);
            have.set(f.fragmentOffset(), f.fragmentOffset() + frag.length);
            return have.nextClearBit(0) >= data.length ? data.clone() : null;
        }
    }

    /** A datagram bctls sends: remember the latest ClientHello and the epoch-0 sequence numbers used. */
    public void onOutbound(byte[] datagram) {
        WireReader r = new WireReader(datagram);
        try {
            while (r.hasRemaining()) {
                DtlsPlaintext p = DtlsPlaintext.parse(r);
                if (p.epoch() != 0) {
                    continue;
                }
                nextPlaintextSeq = Math.max(nextPlaintextSeq, p.sequenceNumber() + 1);
                if (p.type() != ContentType.HANDSHAKE) {
                    continue;
                }
                WireReader hs = new WireReader(p.fragment());
                while (hs.hasRemaining()) {
                    HandshakeFragment f = HandshakeFragment.parse(hs);
                    if (f.msgType() == HandshakeType.CLIENT_HELLO) {
                        byte[] complete = outgoingHello.add(f);
                        if (complete != null) {
                            clientHello = complete;
                            clientHelloSeq = f.messageSeq();
                        }
                    }
                }
            }
        } catch (DtlsException e) {
            // not ours to judge: bctls wrote it; nothing more to learn from this datagram
        }
    }

    /** An inbound datagram before the version is settled. */
    public Decision onInbound(byte[] buf, int off, int len) {
        byte[] copy = java.util.Arrays.copyOfRange(buf, off, off + len);
        boolean legacy = false;       // a DTLS 1.2 epoch-0 record bctls may see
        boolean forEngine = false;    // a ServerHello fragment, an ACK, a DTLS 1.3 ciphertext record
        byte[] hello = null;
        WireReader r = new WireReader(copy);
        try {
            while (r.hasRemaining()) {
                int first = copy[r.position()] & 0xFF;
                if (UnifiedHeader.isCiphertext(first)) {
                    forEngine = true;   // RFC 9147 §4.1: only a DTLS 1.3 peer sends these
                    break;
                }
                if (!DtlsPlaintext.isPlaintextType(first)) {
                    break;   // junk: the rest of the datagram cannot be delimited
                }
                DtlsPlaintext p = DtlsPlaintext.parse(r);
                if (p.epoch() != 0 || p.type() == ContentType.ACK) {
                    forEngine = true;
                    continue;
                }
                legacy = true;
                if (p.type() != ContentType.HANDSHAKE) {
                    continue;
                }
                WireReader hs = new WireReader(p.fragment());
                while (hs.hasRemaining()) {
                    HandshakeFragment f = HandshakeFragment.parse(hs);
                    if (f.msgType() == HandshakeType.SERVER_HELLO) {
                        forEngine = true;
                        byte[] complete = serverHello.add(f);
                        hello = complete != null ? complete : hello;
                    }
                }
            }
        } catch (DtlsException e) {
            // a malformed record ends the datagram; what was read so far counts
        }
        if (!forEngine) {
            return legacy ? Decision.FORWARD : Decision.DROP;
        }
        if (held.size() >= MAX_HELD) {
            droppedHeld++;
            return Decision.DROP;
        }
        held.add(copy);
        if (hello == null || clientHello == null) {
            return Decision.HOLD;
        }
        ServerHello sh;
        try {
            sh = ServerHello.parse(hello);
        } catch (DtlsException e) {
            return Decision.DTLS12;   // bctls parses it again and reports the error
        }
        if (Extension.find(sh.extensions(), Extension.SUPPORTED_VERSIONS).isPresent()) {
            return Decision.DTLS13;   // the engine checks selected_version itself (RFC 8446 §4.2.1)
        }
        return sh.hasDowngradeSentinel() ? Decision.DOWNGRADE : Decision.DTLS12;
    }

    /** Datagrams held back so far, in arrival order. */
    public List<byte[]> held() {
        return List.copyOf(held);
    }

    /** The latest complete ClientHello body bctls sent (null before). */
    public byte[] clientHello() {
        return clientHello == null ? null : clientHello.clone();
    }

    public int clientHelloSeq() {
        return clientHelloSeq;
    }

    /** message_seq of the ServerHello that settled the version. */
    public int serverHelloSeq() {
        return serverHello.seq;
    }

    /** First epoch-0 record sequence number bctls has not used. */
    public long nextPlaintextSeq() {
        return nextPlaintextSeq;
    }

    /** Datagrams dropped because too many were held. */
    public long droppedHeld() {
        return droppedHeld;
    }

    /** A fatal illegal_parameter alert (RFC 8446 §4.1.3) as a DTLS 1.2 epoch-0 record. */
    public byte[] downgradeAlert() {
        return new DtlsPlaintext(ContentType.ALERT, 0, nextPlaintextSeq++, new byte[] {2, 47}).toBytes();
    }
}
