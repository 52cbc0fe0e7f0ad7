package org.jwebrtc.dtls;

import java.util.Optional;

/**
 * DTLS-SRTP protection profiles (RFC 5764 §4.1.2, RFC 7714 §14.2) with the master key and salt
 * lengths that size the keying-material export (RFC 5764 §4.2).
 */
public enum SrtpProfile {
    SRTP_AES128_CM_HMAC_SHA1_80(0x0001, 16, 14),
    SRTP_AES128_CM_HMAC_SHA1_32(0x0002, 16, 14),
    SRTP_AEAD_AES_128_GCM(0x0007, 16, 12),
    SRTP_AEAD_AES_256_GCM(0x0008, 32, 12);

    private final int id;
    private final int keyLength;
    private final int saltLength;

    SrtpProfile(int id, int keyLength, int saltLength) {
        this.id = id;
        this.keyLength = keyLength;
        this.saltLength = saltLength;
    }

    /** The two-byte SRTPProtectionProfile value carried in use_srtp. */
    public int id() {
        return id;
    }

    /** Master key length in bytes. */
    public int keyLength() {
        return keyLength;
    }

    /** Master salt length in bytes. */
    public int saltLength() {
        return saltLength;
    }

    /** Bytes to export: 2 * (key + salt), RFC 5764 §4.2. */
    public int keyingMaterialLength() {
        return 2 * (keyLength + saltLength);
    }

    public static Optional<SrtpProfile> fromId(int id) {
        for (SrtpProfile p : values()) {
            if (p.id == id) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
