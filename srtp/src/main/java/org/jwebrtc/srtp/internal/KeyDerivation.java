package org.jwebrtc.srtp.internal;

/**
 * The SRTP key derivation function (RFC 3711 §4.3) with the AES-CM PRF (§4.3.3; AES-192/256 per
 * RFC 6188 §5; also used by AEAD_AES_*_GCM, RFC 7714 §11), key derivation rate 0.
 * Runs once per context, so it may allocate.
 */
public final class KeyDerivation {
    // RFC 3711 §4.3.1 and §4.3.2 labels
    public static final int SRTP_ENCRYPTION = 0x00;
    public static final int SRTP_AUTHENTICATION = 0x01;
    public static final int SRTP_SALT = 0x02;
    public static final int SRTCP_ENCRYPTION = 0x03;
    public static final int SRTCP_AUTHENTICATION = 0x04;
    public static final int SRTCP_SALT = 0x05;

    private KeyDerivation() {}

    /**
     * {@code PRF_n(k_master, x)} with {@code x = (label || r) XOR master_salt} and r = 0 (kdr 0).
     * The salt is placed left-aligned in the 16-byte counter block with the label at octet 7; for the
     * 112-bit salt of AES-CM this is exactly the RFC's right alignment of the 56-bit key_id, and for
     * the 96-bit GCM salt it matches libsrtp and Pion (salt zero-extended to 112 bits).
     */
    public static byte[] derive(byte[] masterKey, byte[] masterSalt, int label, int length) {
        if (masterSalt.length > 14) {
            throw new IllegalArgumentException("master salt longer than 112 bits: " + masterSalt.length);
        }
        byte[] iv = new byte[16];
        System.arraycopy(masterSalt, 0, iv, 0, masterSalt.length);
        iv[7] ^= (byte) label;
        byte[] out = new byte[length];
        new AesCounterMode(masterKey).xorKeystream(iv, out, 0, length);
        return out;
    }
}
