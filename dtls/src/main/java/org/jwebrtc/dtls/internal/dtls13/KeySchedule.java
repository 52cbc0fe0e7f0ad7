package org.jwebrtc.dtls.internal.dtls13;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * TLS 1.3 key derivation (RFC 8446 §7.1) with the DTLS 1.3 label prefix "dtls13" in place of
 * "tls13 " (RFC 9147 §5.9). Stateless helpers; secrets are plain byte arrays.
 */
public final class KeySchedule {
    private static final byte[] PREFIX = "dtls13".getBytes(StandardCharsets.US_ASCII);

    private KeySchedule() {
    }

    /** HKDF-Extract(salt, ikm) (RFC 5869 §2.2). */
    public static byte[] extract(CipherSuite suite, byte[] salt, byte[] ikm) {
        HMac mac = new HMac(suite.newDigest());
        mac.init(new KeyParameter(salt.length == 0 ? new byte[suite.hashLength()] : salt));
        mac.update(ikm, 0, ikm.length);
        byte[] out = new byte[suite.hashLength()];
        mac.doFinal(out, 0);
        return out;
    }

    /** HKDF-Expand-Label(secret, label, context, length) (RFC 8446 §7.1, RFC 9147 §5.9). */
    public static byte[] expandLabel(CipherSuite suite, byte[] secret, String label, byte[] context, int length) {
        byte[] l = label.getBytes(StandardCharsets.US_ASCII);
        byte[] full = new byte[PREFIX.length + l.length];
        System.arraycopy(PREFIX, 0, full, 0, PREFIX.length);
        System.arraycopy(l, 0, full, PREFIX.length, l.length);
        byte[] info = new WireWriter(4 + full.length + context.length)
                .u16(length).vec8(full).vec8(context).toBytes();
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(suite.newDigest());
        hkdf.init(HKDFParameters.skipExtractParameters(secret, info));
        byte[] out = new byte[length];
        hkdf.generateBytes(out, 0, length);
        return out;
    }

    /** Derive-Secret(secret, label, messages) with the transcript hash already computed. */
    public static byte[] deriveSecret(CipherSuite suite, byte[] secret, String label, byte[] transcriptHash) {
        return expandLabel(suite, secret, label, transcriptHash, suite.hashLength());
    }

    public static byte[] hash(CipherSuite suite, byte[] data) {
        Digest d = suite.newDigest();
        d.update(data, 0, data.length);
        byte[] out = new byte[d.getDigestSize()];
        d.doFinal(out, 0);
        return out;
    }

    public static byte[] hmac(CipherSuite suite, byte[] key, byte[] data) {
        HMac mac = new HMac(suite.newDigest());
        mac.init(new KeyParameter(key));
        mac.update(data, 0, data.length);
        byte[] out = new byte[suite.hashLength()];
        mac.doFinal(out, 0);
        return out;
    }

    /** Finished.verify_data = HMAC(finished_key, transcript) (RFC 8446 §4.4.4). */
    public static byte[] finishedVerifyData(CipherSuite suite, byte[] baseKey, byte[] transcriptHash) {
        byte[] finishedKey = expandLabel(suite, baseKey, "finished", new byte[0], suite.hashLength());
        return hmac(suite, finishedKey, transcriptHash);
    }

    /** application_traffic_secret_N+1 (RFC 8446 §7.2). */
    public static byte[] nextTrafficSecret(CipherSuite suite, byte[] secret) {
        return expandLabel(suite, secret, "traffic upd", new byte[0], suite.hashLength());
    }

    /** TLS-Exporter(label, context, length) (RFC 8446 §7.5). */
    public static byte[] export(CipherSuite suite, byte[] exporterMasterSecret, String label,
                                byte[] context, int length) {
        byte[] empty = hash(suite, new byte[0]);
        byte[] secret = deriveSecret(suite, exporterMasterSecret, label, empty);
        return expandLabel(suite, secret, "exporter", hash(suite, context), length);
    }
}
