package org.jwebrtc.srtp.internal;

/**
 * AEAD_AES_128_GCM / AEAD_AES_256_GCM (RFC 7714) on {@link AesGcm}: in place, allocation-free,
 * tag verified before decryption.
 */
public final class AesGcmTransform implements PacketTransform {
    private static final int TAG = AesGcm.TAG;
    private static final int SRTCP_INDEX_WORD = 4;

    private final AesGcm gcm;
    private final byte[] salt;
    private final byte[] iv = new byte[12];
    private final byte[] word = new byte[4];

    /** {@code wideTables}: true for SRTP keys (packet rate), false for SRTCP keys (memory). */
    public AesGcmTransform(byte[] sessionKey, byte[] sessionSalt, boolean wideTables) {
        if (sessionSalt.length != 12) {
            throw new IllegalArgumentException("GCM session salt must be 96 bits: " + sessionSalt.length);
        }
        this.gcm = new AesGcm(sessionKey, wideTables);
        this.salt = sessionSalt.clone();
    }

    @Override
    public int rtpTagLength() {
        return TAG;
    }

    @Override
    public int rtcpTrailerLength() {
        return TAG + SRTCP_INDEX_WORD;
    }

    @Override
    public int rtcpIndexWordOffset(int len) {
        return len - SRTCP_INDEX_WORD; // RFC 7714 §9.2: the index follows the tag
    }

    // RFC 7714 §8.1: IV = salt XOR (00 00 || SSRC || ROC || SEQ)
    private void startRtp(int ssrc, long index) {
        System.arraycopy(salt, 0, iv, 0, 12);
        Bytes.putI32(iv, 2, Bytes.i32(iv, 2) ^ ssrc);
        Bytes.putI32(iv, 6, Bytes.i32(iv, 6) ^ (int) (index >>> 16));
        iv[10] ^= (byte) (index >>> 8);
        iv[11] ^= (byte) index;
        gcm.start(iv, 0);
    }

    // RFC 7714 §9.1: IV = salt XOR (00 00 || SSRC || 00 00 || 0 || SRTCP index)
    private void startRtcp(int ssrc, int index) {
        System.arraycopy(salt, 0, iv, 0, 12);
        Bytes.putI32(iv, 2, Bytes.i32(iv, 2) ^ ssrc);
        Bytes.putI32(iv, 8, Bytes.i32(iv, 8) ^ index);
        gcm.start(iv, 0);
    }

    @Override
    public int protectRtp(byte[] buf, int off, int len, int headerLen, int ssrc, long index, boolean encrypt) {
        startRtp(ssrc, index);
        if (encrypt) { // RFC 7714 §8.2: AAD = header, plaintext = payload
            gcm.aad(buf, off, headerLen);
            gcm.seal(buf, off + headerLen, len - headerLen);
        } else { // authentication only: the whole packet is AAD
            gcm.aad(buf, off, len);
            gcm.seal(buf, off + len, 0);
        }
        return len + TAG;
    }

    @Override
    public int unprotectRtp(byte[] buf, int off, int len, int headerLen, int ssrc, long index, boolean encrypted) {
        startRtp(ssrc, index);
        boolean ok;
        if (encrypted) {
            gcm.aad(buf, off, headerLen);
            ok = gcm.open(buf, off + headerLen, len - headerLen);
        } else {
            gcm.aad(buf, off, len - TAG);
            ok = gcm.open(buf, off + len - TAG, TAG);
        }
        return ok ? len - TAG : -1;
    }

    @Override
    public int protectRtcp(byte[] buf, int off, int len, int ssrc, int index, boolean encrypt) {
        startRtcp(ssrc, index);
        Bytes.putI32(word, 0, (encrypt ? 0x80000000 : 0) | index);
        if (encrypt) { // RFC 7714 §9.2: AAD = first 8 octets || E||index
            gcm.aad(buf, off, 8);
            gcm.aad(word, 0, 4);
            gcm.seal(buf, off + 8, len - 8);
        } else { // RFC 7714 §9.3: AAD = whole packet || E||index
            gcm.aad(buf, off, len);
            gcm.aad(word, 0, 4);
            gcm.seal(buf, off + len, 0);
        }
        System.arraycopy(word, 0, buf, off + len + TAG, 4);
        return len + TAG + SRTCP_INDEX_WORD;
    }

    @Override
    public int unprotectRtcp(byte[] buf, int off, int len, int ssrc, int index, boolean encrypted) {
        startRtcp(ssrc, index);
        int sealedEnd = len - SRTCP_INDEX_WORD; // ciphertext || tag ends here
        boolean ok;
        if (encrypted) {
            gcm.aad(buf, off, 8);
            gcm.aad(buf, off + sealedEnd, 4);
            ok = gcm.open(buf, off + 8, sealedEnd - 8);
        } else {
            gcm.aad(buf, off, sealedEnd - TAG);
            gcm.aad(buf, off + sealedEnd, 4);
            ok = gcm.open(buf, off + sealedEnd - TAG, TAG);
        }
        return ok ? sealedEnd - TAG : -1;
    }
}
