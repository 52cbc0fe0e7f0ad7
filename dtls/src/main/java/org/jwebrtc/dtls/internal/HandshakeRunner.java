package org.jwebrtc.dtls.internal;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.List;
import java.util.function.Consumer;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCryptoProvider;
import org.jwebrtc.dtls.DtlsCertificate;
import org.jwebrtc.dtls.DtlsRole;
import org.jwebrtc.dtls.SrtpProfile;
import org.jwebrtc.dtls.internal.dtls13.Dtls13Offer;

/**
 * The task run on the handshake executor: bctls's blocking connect/accept over the queue
 * transport, ending in exactly one {@link HandshakeResult}. JCA crypto (SunJCE AES-GCM uses the
 * CPU's AES instructions) rather than BC lightweight.
 */
public final class HandshakeRunner implements Runnable {
    private final DtlsRole role;
    private final DtlsCertificate local;
    private final List<SrtpProfile> profiles;
    private final ExpectedFingerprint expected;
    private final int handshakeTimeoutMillis;
    private final QueueDatagramTransport io;
    private final Consumer<HandshakeResult> done;
    private final boolean dtls13Capable;
    private final Dtls13Offer clientOffer;

    public HandshakeRunner(DtlsRole role, DtlsCertificate local, List<SrtpProfile> profiles,
                           ExpectedFingerprint expected, int handshakeTimeoutMillis,
                           QueueDatagramTransport io, Consumer<HandshakeResult> done) {
        this(role, local, profiles, expected, handshakeTimeoutMillis, io, done, false);
    }

    /**
     * @param dtls13Capable server only: this endpoint also speaks DTLS 1.3 (the 1.3 engine handed
     *                      a 1.2 ClientHello over), so the ServerHello carries the RFC 8446 §4.1.3
     *                      downgrade sentinel
     */
    public HandshakeRunner(DtlsRole role, DtlsCertificate local, List<SrtpProfile> profiles,
                           ExpectedFingerprint expected, int handshakeTimeoutMillis,
                           QueueDatagramTransport io, Consumer<HandshakeResult> done, boolean dtls13Capable) {
        this(role, local, profiles, expected, handshakeTimeoutMillis, io, done, dtls13Capable, null);
    }

    /**
     * @param clientOffer client only: the DTLS 1.3 additions to bctls's ClientHello (null: a 1.2-only
     *                    ClientHello); the owner's {@link ClientVersionNegotiation} decides who continues
     */
    public HandshakeRunner(DtlsRole role, DtlsCertificate local, List<SrtpProfile> profiles,
                           ExpectedFingerprint expected, int handshakeTimeoutMillis,
                           QueueDatagramTransport io, Consumer<HandshakeResult> done, boolean dtls13Capable,
                           Dtls13Offer clientOffer) {
        this.dtls13Capable = dtls13Capable;
        this.clientOffer = clientOffer;
        this.role = role;
        this.local = local;
        this.profiles = profiles;
        this.expected = expected;
        this.handshakeTimeoutMillis = handshakeTimeoutMillis;
        this.io = io;
        this.done = done;
    }

    @Override
    public void run() {
        HandshakeResult result;
        try {
            JcaTlsCrypto crypto = new JcaTlsCryptoProvider().create(new SecureRandom());
            WebRtcPeer peer;
            DTLSTransport transport;
            if (role == DtlsRole.CLIENT) {
                WebRtcTlsClient client = new WebRtcTlsClient(crypto, local.privateKey(), local.der(),
                        profiles, expected, handshakeTimeoutMillis, clientOffer);
                peer = client;
                transport = new DTLSClientProtocol().connect(client, io);
            } else {
                WebRtcTlsServer server = new WebRtcTlsServer(crypto, local.privateKey(), local.der(),
                        profiles, expected, handshakeTimeoutMillis, dtls13Capable);
                peer = server;
                DTLSServerProtocol protocol = new DTLSServerProtocol();
                // No HelloVerifyRequest: ICE connectivity checks already proved the peer's
                // address (RFC 8445 §7.2), so a cookie exchange would only add a round trip.
                protocol.setVerifyRequests(false);
                transport = protocol.accept(server, io);
            }
            result = new HandshakeResult.Success(transport, peer.srtp(), peer.remoteFingerprint(),
                    peer.cipherSuite());
        } catch (TlsFatalAlertReceived e) {
            result = new HandshakeResult.Failure("peer sent fatal alert "
                    + AlertDescription.getText(e.getAlertDescription()));
        } catch (TlsFatalAlert e) {
            String detail = e.getMessage() != null ? e.getMessage()
                    : AlertDescription.getText(e.getAlertDescription());
            if (e.getCause() != null && e.getMessage() == null) {
                detail = detail + ": " + e.getCause();
            }
            result = new HandshakeResult.Failure(detail);
        } catch (IOException | RuntimeException e) {
            result = new HandshakeResult.Failure(io.isClosed() ? "handshake aborted: transport closed"
                    : "handshake failed: " + e);
        }
        done.accept(result);
    }
}
