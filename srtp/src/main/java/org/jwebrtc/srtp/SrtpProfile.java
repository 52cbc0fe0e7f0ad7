package org.jwebrtc.srtp;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * SRTP protection profiles / crypto suites with their key, salt and tag sizes.
 * DTLS-SRTP ids per RFC 5764 §4.1.2 and RFC 7714 §14.2; the AES-192/256 counter-mode suites of
 * RFC 6188 have no DTLS-SRTP id (SDES only).
 */
public enum SrtpProfile {
    /** RFC 5764 §4.1.2 SRTP_AES128_CM_HMAC_SHA1_80. */
    AES_CM_128_HMAC_SHA1_80(0x0001, 16, 14, 10, 10),
    /** RFC 5764 §4.1.2 SRTP_AES128_CM_HMAC_SHA1_32 (SRTCP keeps the 80-bit tag). */
    AES_CM_128_HMAC_SHA1_32(0x0002, 16, 14, 4, 10),
    /** RFC 7714 §14.2 SRTP_AEAD_AES_128_GCM. */
    AEAD_AES_128_GCM(0x0007, 16, 12, 16, 16),
    /** RFC 7714 §14.2 SRTP_AEAD_AES_256_GCM. */
    AEAD_AES_256_GCM(0x0008, 32, 12, 16, 16),
    /** RFC 6188 §3 AES_192_CM_HMAC_SHA1_80. */
    AES_192_CM_HMAC_SHA1_80(-1, 24, 14, 10, 10),
    /** RFC 6188 §3 AES_192_CM_HMAC_SHA1_32. */
    AES_192_CM_HMAC_SHA1_32(-1, 24, 14, 4, 10),
    /** RFC 6188 §3 AES_256_CM_HMAC_SHA1_80. */
    AES_256_CM_HMAC_SHA1_80(-1, 32, 14, 10, 10),
    /** RFC 6188 §3 AES_256_CM_HMAC_SHA1_32. */
    AES_256_CM_HMAC_SHA1_32(-1, 32, 14, 4, 10);

    /** HMAC-SHA1 session authentication key length (RFC 3711 §8.2, RFC 6188 §3). */
    static final int HMAC_SHA1_KEY_LENGTH = 20;
    private static final int SRTCP_INDEX_WORD = 4;

    private final int dtlsId;
    private final int keyLength;
    private final int saltLength;
    private final int rtpTagLength;
    private final int rtcpTagLength;

    SrtpProfile(int dtlsId, int keyLength, int saltLength, int rtpTagLength, int rtcpTagLength) {
        this.dtlsId = dtlsId;
        this.keyLength = keyLength;
        this.saltLength = saltLength;
        this.rtpTagLength = rtpTagLength;
        this.rtcpTagLength = rtcpTagLength;
    }

    /** The DTLS-SRTP protection profile id (use_srtp extension), empty for SDES-only suites. */
    public OptionalInt dtlsId() {
        return dtlsId < 0 ? OptionalInt.empty() : OptionalInt.of(dtlsId);
    }

    public static Optional<SrtpProfile> fromDtlsId(int id) {
        for (SrtpProfile p : values()) {
            if (p.dtlsId == id && id >= 0) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    public boolean isAead() {
        return this == AEAD_AES_128_GCM || this == AEAD_AES_256_GCM;
    }

    /** Master (and session) encryption key length in bytes. */
    public int keyLength() {
        return keyLength;
    }

    /** Master (and session) salt length in bytes: 14 for AES-CM, 12 for GCM. */
    public int saltLength() {
        return saltLength;
    }

    /** Session authentication key length in bytes (0 for AEAD). */
    public int authKeyLength() {
        return isAead() ? 0 : HMAC_SHA1_KEY_LENGTH;
    }

    public int rtpTagLength() {
        return rtpTagLength;
    }

    public int rtcpTagLength() {
        return rtcpTagLength;
    }

    /** Bytes {@code protectRtp} appends. */
    public int rtpOverhead() {
        return rtpTagLength;
    }

    /** Bytes {@code protectRtcp} appends: E||SRTCP index plus the tag (no MKI). */
    public int rtcpOverhead() {
        return SRTCP_INDEX_WORD + rtcpTagLength;
    }

    /** Spare bytes a buffer needs after the packet for any protect call (the larger of RTP and RTCP). */
    public int overhead() {
        return Math.max(rtpOverhead(), rtcpOverhead());
    }

    /** Length of the DTLS-SRTP exporter output, RFC 5764 §4.2: 2 * (key + salt). */
    public int keyingMaterialLength() {
        return 2 * (keyLength + saltLength);
    }
}
