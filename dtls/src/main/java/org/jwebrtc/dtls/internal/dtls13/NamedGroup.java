package org.jwebrtc.dtls.internal.dtls13;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Optional;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.crypto.agreement.ECDHBasicAgreement;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.math.ec.ECPoint;

import org.bouncycastle.pqc.crypto.mlkem.MLKEMExtractor;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMGenerator;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMKeyGenerationParameters;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMKeyPairGenerator;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMParameters;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMPrivateKeyParameters;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMPublicKeyParameters;
import org.bouncycastle.util.BigIntegers;
import org.jwebrtc.dtls.DtlsException;

/**
 * Key exchange groups (RFC 8446 §4.2.7) with their key_share encodings: x25519 (RFC 7748),
 * secp256r1 (uncompressed point, RFC 8446 §4.2.8.2) and the hybrid X25519MLKEM768
 * (draft-ietf-tls-ecdhe-mlkem: client share = ML-KEM-768 encapsulation key || X25519 share,
 * server share = ML-KEM ciphertext || X25519 share, secret = ML-KEM secret || X25519 secret).
 */
public enum NamedGroup {
    X25519MLKEM768(0x11EC),
    X25519(0x001D),
    SECP256R1(0x0017);

    private static final X9ECParameters P256 = CustomNamedCurves.getByName("secp256r1");
    private static final ECDomainParameters P256_DOMAIN = new ECDomainParameters(P256);
    private static final int MLKEM_EK = 1184;
    private static final int MLKEM_CT = 1088;

    private final int id;

    NamedGroup(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }

