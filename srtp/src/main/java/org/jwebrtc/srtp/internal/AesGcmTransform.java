package org.jwebrtc.srtp.internal;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AEAD_AES_128_GCM / AEAD_AES_256_GCM (RFC 7714) on the JDK's {@code AES/GCM/NoPadding}.
 * JCE demands a fresh {@link GCMParameterSpec} per {@code init} and allocates GHASH/counter state
 * inside {@code init}/{@code doFinal} (and copies the input when input and output overlap), so this
 * path allocates a few hundred bytes per packet; see the module README for the measured B/op.
 */
public final class AesGcmTransform implements PacketTransform {
    private static final int TAG = 16;
    private static final int SRTCP_INDEX_WORD = 4;

    private final Cipher gcm;
    private final SecretKeySpec key;
    private final byte[] salt;
    private final byte[] iv = new byte[12];
    private final byte[] word = new byte[4];

    public AesGcmTransform(byte[] sessionKey, byte[] sessionSalt) {
        if (sessionSalt.length != 12) {
            throw new IllegalArgumentException("GCM session salt must be 96 bits: " + sessionSalt.length);
        }
        try {
            this.gcm = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM unavailable", e);
        }
        this.key = new SecretKeySpec(sessionKey, "AES");
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
    private void setRtpIv(int ssrc, long index) {
        System.arraycopy(salt, 0, iv, 0, 12);
        Bytes.putI32(iv, 2, Bytes.i32(iv, 2) ^ ssrc);
        Bytes.putI32(iv, 6, Bytes.i32(iv, 6) ^ (int) (index >>> 16));
        iv[10] ^= (byte) (index >>> 8);
        iv[11] ^= (byte) index;
    }

    // RFC 7714 §9.1: IV = salt XOR (00 00 || SSRC || 00 00 || 0 || SRTCP index)
    private void setRtcpIv(int ssrc, int index) {
        System.arraycopy(salt, 0, iv, 0, 12);
        Bytes.putI32(iv, 2, Bytes.i32(iv, 2) ^ ssrc);
        Bytes.putI32(iv, 8, Bytes.i32(iv, 8) ^ index);
    }

    private void init(int mode) throws GeneralSecurityException {
        gcm.init(mode, key, new GCMParameterSpec(TAG * 8, iv));
    }

    @Override
    public int protectRtp(byte[] buf, int off, int len, int headerLen, int ssrc, long index, boolean encrypt) {
        setRtpIv(ssrc, index);
        try {
            init(Cipher.ENCRYPT_MODE);
            if (encrypt) { // RFC 7714 §8.2: AAD = header, plaintext = payload
                gcm.updateAAD(buf, off, headerLen);
                gcm.doFinal(buf, off + headerLen, len - headerLen, buf, off + headerLen);
            } else { // authentication only: the whole packet is AAD
                gcm.updateAAD(buf, off, len);
                gcm.doFinal(buf, off + len);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM seal failed", e);
        }
        return len + TAG;
    }

    @Override
    public int unprotectRtp(byte[] buf, int off, int len, int headerLen, int ssrc, long index, boolean encrypted) {
        setRtpIv(ssrc, index);
        try {
            init(Cipher.DECRYPT_MODE);
            if (encrypted) {
                gcm.updateAAD(buf, off, headerLen);
                gcm.doFinal(buf, off + headerLen, len - headerLen, buf, off + headerLen);
            } else {
                gcm.updateAAD(buf, off, len - TAG);
                gcm.doFinal(buf, off + len - TAG, TAG, buf, off + len - TAG);
            }
        } catch (AEADBadTagException e) {
            return -1;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM open failed", e);
        }
        return len - TAG;
    }

    @Override
    public int protectRtcp(byte[] buf, int off, int len, int ssrc, int index, boolean encrypt) {
        setRtcpIv(ssrc, index);
        Bytes.putI32(word, 0, (encrypt ? 0x80000000 : 0) | index);
        try {
            init(Cipher.ENCRYPT_MODE);
            if (encrypt) { // RFC 7714 §9.2: AAD = first 8 octets || E||index
                gcm.updateAAD(buf, off, 8);
                gcm.updateAAD(word, 0, 4);
                gcm.doFinal(buf, off + 8, len - 8, buf, off + 8);
            } else { // RFC 7714 §9.3: AAD = whole packet || E||index
                gcm.updateAAD(buf, off, len);
                gcm.updateAAD(word, 0, 4);
                gcm.doFinal(buf, off + len);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM seal failed", e);
        }
        System.arraycopy(word, 0, buf, off + len + TAG, 4);
        return len + TAG + SRTCP_INDEX_WORD;
    }

    @Override
    public int unprotectRtcp(byte[] buf, int off, int len, int ssrc, int index, boolean encrypted) {
        setRtcpIv(ssrc, index);
        int sealedEnd = len - SRTCP_INDEX_WORD; // ciphertext || tag ends here
        try {
            init(Cipher.DECRYPT_MODE);
            if (encrypted) {
                gcm.updateAAD(buf, off, 8);
                gcm.updateAAD(buf, off + sealedEnd, 4);
                gcm.doFinal(buf, off + 8, sealedEnd - 8, buf, off + 8);
            } else {
                gcm.updateAAD(buf, off, sealedEnd - TAG);
                gcm.updateAAD(buf, off + sealedEnd, 4);
                gcm.doFinal(buf, off + sealedEnd - TAG, TAG, buf, off + sealedEnd - TAG);
            }
        } catch (AEADBadTagException e) {
            return -1;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM open failed", e);
        }
        return sealedEnd - TAG;
    }
}
