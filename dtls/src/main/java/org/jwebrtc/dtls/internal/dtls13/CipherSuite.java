package org.jwebrtc.dtls.internal.dtls13;

import java.util.Optional;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;

/** The TLS 1.3 cipher suites we implement (RFC 8446 §B.4): AEAD + HKDF hash. */
public enum CipherSuite {
    TLS_AES_128_GCM_SHA256(0x1301, 16, 32, false),
    TLS_AES_256_GCM_SHA384(0x1302, 32, 48, false),
    TLS_CHACHA20_POLY1305_SHA256(0x1303, 32, 32, true);

    private final int id;
    private final int keyLength;
    private final int hashLength;
    private final boolean chacha;

    CipherSuite(int id, int keyLength, int hashLength, boolean chacha) {
        this.id = id;
        this.keyLength = keyLength;
        this.hashLength = hashLength;
        this.chacha = chacha;
    }

    public int id() {
        return id;
    }

    public int keyLength() {
        return keyLength;
    }

    public int hashLength() {
        return hashLength;
    }

    public boolean isChaCha() {
        return chacha;
    }

    public Digest newDigest() {
        return hashLength == 48 ? new SHA384Digest() : new SHA256Digest();
    }

    public static Optional<CipherSuite> fromId(int id) {
        for (CipherSuite s : values()) {
            if (s.id == id) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
