package org.jwebrtc.srtp;

import org.jwebrtc.srtp.internal.AesCmHmacTransform;
import org.jwebrtc.srtp.internal.AesGcmTransform;
import org.jwebrtc.srtp.internal.Bytes;
import org.jwebrtc.srtp.internal.KeyDerivation;
import org.jwebrtc.srtp.internal.PacketTransform;
import org.jwebrtc.srtp.internal.RtcpStream;
import org.jwebrtc.srtp.internal.RtpStream;
import org.jwebrtc.srtp.internal.SsrcTable;

/**
 * One direction of an SRTP session (RFC 3711, RFC 7714, RFC 6188) for any number of SSRCs.
 * Packets are transformed in place in the caller's buffer; after the first packet of each SSRC no
 * profile allocates per packet. Authentication and replay failures are counted
 * and returned as negative statuses, never thrown. Buffer bounds that are impossible for the array
 * (or too little room for the tag on protect) are caller bugs and throw {@link IllegalArgumentException}.
 *
 * <p>Use one context for sending (protect) and another for receiving (unprotect); protect and
 * unprotect keep separate per-SSRC state. Not thread-safe: owned by one thread.
 */
public final class SrtpContext {
    /** The authentication tag did not verify (or the packet was not made with these keys). */
    public static final int AUTH_FAILED = -1;
    /** The packet index was already accepted, or is older than the replay window. */
    public static final int REPLAYED = -2;
    /** Too short, wrong version, or header lengths that overrun the packet. */
    public static final int MALFORMED = -3;

    private static final int RTCP_HEADER = 8; // RFC 3711 §3.4: first 8 octets stay in the clear

    private final SrtpProfile profile;
    private final SrtpOptions options;
    private final PacketTransform rtp;
    private final PacketTransform rtcp;

    private final SsrcTable<RtpStream> sendRtp = new SsrcTable<>();
    private final SsrcTable<RtpStream> recvRtp = new SsrcTable<>();
    private final SsrcTable<RtcpStream> sendRtcp = new SsrcTable<>();
    private final SsrcTable<RtcpStream> recvRtcp = new SsrcTable<>();
    private final RtpStream freshRtp;   // stands in for a new SSRC until its first packet authenticates
    private final RtcpStream freshRtcp;

    private long rtpProtected;
    private long rtpUnprotected;
    private long rtpAuthFailed;
    private long rtpReplayed;
    private long rtpMalformed;
    private long rtcpProtected;
    private long rtcpUnprotected;
    private long rtcpAuthFailed;
    private long rtcpReplayed;
    private long rtcpMalformed;

    private SrtpContext(SrtpProfile profile, SrtpOptions options, PacketTransform rtp, PacketTransform rtcp) {
        this.profile = profile;
        this.options = options;
        this.rtp = rtp;
        this.rtcp = rtcp;
        this.freshRtp = new RtpStream(options.replayWindowSize());
        this.freshRtcp = new RtcpStream(options.replayWindowSize());
    }

    public static SrtpContext create(SrtpProfile profile, byte[] masterKey, byte[] masterSalt) {
        return create(profile, masterKey, masterSalt, SrtpOptions.defaults());
    }

    /** Derives the SRTP and SRTCP session keys (RFC 3711 §4.3, kdr 0) from the master key and salt. */
    public static SrtpContext create(SrtpProfile profile, byte[] masterKey, byte[] masterSalt, SrtpOptions options) {
        if (masterKey.length != profile.keyLength()) {
            throw new IllegalArgumentException(profile + " needs a " + profile.keyLength() + "-byte master key, got "
                    + masterKey.length);
        }
        if (masterSalt.length != profile.saltLength()) {
            throw new IllegalArgumentException(profile + " needs a " + profile.saltLength()
                    + "-byte master salt, got " + masterSalt.length);
        }
        PacketTransform rtp = transform(profile, masterKey, masterSalt, KeyDerivation.SRTP_ENCRYPTION);
        PacketTransform rtcp = transform(profile, masterKey, masterSalt, KeyDerivation.SRTCP_ENCRYPTION);
        return new SrtpContext(profile, options, rtp, rtcp);
    }

