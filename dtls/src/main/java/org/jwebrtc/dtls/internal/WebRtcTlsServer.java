package org.jwebrtc.dtls.internal;

import java.io.IOException;
import java.security.PrivateKey;
import java.util.Hashtable;
import java.util.List;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ExporterLabel;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;
import org.jwebrtc.dtls.Fingerprint;
import org.jwebrtc.dtls.SrtpKeyingMaterial;
import org.jwebrtc.dtls.SrtpProfile;

/**
 * Our DTLS 1.2 server: negotiates DTLS 1.2 even when the ClientHello's supported_versions also
 * offers DTLS 1.3 (bctls picks the highest version both support), ECDHE_ECDSA suites only (our
 * key is P-256), extended master secret required (RFC 7627 §5.2), use_srtp by our preference
 * (RFC 5764 §4.1.1), and a CertificateRequest so the client must authenticate (RFC 8827 §6.5).
 */
public final class WebRtcTlsServer extends DefaultTlsServer implements WebRtcPeer {
    private final PrivateKey key;
    private final Certificate chain;
    private final List<SrtpProfile> profiles;
    private final ExpectedFingerprint expected;
    private final int handshakeTimeoutMillis;
    private SrtpProfile selected;
    private Fingerprint remote;
    private SrtpKeyingMaterial srtp;
    private final boolean dtls13Capable;

    public WebRtcTlsServer(JcaTlsCrypto crypto, PrivateKey key, byte[] certDer, List<SrtpProfile> profiles,
                           ExpectedFingerprint expected, int handshakeTimeoutMillis) throws IOException {
        this(crypto, key, certDer, profiles, expected, handshakeTimeoutMillis, false);
    }

    /** {@code dtls13Capable}: see {@link #getProtocolVersions()}. */
    public WebRtcTlsServer(JcaTlsCrypto crypto, PrivateKey key, byte[] certDer, List<SrtpProfile> profiles,
                           ExpectedFingerprint expected, int handshakeTimeoutMillis, boolean dtls13Capable)
            throws IOException {
        super(crypto);
        this.dtls13Capable = dtls13Capable;
        this.key = key;
        this.chain = PeerCredentials.chain(crypto, certDer);
        this.profiles = profiles;
        this.expected = expected;
        this.handshakeTimeoutMillis = handshakeTimeoutMillis;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return ProtocolVersion.DTLSv12.only();
    }

    /**
     * When our DTLS 1.3 engine handed this (1.2-only) ClientHello over, we are a 1.3-capable server
     * negotiating 1.2: listing 1.3 here makes bctls write the RFC 8446 §4.1.3 sentinel
     * ("DOWNGRD\1") into ServerHello.random. The client offered no 1.3, so 1.2 is still chosen.
     */
    @Override
    public ProtocolVersion[] getProtocolVersions() {
        return dtls13Capable ? ProtocolVersion.DTLSv13.downTo(ProtocolVersion.DTLSv12) : super.getProtocolVersions();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return TlsUtils.getSupportedCipherSuites(getCrypto(), ChromiumCipherSuites.ECDSA_SUITES);
    }

    @Override
    public boolean requiresExtendedMasterSecret() {
        return true;
    }

    @Override
    public int getHandshakeTimeoutMillis() {
        return handshakeTimeoutMillis;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void processClientExtensions(Hashtable clientExtensions) throws IOException {
        super.processClientExtensions(clientExtensions);
        if (!profiles.isEmpty()) {
            UseSRTPData offer = clientExtensions == null ? null : TlsSRTPUtils.getUseSRTPExtension(clientExtensions);
            selected = UseSrtpNegotiation.select(offer, profiles);
        }
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Hashtable getServerExtensions() throws IOException {
        Hashtable ext = super.getServerExtensions();
        if (selected != null) {
            TlsSRTPUtils.addUseSRTPExtension(ext, UseSrtpNegotiation.answer(selected));
        }
        return ext;
    }

    @Override
    public CertificateRequest getCertificateRequest() {
        // RFC 8827 §6.5: both sides present certificates; the client's is checked like ours.
        short[] types = {ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign};
        return new CertificateRequest(types, TlsUtils.getDefaultSupportedSignatureAlgorithms(context), null);
    }

    @Override
    public void notifyClientCertificate(Certificate clientCertificate) throws IOException {
        remote = CertificateCheck.verify(clientCertificate, expected, handshakeTimeoutMillis);
    }

    @Override
    protected TlsCredentialedSigner getECDSASignerCredentials() throws IOException {
        return new JcaDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), (JcaTlsCrypto) getCrypto(),
                key, chain, TlsUtils.chooseSignatureAndHashAlgorithm(context,
                        context.getSecurityParametersHandshake().getClientSigAlgs(), SignatureAlgorithm.ecdsa));
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        if (remote == null) {
            throw new TlsFatalAlert(AlertDescription.internal_error, "client certificate was never checked");
        }
        if (selected != null) {
            srtp = SrtpKeyingMaterial.split(selected, context.exportKeyingMaterial(
                    ExporterLabel.dtls_srtp, null, selected.keyingMaterialLength()));
        }
    }

    @Override
    public Fingerprint remoteFingerprint() {
        return remote;
    }

    @Override
    public SrtpKeyingMaterial srtp() {
        return srtp;
    }

    @Override
    public int cipherSuite() {
        return context.getSecurityParametersConnection().getCipherSuite();
    }
}
