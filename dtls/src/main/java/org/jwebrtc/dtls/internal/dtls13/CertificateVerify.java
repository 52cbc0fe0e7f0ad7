package org.jwebrtc.dtls.internal.dtls13;

import java.nio.charset.StandardCharsets;
import org.jwebrtc.dtls.DtlsException;

/** CertificateVerify (RFC 8446 §4.4.3): SignatureScheme and signature. */
public record CertificateVerify(int scheme, byte[] signature) {
    /** ecdsa_secp256r1_sha256 (RFC 8446 §4.2.3). */
    public static final int ECDSA_SECP256R1_SHA256 = 0x0403;

    public CertificateVerify {
        signature = signature.clone();
    }

    public static CertificateVerify parse(byte[] body) throws DtlsException {
        WireReader r = new WireReader(body);
        int scheme = r.u16("algorithm");
        byte[] sig = r.vec16(1, "signature");
        r.expectEnd("CertificateVerify");
        return new CertificateVerify(scheme, sig);
    }

    public byte[] encode() {
        return new WireWriter(4 + signature.length).u16(scheme).vec16(signature).toBytes();
    }

    /**
     * The signed content: 64 spaces, the context string, a zero byte, the transcript hash
     * (RFC 8446 §4.4.3; RFC 9147 keeps the "TLS 1.3" strings).
     */
    public static byte[] signedContent(boolean server, byte[] transcriptHash) {
        byte[] ctx = (server ? "TLS 1.3, server CertificateVerify" : "TLS 1.3, client CertificateVerify")
                .getBytes(StandardCharsets.US_ASCII);
        WireWriter w = new WireWriter(64 + ctx.length + 1 + transcriptHash.length);
        for (int i = 0; i < 64; i++) {
            w.u8(0x20);
        }
        return w.bytes(ctx).u8(0).bytes(transcriptHash).toBytes();
    }
}