    /** Labels: encryption = base, authentication = base + 1, salt = base + 2 (RFC 3711 §4.3.1, §4.3.2). */
    private static PacketTransform transform(SrtpProfile p, byte[] masterKey, byte[] masterSalt, int base) {
        byte[] key = KeyDerivation.derive(masterKey, masterSalt, base, p.keyLength());
        byte[] salt = KeyDerivation.derive(masterKey, masterSalt, base + 2, p.saltLength());
        byte[] auth = p.isAead() ? null : KeyDerivation.derive(masterKey, masterSalt, base + 1, p.authKeyLength());
        return sessionTransform(p, key, salt, auth, base == KeyDerivation.SRTP_ENCRYPTION);
    }

    private static PacketTransform sessionTransform(SrtpProfile p, byte[] key, byte[] salt, byte[] authKey,
                                                    boolean forRtp) {
        return p.isAead()
                ? new AesGcmTransform(key, salt, forRtp)
                : new AesCmHmacTransform(key, salt, authKey, p.rtpTagLength(), p.rtcpTagLength());
    }

    /** Test hook: a context on given session keys (same for SRTP and SRTCP), as the RFC vectors print them. */
    static SrtpContext ofSessionKeys(SrtpProfile p, byte[] key, byte[] salt, byte[] authKey, SrtpOptions options) {
        return new SrtpContext(p, options, sessionTransform(p, key, salt, authKey, true),
                sessionTransform(p, key, salt, authKey, false));
    }

    /** Test hook: the SRTCP index the next protected packet of {@code ssrc} carries. */
    void setNextSrtcpIndex(long ssrc, int index) {
        sendRtcp.computeIfAbsent((int) ssrc, s -> new RtcpStream(options.replayWindowSize())).setNextIndex(index);
    }

    public SrtpProfile profile() {
        return profile;
    }

    public SrtpOptions options() {
        return options;
    }

    /**
     * Encrypts the RTP payload in place and appends the tag at {@code off + len}; the buffer needs
     * {@link SrtpProfile#rtpOverhead()} spare bytes there. Returns the SRTP length, or
     * {@link #MALFORMED} / {@link #REPLAYED} (this SSRC already sent this packet index; re-encrypting it
     * would reuse the keystream, RFC 3711 §9.1).
     */
    public int protectRtp(byte[] buf, int off, int len) {
        checkBounds(buf, off, len, rtp.rtpTagLength());
        int headerLen = rtpHeaderLength(buf, off, len);
        if (headerLen < 0) {
            rtpMalformed++;
            return MALFORMED;
        }
        int ssrc = Bytes.i32(buf, off + 8);
        RtpStream stream = sendRtp.get(ssrc);
        if (stream == null) {
            stream = new RtpStream(options.replayWindowSize());
            sendRtp.put(ssrc, stream);
        }
        long index = stream.estimateIndex(Bytes.u16(buf, off + 2));
        if (stream.isReplayed(index)) {
            rtpReplayed++;
            return REPLAYED;
        }
        stream.commit(index);
        rtpProtected++;
        return rtp.protectRtp(buf, off, len, headerLen, ssrc, index, options.encryptRtp());
    }

    /**
     * Verifies and decrypts an SRTP packet in place. Returns the RTP length (the tag is dropped), or
     * {@link #MALFORMED}, {@link #REPLAYED} or {@link #AUTH_FAILED}. Order (RFC 3711 §3.3): estimate
     * the index, replay pre-check, constant-time tag check, decrypt, then commit ROC and window.
     */
    public int unprotectRtp(byte[] buf, int off, int len) {
        checkBounds(buf, off, len, 0);
        int tag = rtp.rtpTagLength();
        int headerLen = rtpHeaderLength(buf, off, len);
        if (headerLen < 0 || headerLen + tag > len) {
            rtpMalformed++;
            return MALFORMED;
        }
        int ssrc = Bytes.i32(buf, off + 8);
        RtpStream known = recvRtp.get(ssrc);
        RtpStream stream = known != null ? known : freshRtp;
        long index = stream.estimateIndex(Bytes.u16(buf, off + 2));
        if (known != null && stream.isReplayed(index)) {
            rtpReplayed++;
            return REPLAYED;
        }
        if (index < 0) { // before the first packet of the stream
            rtpReplayed++;
            return REPLAYED;
        }
        int plainLen = rtp.unprotectRtp(buf, off, len, headerLen, ssrc, index, options.encryptRtp());
        if (plainLen < 0) {
            rtpAuthFailed++;
            return AUTH_FAILED;
        }
        if (known == null) { // state only for SSRCs that authenticated (no allocation for forgeries)
            known = new RtpStream(options.replayWindowSize());
            recvRtp.put(ssrc, known);
        }
        known.commit(index);
        rtpUnprotected++;
        return plainLen;
    }

