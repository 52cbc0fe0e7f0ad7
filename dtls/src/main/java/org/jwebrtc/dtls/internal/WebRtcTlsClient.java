package org.jwebrtc.dtls.internal;

import java.io.IOException;
import java.security.PrivateKey;
import java.util.Hashtable;
import java.util.List;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ExporterLabel;
import org.bouncycastle.tls.ExtensionType;
import org.bouncycastle.util.Arrays;
import org.jwebrtc.dtls.internal.dtls13.Dtls13Offer;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;
import org.jwebrtc.dtls.Fingerprint;
import org.jwebrtc.dtls.SrtpKeyingMaterial;
import org.jwebrtc.dtls.SrtpProfile;

/**
 * Our DTLS 1.2 client: Chromium's cipher suites, extended master secret required (RFC 7627 §5.2),
 * use_srtp (RFC 5764 §4.1.1), client certificate always sent, server certificate matched against
 * the SDP fingerprint. Without a {@link Dtls13Offer} it offers DTLS 1.2 only (no supported_versions).
 * With one, its ClientHello is also a DTLS 1.3 ClientHello (RFC 9147 §5.3): the 1.3 suites first,
 * supported_versions {DTLS 1.3, DTLS 1.2}, our supported_groups and key_share. bctls itself only
 * ever completes 1.2; {@link ClientVersionNegotiation} hands a 1.3 answer to the 1.3 engine.
 */
public final class WebRtcTlsClient extends DefaultTlsClient implements WebRtcPeer {
    private final PrivateKey key;
    private final Certificate chain;
    private final List<SrtpProfile> profiles;
    private final ExpectedFingerprint expected;
    private final int handshakeTimeoutMillis;
    private SrtpProfile selected;
    private Fingerprint remote;
    private SrtpKeyingMaterial srtp;
    private final Dtls13Offer offer;

    public WebRtcTlsClient(JcaTlsCrypto crypto, PrivateKey key, byte[] certDer, List<SrtpProfile> profiles,
                           ExpectedFingerprint expected, int handshakeTimeoutMillis) throws IOException {
        this(crypto, key, certDer, profiles, expected, handshakeTimeoutMillis, null);
    }

    /** @param offer the DTLS 1.3 additions to the ClientHello, or null for a 1.2-only ClientHello */
    public WebRtcTlsClient(JcaTlsCrypto crypto, PrivateKey key, byte[] certDer, List<SrtpProfile> profiles,
                           ExpectedFingerprint expected, int handshakeTimeoutMillis, Dtls13Offer offer)
            throws IOException {
        super(crypto);
        this.offer = offer;
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

    @Override
    protected int[] getSupportedCipherSuites() {
        int[] legacy = TlsUtils.getSupportedCipherSuites(getCrypto(), ChromiumCipherSuites.SUITES);
        if (offer == null) {
            return legacy;
        }
        // bctls writes the list as given; a 1.2 server ignores the 1.3 suites (RFC 8446 §4.1.2).
        return Arrays.concatenate(offer.cipherSuiteIds(), legacy);
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
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Hashtable getClientExtensions() throws IOException {
        Hashtable ext = super.getClientExtensions();
        if (ext == null) {
            ext = new Hashtable();
        }
        if (!profiles.isEmpty()) {
            TlsSRTPUtils.addUseSRTPExtension(ext, UseSrtpNegotiation.offer(profiles));
        }
        if (offer != null) {
            ext.put(ExtensionType.supported_versions, offer.supportedVersions());
            ext.put(ExtensionType.supported_groups, offer.supportedGroups());
            ext.put(ExtensionType.key_share, offer.keyShare());
        }
        return ext;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void processServerExtensions(Hashtable serverExtensions) throws IOException {
        super.processServerExtensions(serverExtensions);
        if (!profiles.isEmpty()) {
            selected = UseSrtpNegotiation.accept(
                    serverExtensions == null ? null : TlsSRTPUtils.getUseSRTPExtension(serverExtensions), profiles);
        }
    }

    @Override
    public TlsAuthentication getAuthentication() {
        return new TlsAuthentication() {
            @Override
            public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
                remote = CertificateCheck.verify(serverCertificate.getCertificate(), expected,
                        handshakeTimeoutMillis);
            }

            @Override
            public TlsCredentials getClientCredentials(CertificateRequest request) throws IOException {
                if (request.getCertificateTypes() != null && !contains(request.getCertificateTypes())) {
                    throw new TlsFatalAlert(AlertDescription.handshake_failure,
                            "server does not accept ECDSA client certificates");
                }
                return new JcaDefaultTlsCredentialedSigner(new TlsCryptoParameters(context),
                        (JcaTlsCrypto) getCrypto(), key, chain,
                        TlsUtils.chooseSignatureAndHashAlgorithm(context,
                                request.getSupportedSignatureAlgorithms(), SignatureAlgorithm.ecdsa));
            }
        };
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        if (remote == null) {
            throw new TlsFatalAlert(AlertDescription.internal_error, "server certificate was never checked");
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

    private static boolean contains(short[] types) {
        for (short t : types) {
            if (t == org.bouncycastle.tls.ClientCertificateType.ecdsa_sign) {
                return true;
            }
        }
        return false;
    }
}
