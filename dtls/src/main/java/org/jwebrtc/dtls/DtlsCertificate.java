package org.jwebrtc.dtls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Our self-signed ECDSA P-256 certificate and its key (RFC 8827 §6.5: peers authenticate by the
 * certificate fingerprint in SDP, not by a CA). Generate once and reuse it across connections, as
 * browsers do for an RTCCertificate; it is immutable and thread-safe.
 */
public final class DtlsCertificate {
    /** Browsers issue WebRTC certificates for 30 days (Chromium rtc_certificate_generator). */
    private static final Duration LIFETIME = Duration.ofDays(30);

    private final PrivateKey privateKey;
    private final byte[] der;
    private final Fingerprint sha256;

    private DtlsCertificate(PrivateKey privateKey, byte[] der) {
        this.privateKey = privateKey;
        this.der = der;
        this.sha256 = Fingerprint.of("sha-256", der);
    }

    /** A fresh P-256 key and self-signed certificate valid from a day ago for 30 days. */
    public static DtlsCertificate generate() {
        return generate(new SecureRandom(), Instant.now());
    }

    /** As {@link #generate()} with injected randomness and issue time. */
    public static DtlsCertificate generate(SecureRandom random, Instant now) {
        Objects.requireNonNull(random, "random");
        try {
            KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC");
            kpg.initialize(new ECGenParameterSpec("secp256r1"), random);
            KeyPair kp = kpg.generateKeyPair();
            // Random serial and CN, like browsers: nothing identifying goes on the wire.
            byte[] serial = new byte[8];
            random.nextBytes(serial);
            X500Name name = new X500Name("CN=WebRTC-" + HexFormat.of().formatHex(serial, 0, 4));
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                    new BigInteger(1, serial), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(LIFETIME)), name, kp.getPublic());
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA")
                    .setSecureRandom(random).build(kp.getPrivate());
            return new DtlsCertificate(kp.getPrivate(), builder.build(signer).getEncoded());
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("cannot generate an ECDSA P-256 certificate", e);
        }
    }

    /** Wraps an existing EC P-256 key and its DER certificate (e.g. one persisted earlier). */
    public static DtlsCertificate of(PrivateKey privateKey, byte[] certificateDer) {
        Objects.requireNonNull(privateKey, "privateKey");
        if (!"EC".equals(privateKey.getAlgorithm())) {
            throw new IllegalArgumentException("WebRTC DTLS here uses ECDSA keys, got " + privateKey.getAlgorithm());
        }
        return new DtlsCertificate(privateKey, certificateDer.clone());
    }

    /** The sha-256 fingerprint for SDP {@code a=fingerprint} (RFC 8122 §5). */
    public Fingerprint fingerprint() {
        return sha256;
    }

    /** The fingerprint with another hash function ("sha-1", "sha-384", ...). */
    public Fingerprint fingerprint(String hashFunction) {
        return Fingerprint.of(hashFunction, der);
    }

    /** DER encoding of the certificate (a copy). */
    public byte[] der() {
        return der.clone();
    }

    /** The private key; keep it secret. */
    public PrivateKey privateKey() {
        return privateKey;
    }

    @Override
    public String toString() {
        return "DtlsCertificate[" + sha256.toSdp() + "]";
    }
}