    /**
     * Encrypts an RTCP compound packet (all but the first 8 octets) in place and appends E||SRTCP index
     * and the tag; needs {@link SrtpProfile#rtcpOverhead()} spare bytes. Returns the SRTCP length or
     * {@link #MALFORMED}.
     */
    public int protectRtcp(byte[] buf, int off, int len) {
        checkBounds(buf, off, len, rtcp.rtcpTrailerLength());
        if (len < RTCP_HEADER || (buf[off] & 0xc0) != 0x80) {
            rtcpMalformed++;
            return MALFORMED;
        }
        int ssrc = Bytes.i32(buf, off + 4);
        RtcpStream stream = sendRtcp.get(ssrc);
        if (stream == null) {
            stream = new RtcpStream(options.replayWindowSize());
            sendRtcp.put(ssrc, stream);
        }
        int index = stream.nextIndex();
        rtcpProtected++;
        return rtcp.protectRtcp(buf, off, len, ssrc, index, options.encryptRtcp());
    }

    /**
     * Verifies and (when its E flag is set) decrypts an SRTCP packet in place. Returns the RTCP length,
     * or {@link #MALFORMED}, {@link #REPLAYED} or {@link #AUTH_FAILED}.
     */
    public int unprotectRtcp(byte[] buf, int off, int len) {
        checkBounds(buf, off, len, 0);
        if (len < RTCP_HEADER + rtcp.rtcpTrailerLength() || (buf[off] & 0xc0) != 0x80) {
            rtcpMalformed++;
            return MALFORMED;
        }
        int ssrc = Bytes.i32(buf, off + 4);
        int word = Bytes.i32(buf, off + rtcp.rtcpIndexWordOffset(len));
        boolean encrypted = word < 0;
        int index = word & 0x7fffffff;
        RtcpStream known = recvRtcp.get(ssrc);
        if (known != null && known.isReplayed(index)) {
            rtcpReplayed++;
            return REPLAYED;
        }
        int plainLen = rtcp.unprotectRtcp(buf, off, len, ssrc, index, encrypted);
        if (plainLen < 0) {
            rtcpAuthFailed++;
            return AUTH_FAILED;
        }
        if (known == null) {
            known = new RtcpStream(options.replayWindowSize());
            recvRtcp.put(ssrc, known);
        }
        known.commit(index);
        rtcpUnprotected++;
        return plainLen;
    }

    public SrtpStats stats() {
        return new SrtpStats(rtpProtected, rtpUnprotected, rtpAuthFailed, rtpReplayed, rtpMalformed,
                rtcpProtected, rtcpUnprotected, rtcpAuthFailed, rtcpReplayed, rtcpMalformed,
                sendRtp.size() + recvRtp.size(), sendRtcp.size() + recvRtcp.size());
    }

    /** RFC 3550 §5.1: 12 fixed octets, CC CSRCs, optional extension (4 + 4 * length). -1 if it overruns. */
    private static int rtpHeaderLength(byte[] buf, int off, int len) {
        if (len < 12) {
            return -1;
        }
        int b0 = buf[off] & 0xff;
        if ((b0 >>> 6) != 2) {
            return -1;
        }
        int h = 12 + 4 * (b0 & 0x0f);
        if ((b0 & 0x10) != 0) {
            if (h + 4 > len) {
                return -1;
            }
            h += 4 + 4 * Bytes.u16(buf, off + h + 2);
        }
        return h <= len ? h : -1;
    }

    private static void checkBounds(byte[] buf, int off, int len, int spare) {
        if (buf == null || off < 0 || len < 0 || (long) off + len + spare > buf.length) {
            throw new IllegalArgumentException("packet [" + off + ", +" + len + ") plus " + spare
                    + " spare bytes does not fit a buffer of " + (buf == null ? "null" : buf.length));
        }
    }
}