    public static Optional<NamedGroup> fromId(int id) {
        for (NamedGroup g : values()) {
            if (g.id == id) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }

    /** A client's ephemeral key for this group. */
    public interface ClientShare {
        NamedGroup group();

        byte[] publicShare();

        /** The shared secret from the server's key_share; DtlsException if it is invalid. */
        byte[] complete(byte[] serverShare) throws DtlsException;
    }

    /** The server side's result: its key_share and the shared secret. */
    public record ServerShare(byte[] publicShare, byte[] secret) {}

    public ClientShare generate(SecureRandom random) {
        return switch (this) {
            case X25519 -> x25519Client(random);
            case SECP256R1 -> p256Client(random);
            case X25519MLKEM768 -> hybridClient(random);
        };
    }

    /** Server: answer the client's share (RFC 8446 §4.2.8; KEM encapsulation for the hybrid). */
    public ServerShare respond(byte[] clientShare, SecureRandom random) throws DtlsException {
        ClientShare mine;
        switch (this) {
            case X25519 -> {
                mine = x25519Client(random);
                return new ServerShare(mine.publicShare(), mine.complete(clientShare));
            }
            case SECP256R1 -> {
                mine = p256Client(random);
                return new ServerShare(mine.publicShare(), mine.complete(clientShare));
            }
            default -> {
                if (clientShare.length != MLKEM_EK + 32) {
                    throw new DtlsException("X25519MLKEM768 client share must be " + (MLKEM_EK + 32) + " bytes", 0);
                }
                byte[] ek = java.util.Arrays.copyOfRange(clientShare, 0, MLKEM_EK);
                byte[] x = java.util.Arrays.copyOfRange(clientShare, MLKEM_EK, MLKEM_EK + 32);
                SecretWithEncapsulation kem;
                try {
                    kem = new MLKEMGenerator(random).generateEncapsulated(
                            new MLKEMPublicKeyParameters(MLKEMParameters.ml_kem_768, ek));
                } catch (RuntimeException e) {
                    // FIPS 203 §7.2 encapsulation key check failed
                    throw new DtlsException("invalid ML-KEM-768 encapsulation key", 0);
                }
                mine = x25519Client(random);
                byte[] xSecret = mine.complete(x);
                return new ServerShare(concat(kem.getEncapsulation(), mine.publicShare()),
                        concat(kem.getSecret(), xSecret));
            }
        }
    }

    private static ClientShare x25519Client(SecureRandom random) {
        byte[] priv = new byte[32];
        org.bouncycastle.math.ec.rfc7748.X25519.generatePrivateKey(random, priv);
        byte[] pub = new byte[32];
        org.bouncycastle.math.ec.rfc7748.X25519.generatePublicKey(priv, 0, pub, 0);
        return new ClientShare() {
            public NamedGroup group() {
                return X25519;
            }

            public byte[] publicShare() {
                return pub.clone();
            }

            public byte[] complete(byte[] peer) throws DtlsException {
                if (peer.length != 32) {
                    throw new DtlsException("x25519 share must be 32 bytes, got " + peer.length, 0);
                }
                byte[] secret = new byte[32];
                // RFC 8446 §7.4.2: an all-zero result MUST be rejected.
                if (!org.bouncycastle.math.ec.rfc7748.X25519.calculateAgreement(priv, 0, peer, 0, secret, 0)) {
                    throw new DtlsException("x25519 shared secret is all zeros", 0);
                }
                return secret;
            }
        };
    }

    private static ClientShare p256Client(SecureRandom random) {
        ECKeyPairGenerator gen = new ECKeyPairGenerator();
        gen.init(new ECKeyGenerationParameters(P256_DOMAIN, random));
        AsymmetricCipherKeyPair kp = gen.generateKeyPair();
        byte[] pub = ((ECPublicKeyParameters) kp.getPublic()).getQ().getEncoded(false);
        return new ClientShare() {
            public NamedGroup group() {
                return SECP256R1;
            }

            public byte[] publicShare() {
                return pub.clone();
            }

            public byte[] complete(byte[] peer) throws DtlsException {
                if (peer.length != 65 || peer[0] != 4) {
                    throw new DtlsException("secp256r1 share must be a 65-byte uncompressed point", 0);
                }
                ECPoint q;
                try {
                    q = P256.getCurve().decodePoint(peer);   // validates the point is on the curve
                    if (!q.isValid()) {
                        throw new IllegalArgumentException("invalid point");
                    }
                } catch (IllegalArgumentException e) {
                    throw new DtlsException("secp256r1 share is not a valid point", 0);
                }
                ECDHBasicAgreement ka = new ECDHBasicAgreement();
                ka.init((ECPrivateKeyParameters) kp.getPrivate());
                BigInteger z;
                try {
                    z = ka.calculateAgreement(new ECPublicKeyParameters(q, P256_DOMAIN));
                } catch (IllegalStateException | IllegalArgumentException e) {
                    throw new DtlsException("secp256r1 agreement failed", 0);
                }
                return BigIntegers.asUnsignedByteArray(32, z);
            }
        };
    }

    private static ClientShare hybridClient(SecureRandom random) {
        MLKEMKeyPairGenerator gen = new MLKEMKeyPairGenerator();
        gen.init(new MLKEMKeyGenerationParameters(random, MLKEMParameters.ml_kem_768));
        AsymmetricCipherKeyPair kp = gen.generateKeyPair();
        byte[] ek = ((MLKEMPublicKeyParameters) kp.getPublic()).getEncoded();
        ClientShare x = x25519Client(random);
        byte[] pub = concat(ek, x.publicShare());
        return new ClientShare() {
            public NamedGroup group() {
                return X25519MLKEM768;
            }

            public byte[] publicShare() {
                return pub.clone();
            }

            public byte[] complete(byte[] peer) throws DtlsException {
                if (peer.length != MLKEM_CT + 32) {
                    throw new DtlsException("X25519MLKEM768 server share must be " + (MLKEM_CT + 32) + " bytes", 0);
                }
                byte[] ct = java.util.Arrays.copyOfRange(peer, 0, MLKEM_CT);
                byte[] xs = java.util.Arrays.copyOfRange(peer, MLKEM_CT, MLKEM_CT + 32);
                byte[] kemSecret = new MLKEMExtractor((MLKEMPrivateKeyParameters) kp.getPrivate()).extractSecret(ct);
                return concat(kemSecret, x.complete(xs));
            }
        };
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
