package org.jwebrtc.dtls;

import java.io.IOException;
import java.util.Hashtable;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ExporterLabel;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsExtensionsUtils;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;

/**
 * A bctls DTLS 1.2 client whose ClientHello also carries supported_versions = {DTLS 1.3 (0xFEFC),
 * DTLS 1.2 (0xFEFD)}, as Chromium's does since it enabled DTLS 1.3. bctls 1.84 cannot speak DTLS
 * 1.3, so the extension is added by hand; the rest of the handshake is plain 1.2.
 */
final class Dtls13OfferingClient extends DefaultTlsClient {
    private final DtlsCertificate cert;
    volatile byte[] serverCertificateDer;

    Dtls13OfferingClient(JcaTlsCrypto crypto, DtlsCertificate cert) {
        super(crypto);
        this.cert = cert;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return ProtocolVersion.DTLSv12.only();
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Hashtable getClientExtensions() throws IOException {
        Hashtable ext = super.getClientExtensions();
        TlsExtensionsUtils.addSupportedVersionsExtensionClient(ext,
                new ProtocolVersion[] {ProtocolVersion.DTLSv13, ProtocolVersion.DTLSv12});
        TlsSRTPUtils.addUseSRTPExtension(ext, new UseSRTPData(
                new int[] {SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80.id()}, TlsUtils.EMPTY_BYTES));
        return ext;
    }

    /** The RFC 5764 §4.2 export as this peer computed it (bctls allows it only here). */
    volatile byte[] exported;

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        exported = context.exportKeyingMaterial(ExporterLabel.dtls_srtp, null, 60);
    }

    @Override
    public TlsAuthentication getAuthentication() {
        return new TlsAuthentication() {
            @Override
            public void notifyServerCertificate(TlsServerCertificate sc) throws IOException {
                serverCertificateDer = sc.getCertificate().getCertificateAt(0).getEncoded();
            }

            @Override
            public TlsCredentials getClientCredentials(CertificateRequest request) throws IOException {
                JcaTlsCrypto crypto = (JcaTlsCrypto) getCrypto();
                Certificate chain = new Certificate(new TlsCertificate[] {crypto.createCertificate(cert.der())});
                return new JcaDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), crypto,
                        cert.privateKey(), chain, TlsUtils.chooseSignatureAndHashAlgorithm(context,
                        request.getSupportedSignatureAlgorithms(), SignatureAlgorithm.ecdsa));
            }
        };
    }
}
