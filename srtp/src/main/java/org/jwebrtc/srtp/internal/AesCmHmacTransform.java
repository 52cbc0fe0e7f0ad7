package org.jwebrtc.srtp.internal;

/**
 * AES counter mode + HMAC-SHA1 (RFC 3711 §4.1.1, §4.2.1; RFC 6188 for 192/256-bit keys).
 * Authenticate-then-decrypt: the tag is checked before any byte of the payload changes.
 */
public final class AesCmHmacTransform implements PacketTransform {
    private static final int SRTCP_INDEX_WORD = 4;

    private final AesCounterMode ctr;
    private final HmacSha1 mac;
    private final byte[] salt;
    private final int rtpTag;
    private final int rtcpTag;
    private final byte[] iv = new byte[16];
    private final byte[] macOut = new byte[HmacSha1.LENGTH];
    private final byte[] roc = new byte[4];

    public AesCmHmacTransform(byte[] sessionKey, byte[] sessionSalt, byte[] authKey, int rtpTag, int rtcpTag) {
        if (sessionSalt.length != 14) {
            throw new IllegalArgumentException("AES-CM session salt must be 112 bits: " + sessionSalt.length);
        }
        this.ctr = new AesCounterMode(sessionKey);
        this.mac = new HmacSha1(authKey);
        this.salt = sessionSalt.clone();
        this.rtpTag = rtpTag;
        this.rtcpTag = rtcpTag;
    }

    @Override
    public int rtpTagLength() {
        return rtpTag;
    }

    @Override
    public int rtcpTrailerLength() {
        return SRTCP_INDEX_WORD + rtcpTag;
    }

    @Override
    public int rtcpIndexWordOffset(int len) {
        return len - rtcpTag - SRTCP_INDEX_WORD;
    }

    // RFC 3711 §4.1.1: IV = (k_s * 2^16) XOR (SSRC * 2^64) XOR (i * 2^16)
    private void setIv(int ssrc, long index) {
        System.arraycopy(salt, 0, iv, 0, 14);
        iv[14] = 0;
        iv[15] = 0;
        Bytes.putI32(iv, 4, Bytes.i32(iv, 4) ^ ssrc);
        iv[8] ^= (byte) (index >>> 40);
        iv[9] ^= (byte) (index >>> 32);
        Bytes.putI32(iv, 10, Bytes.i32(iv, 10) ^ (int) index);
    }

    // RFC 3711 §4.2: M = authenticated portion || ROC for SRTP; the whole SRTCP packet incl. E||index
    private void computeTag(byte[] buf, int off, int len, boolean withRoc, long index) {
        mac.start();
        mac.update(buf, off, len);
        if (withRoc) {
            Bytes.putI32(roc, 0, (int) (index >>> 16));
            mac.update(roc, 0, 4);
        }
        mac.finish(macOut, 0);
    }

    @Override
    public int protectRtp(byte[] buf, int off, int len, int headerLen, int ssrc, long index, boolean encrypt) {
        if (encrypt) {
            setIv(ssrc, index);
            ctr.xorKeystream(iv, buf, off + headerLen, len - headerLen);
        }
        computeTag(buf, off, len, true, index);
        System.arraycopy(macOut, 0, buf, off + len, rtpTag);
        return len + rtpTag;
    }

    @Override
    public int unprotectRtp(byte[] buf, int off, int len, int headerLen, int ssrc, long index, boolean encrypted) {
        int authLen = len - rtpTag;
        computeTag(buf, off, authLen, true, index);
        if (!Bytes.constantTimeEquals(macOut, 0, buf, off + authLen, rtpTag)) {
            return -1;
        }
        if (encrypted) {
            setIv(ssrc, index);
            ctr.xorKeystream(iv, buf, off + headerLen, authLen - headerLen);
        }
        return authLen;
    }

    @Override
    public int protectRtcp(byte[] buf, int off, int len, int ssrc, int index, boolean encrypt) {
        if (encrypt) {
            setIv(ssrc, index);
            ctr.xorKeystream(iv, buf, off + 8, len - 8); // RFC 3711 §3.4: all but the first 8 octets
        }
        Bytes.putI32(buf, off + len, (encrypt ? 0x80000000 : 0) | index);
        computeTag(buf, off, len + SRTCP_INDEX_WORD, false, 0);
        System.arraycopy(macOut, 0, buf, off + len + SRTCP_INDEX_WORD, rtcpTag);
        return len + SRTCP_INDEX_WORD + rtcpTag;
    }

    @Override
    public int unprotectRtcp(byte[] buf, int off, int len, int ssrc, int index, boolean encrypted) {
        int authLen = len - rtcpTag;
        computeTag(buf, off, authLen, false, 0);
        if (!Bytes.constantTimeEquals(macOut, 0, buf, off + authLen, rtcpTag)) {
            return -1;
        }
        int plainLen = authLen - SRTCP_INDEX_WORD;
        if (encrypted) {
            setIv(ssrc, index);
            ctr.xorKeystream(iv, buf, off + 8, plainLen - 8);
        }
        return plainLen;
    }
}
