package org.jwebrtc.dtls.internal.dtls13;

import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jwebrtc.dtls.DtlsCertificate;
import org.jwebrtc.dtls.DtlsEvent;
import org.jwebrtc.dtls.DtlsException;
import org.jwebrtc.dtls.DtlsRole;
import org.jwebrtc.dtls.Fingerprint;
import org.jwebrtc.dtls.SrtpKeyingMaterial;
import org.jwebrtc.dtls.SrtpProfile;
import org.jwebrtc.dtls.internal.ExpectedFingerprint;

/**
 * A sans-IO DTLS 1.3 endpoint (RFC 9147 over RFC 8446) for WebRTC: 1-RTT full handshake with
 * mutual certificate authentication checked against the SDP fingerprint, HelloRetryRequest (group
 * and cookie), use_srtp and the "EXTRACTOR-dtls_srtp" exporter, ACK-based flight reliability with
 * timers driven by {@code nowNanos}, KeyUpdate, close_notify. Not thread-safe: owned by one thread.
 *
 * <p>Contract: after any call drain {@link #pollTransmit()} and {@link #pollEvent()} until null,
 * then call {@link #handleTimeout} at {@link #pollTimeout()}.
 */
public final class Dtls13Connection {
    /** DTLS 1.3 and 1.2 wire versions (RFC 9147 §5.3). */
    public static final int DTLS13 = 0xFEFC;
    public static final int DTLS12 = 0xFEFD;
    private static final long MAX_RTO_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final String SRTP_LABEL = "EXTRACTOR-dtls_srtp";

    private enum State {
        NEW, CLIENT_WAIT_SH, CLIENT_WAIT_EE, CLIENT_WAIT_CERT_CR, CLIENT_WAIT_CERT, CLIENT_WAIT_CV,
        CLIENT_WAIT_FINISHED, SERVER_WAIT_CH, SERVER_WAIT_CERT, SERVER_WAIT_CV, SERVER_WAIT_FINISHED,
        WAIT_FINGERPRINT, CONNECTED, CLOSED, FAILED, FALLBACK
    }

    private final DtlsRole role;
    private final DtlsCertificate local;
    private final ExpectedFingerprint expected;
    private final Dtls13Config config;
    private final SecureRandom random;
    private final RecordLayer records = new RecordLayer();
    private final Reassembler reassembler = new Reassembler();
    private final ByteArrayOutputStream transcript = new ByteArrayOutputStream(4096);
    private final ArrayDeque<byte[]> transmits = new ArrayDeque<>();
    private final ArrayDeque<DtlsEvent> events = new ArrayDeque<>();
    private final List<RecordNumber> peerFlightRecords = new ArrayList<>();
    private final List<byte[]> rawBeforeVersion = new ArrayList<>();

    private State state = State.NEW;
    private long now;
    private long handshakeDeadline = Long.MAX_VALUE;
    private long retransmitDeadline = Long.MAX_VALUE;
    private long ackDeadline = Long.MAX_VALUE;
    private long rtoNanos;
    private long lastTransmit = Long.MIN_VALUE / 2;
    private Flight flight;
    private int sendSeq;

    // negotiation
    private byte[] clientRandom;
    private byte[] sessionId = new byte[0];
    private CipherSuite suite;
    private NamedGroup group;
    private List<NamedGroup.ClientShare> clientShares = List.of();
    private boolean helloRetried;
    private byte[] cookie;
    /** The ClientHello bctls wrote for us when this client was adopted; the template for ClientHello2. */
    private ClientHello adoptedHello;
    private SrtpProfile srtpProfile;
    private boolean certificateRequested;
    private byte[] certificateRequestContext = new byte[0];
    private byte[] peerCertificate;
    private java.security.PublicKey peerKey;
    private Fingerprint remoteFingerprint;
    private Runnable afterFingerprint;

    // secrets (RFC 8446 §7.1)
    private byte[] clientHsSecret;
    private byte[] serverHsSecret;
    private byte[] masterSecret;
    private byte[] clientAppSecret;
    private byte[] serverAppSecret;
    private byte[] exporterSecret;
    private long writeEpoch;
    private long readEpoch;
    private boolean keyUpdatePending;
    private boolean retryDeferred;

    private long receivedRecords;
    private long sentRecords;
    private long droppedDatagrams;
    private long downgradesRejected;

    public Dtls13Connection(DtlsRole role, DtlsCertificate local, ExpectedFingerprint expected,
                            Dtls13Config config, SecureRandom random) {
        this.role = Objects.requireNonNull(role, "role");
        this.local = Objects.requireNonNull(local, "local");
        this.expected = Objects.requireNonNull(expected, "expected");
        this.config = Objects.requireNonNull(config, "config");
        this.random = Objects.requireNonNull(random, "random");
        this.rtoNanos = config.initialRetransmit().toNanos();
    }

    // ------------------------------------------------------------------ public surface

    public void start(long nowNanos) {
        if (state != State.NEW) {
            throw new IllegalStateException("start() called twice");
        }
        now = nowNanos;
        handshakeDeadline = nowNanos + config.handshakeTimeout().toNanos();
        if (role == DtlsRole.SERVER) {
            state = State.SERVER_WAIT_CH;
            return;
        }
        clientRandom = randomBytes(32);
        clientShares = new ArrayList<>();
        for (NamedGroup g : config.clientKeyShares()) {
            clientShares.add(g.generate(random));
        }
        state = State.CLIENT_WAIT_SH;
        sendClientHello();
    }

    /**
     * Client only, instead of {@link #start}: continue a handshake whose first ClientHello another
     * implementation (the bctls DTLS 1.2 client) sent, after the server answered it with a DTLS 1.3
     * ServerHello or HelloRetryRequest. The transcript starts with that ClientHello (RFC 8446 §4.4.1);
     * a ClientHello2 after an HRR is derived from it (RFC 8446 §4.1.2).
     *
     * @param startNanos when the handshake began (its timeout counts from there)
     * @param clientHelloBody the ClientHello body as sent
     * @param clientHelloSeq its message_seq (ours continue from there)
     * @param nextPlaintextSeq first epoch-0 record sequence number not yet used by the other implementation
     * @param shares the private halves of the key_share entries in that ClientHello
     * @param serverFirstSeq message_seq of the server's first message (its ServerHello or HRR)
     */
    public void adoptClientHello(long startNanos, long nowNanos, byte[] clientHelloBody, int clientHelloSeq,
                                 long nextPlaintextSeq, List<NamedGroup.ClientShare> shares, int serverFirstSeq) {
        if (state != State.NEW || role != DtlsRole.CLIENT) {
            throw new IllegalStateException("only a new client can adopt a ClientHello (state " + state + ")");
        }
        ClientHello ch;
        try {
            ch = ClientHello.parse(clientHelloBody);
        } catch (DtlsException e) {
            throw new IllegalArgumentException("adopted ClientHello does not parse: " + e.getMessage(), e);
        }
        now = nowNanos;
        handshakeDeadline = startNanos + config.handshakeTimeout().toNanos();
        adoptedHello = ch;
        clientRandom = ch.random();
        sessionId = ch.sessionId();
        clientShares = List.copyOf(shares);
        sendSeq = clientHelloSeq + 1;
        records.reserveWriteSequence(0, nextPlaintextSeq);
        reassembler.skipTo(serverFirstSeq);
        appendTranscript(HandshakeType.CLIENT_HELLO, clientHelloBody);
        state = State.CLIENT_WAIT_SH;
    }

    public void handleInput(long nowNanos, byte[] buf, int off, int len) {
        Objects.checkFromIndexSize(off, len, buf.length);
        now = nowNanos;
        if (state == State.NEW || state == State.CLOSED || state == State.FAILED || state == State.FALLBACK) {
            droppedDatagrams++;
            return;
        }
        if (state == State.SERVER_WAIT_CH && config.allowDtls12Fallback() && rawBeforeVersion.size() < 16) {
            // bounded: a ClientHello fits in a few datagrams; junk before it must not grow this
            rawBeforeVersion.add(Arrays.copyOfRange(buf, off, off + len));
        }
        List<RecordLayer.Received> recs = records.decode(buf, off, len);
        if (recs.isEmpty()) {
            droppedDatagrams++;
        }
        boolean peerRetransmitted = false;
        for (RecordLayer.Received r : recs) {
            if (state == State.CLOSED || state == State.FAILED || state == State.FALLBACK) {
                return;
            }
            try {
                peerRetransmitted |= onRecord(r);
            } catch (AlertException e) {
                fatal(e.alert(), e.getMessage());
                return;
            }
        }
        if (peerRetransmitted) {
            onPeerRetransmission();
        }
        processDeferred();
    }

    /** Records that arrived before their keys, opened once new read keys exist. */
    private void processDeferred() {
        while (retryDeferred && state != State.CLOSED && state != State.FAILED && state != State.FALLBACK) {
            retryDeferred = false;
            for (RecordLayer.Received r : records.retryDeferred()) {
                try {
                    onRecord(r);
                } catch (AlertException e) {
                    fatal(e.alert(), e.getMessage());
                    return;
                }
            }
        }
    }

    public void handleTimeout(long nowNanos) {
        now = nowNanos;
        if (state == State.CLOSED || state == State.FAILED || state == State.FALLBACK || state == State.NEW) {
            return;
        }
        if (state != State.CONNECTED && nowNanos - handshakeDeadline >= 0) {
            fatal(AlertDescription.HANDSHAKE_FAILURE, "DTLS 1.3 handshake timed out after " + config.handshakeTimeout());
            return;
        }
        if (nowNanos - ackDeadline >= 0) {
            ackDeadline = Long.MAX_VALUE;
            sendAck();
        }
        if (flight != null && nowNanos - retransmitDeadline >= 0) {
            if (rtoNanos >= MAX_RTO_NANOS && state == State.CONNECTED) {
                flight = null;   // peer gone quiet after the handshake: stop, the owner's liveness check decides
                retransmitDeadline = Long.MAX_VALUE;
                return;
            }
            rtoNanos = Math.min(rtoNanos * 2, MAX_RTO_NANOS);   // RFC 9147 §5.8.2 back-off
            transmitFlight();
        }
    }

    public byte[] pollTransmit() {
        return transmits.poll();
    }

    public DtlsEvent pollEvent() {
        return events.poll();
    }

    public long pollTimeout() {
        if (state == State.CLOSED || state == State.FAILED || state == State.FALLBACK || state == State.NEW) {
            return Long.MAX_VALUE;
        }
        long t = Math.min(flight != null ? retransmitDeadline : Long.MAX_VALUE, ackDeadline);
        return state == State.CONNECTED ? t : Math.min(t, handshakeDeadline);
    }

    /** For diagnostics and tests: the handshake state's name. */
    public String stateName() {
        return state.name();
    }

    public boolean isConnected() {
        return state == State.CONNECTED;
    }

    /** The server saw a ClientHello without DTLS 1.3: the DTLS 1.2 path must take over. */
    public boolean wantsDtls12Fallback() {
        return state == State.FALLBACK;
    }

    /** The datagrams received so far, for the DTLS 1.2 path to replay after a fallback. */
    public List<byte[]> receivedBeforeFallback() {
        return List.copyOf(rawBeforeVersion);
    }

    /** Largest {@code len} accepted by {@link #send}. */
    public int maxApplicationData() {
        return config.mtu() - RecordLayer.CIPHERTEXT_OVERHEAD;
    }

    /** Encrypts one application_data record in the current epoch (RFC 9147 §4). */
    public void send(byte[] buf, int off, int len) {
        Objects.checkFromIndexSize(off, len, buf.length);
        if (state != State.CONNECTED) {
            throw new IllegalStateException("DTLS 1.3 not connected (state " + state + ")");
        }
        if (len > maxApplicationData()) {
            throw new IllegalArgumentException(len + " bytes exceed one record of at most " + maxApplicationData());
        }
        transmits.add(records.encode(ContentType.APPLICATION_DATA, buf, off, len, writeEpoch).bytes());
        sentRecords++;
    }

    /**
     * Sends a KeyUpdate (RFC 9147 §8): our new keys take effect once the peer ACKs it;
     * {@code requestPeerUpdate} asks the peer to update its keys too.
     */
    public void updateKeys(boolean requestPeerUpdate) {
        if (state != State.CONNECTED) {
            throw new IllegalStateException("KeyUpdate needs an established connection");
        }
        if (keyUpdatePending) {
            throw new IllegalStateException("a KeyUpdate is already waiting for its ACK");
        }
        sendKeyUpdate(requestPeerUpdate);
    }

    /** The epoch our records are sent in (3 after the handshake, +1 per acknowledged KeyUpdate). */
    public long writeEpoch() {
        return writeEpoch;
    }

    public long readEpoch() {
        return readEpoch;
    }

    /** Sends close_notify (RFC 8446 §6.1) when connected; idempotent. */
    public void close() {
        if (state == State.CLOSED || state == State.FAILED) {
            return;
        }
        if (state == State.CONNECTED) {
            sendAlert(1, AlertDescription.CLOSE_NOTIFY);
        }
        state = State.CLOSED;
        flight = null;
        events.add(new DtlsEvent.Closed(false));
    }

    /** The remote SDP fingerprint became known: finish a handshake that waited for it. */
    public void fingerprintAvailable() {
        if (state == State.WAIT_FINGERPRINT && afterFingerprint != null) {
            Runnable r = afterFingerprint;
            afterFingerprint = null;
            r.run();
            processDeferred();
        }
    }

    public CipherSuite cipherSuite() {
        return suite;
    }

    public NamedGroup group() {
        return group;
    }

    public boolean helloRetried() {
        return helloRetried;
    }

    public long receivedRecords() {
        return receivedRecords;
    }

    public long sentRecords() {
        return sentRecords;
    }

    public long droppedDatagrams() {
        return droppedDatagrams;
    }

    /** ServerHellos refused for carrying the RFC 8446 §4.1.3 downgrade sentinel. */
    public long downgradesRejected() {
        return downgradesRejected;
    }

    public long authFailures() {
        return records.authFailures();
    }

    public long replayedRecords() {
        return records.replays();
    }

    /** TLS-Exporter (RFC 8446 §7.5) once connected. */
    public byte[] export(String label, byte[] context, int length) {
        if (exporterSecret == null) {
            throw new IllegalStateException("no exporter secret before the handshake completes");
        }
        return KeySchedule.export(suite, exporterSecret, label, context, length);
    }

    // ------------------------------------------------------------------ records

    /** Returns true if the record showed the peer retransmitting an old flight. */
    private boolean onRecord(RecordLayer.Received r) throws AlertException {
        switch (r.type()) {
            case ContentType.HANDSHAKE -> {
                return onHandshakeRecord(r);
            }
            case ContentType.ACK -> onAck(r);
            case ContentType.ALERT -> onAlert(r);
            case ContentType.APPLICATION_DATA -> {
                if (r.number().epoch() < 3 || state != State.CONNECTED) {
                    droppedDatagrams++;   // RFC 8446 §5: no application data before keys are in place
                } else {
                    receivedRecords++;
                    events.add(new DtlsEvent.ApplicationData(r.content()));
                }
            }
            default -> droppedDatagrams++;   // change_cipher_spec and unknown types (RFC 9147 §4.5.2)
        }
        return false;
    }

    private boolean onHandshakeRecord(RecordLayer.Received r) throws AlertException {
        WireReader rd = new WireReader(r.content());
        boolean old = false;
        boolean fresh = false;
        try {
            while (rd.hasRemaining()) {
                HandshakeFragment f = HandshakeFragment.parse(rd);
                Reassembler.Result res = reassembler.add(f, r.number().epoch());
                old |= res == Reassembler.Result.OLD_MESSAGE;
                fresh |= res == Reassembler.Result.NEW_DATA;
            }
        } catch (DtlsException e) {
            throw new AlertException(AlertDescription.DECODE_ERROR, "bad handshake record: " + e.getMessage());
        }
        if (fresh || old) {
            if (!peerFlightRecords.contains(r.number())) {
                peerFlightRecords.add(r.number());
            }
        }
        for (HandshakeMessage m; (m = reassembler.poll()) != null; ) {
            if (state == State.CLOSED || state == State.FAILED || state == State.FALLBACK) {
                return false;
            }
            onMessage(m);
        }
        if (reassembler.hasPartial() && ackDeadline == Long.MAX_VALUE) {
            ackDeadline = now + rtoNanos / 4;   // RFC 9147 §7.1: ACK a partial flight after a short delay
        }
        return old;
    }

    private void onAck(RecordLayer.Received r) throws AlertException {
        Ack ack;
        try {
            ack = Ack.parse(r.content());
        } catch (DtlsException e) {
            throw new AlertException(AlertDescription.DECODE_ERROR, "bad ACK: " + e.getMessage());
        }
        if (flight == null) {
            return;
        }
        int fresh = flight.ack(ack.recordNumbers());
        if (flight.isFullyAcked()) {
            flightDelivered();
        } else if (fresh > 0) {
            transmitFlight();   // RFC 9147 §5.8.1: an ACK for a partial flight → resend the rest now
        }
    }

    private void onAlert(RecordLayer.Received r) {
        byte[] c = r.content();
        if (c.length != 2) {
            droppedDatagrams++;
            return;
        }
        int desc = c[1] & 0xFF;
        if (desc == AlertDescription.CLOSE_NOTIFY) {
            if (state == State.CONNECTED) {
                state = State.CLOSED;
                flight = null;
                events.add(new DtlsEvent.Closed(true));
            }
            return;
        }
        if (desc == AlertDescription.USER_CANCELED) {
            return;   // RFC 8446 §6.1: a warning; close_notify follows
        }
        state = State.FAILED;
        flight = null;
        events.add(new DtlsEvent.Failed("peer sent fatal alert " + AlertDescription.text(desc)));
    }

    // ------------------------------------------------------------------ handshake messages

    private void onMessage(HandshakeMessage m) throws AlertException {
        boolean plaintextType = m.type() == HandshakeType.CLIENT_HELLO || m.type() == HandshakeType.SERVER_HELLO;
        if (plaintextType != (m.epoch() == 0)) {
            throw new AlertException(AlertDescription.UNEXPECTED_MESSAGE,
                    "handshake message " + m.type() + " in epoch " + m.epoch());
        }
        try {
            switch (state) {
                case SERVER_WAIT_CH -> serverOnClientHello(expect(m, HandshakeType.CLIENT_HELLO));
                case CLIENT_WAIT_SH -> clientOnServerHello(expect(m, HandshakeType.SERVER_HELLO));
                case CLIENT_WAIT_EE -> clientOnEncryptedExtensions(expect(m, HandshakeType.ENCRYPTED_EXTENSIONS));
                case CLIENT_WAIT_CERT_CR -> {
                    if (m.type() == HandshakeType.CERTIFICATE_REQUEST) {
                        clientOnCertificateRequest(m);
                    } else {
                        onPeerCertificate(expect(m, HandshakeType.CERTIFICATE), State.CLIENT_WAIT_CV);
                    }
                }
                case CLIENT_WAIT_CERT -> onPeerCertificate(expect(m, HandshakeType.CERTIFICATE), State.CLIENT_WAIT_CV);
                case CLIENT_WAIT_CV -> onPeerCertificateVerify(expect(m, HandshakeType.CERTIFICATE_VERIFY),
                        State.CLIENT_WAIT_FINISHED);
                case CLIENT_WAIT_FINISHED -> clientOnFinished(expect(m, HandshakeType.FINISHED));
                case SERVER_WAIT_CERT -> {
                    flightImplicitlyAcked();
                    onPeerCertificate(expect(m, HandshakeType.CERTIFICATE), State.SERVER_WAIT_CV);
                }
                case SERVER_WAIT_CV -> onPeerCertificateVerify(expect(m, HandshakeType.CERTIFICATE_VERIFY),
                        State.SERVER_WAIT_FINISHED);
                case SERVER_WAIT_FINISHED -> serverOnFinished(expect(m, HandshakeType.FINISHED));
                case CONNECTED -> onPostHandshake(m);
                default -> throw new AlertException(AlertDescription.UNEXPECTED_MESSAGE,
                        "handshake message " + m.type() + " in state " + state);
            }
        } catch (DtlsException e) {
            throw new AlertException(AlertDescription.DECODE_ERROR,
                    "malformed handshake message " + m.type() + ": " + e.getMessage());
        }
    }

    private static HandshakeMessage expect(HandshakeMessage m, int type) throws AlertException {
        if (m.type() != type) {
            throw new AlertException(AlertDescription.UNEXPECTED_MESSAGE,
                    "expected handshake message " + type + ", got " + m.type());
        }
        return m;
    }

    // ---- client

    private ClientHello buildClientHello() {
        if (adoptedHello != null) {
            return adoptedClientHello2();
        }
        List<Extension> ext = new ArrayList<>();
        ext.add(new Extension(Extension.SUPPORTED_VERSIONS, Extension.u16List(
                config.offerDtls12() ? List.of(DTLS13, DTLS12) : List.of(DTLS13), 1)));
        ext.add(new Extension(Extension.SUPPORTED_GROUPS,
                Extension.u16List(config.groups().stream().map(NamedGroup::id).toList(), 2)));
        ext.add(new Extension(Extension.SIGNATURE_ALGORITHMS,
                Extension.u16List(List.of(CertificateVerify.ECDSA_SECP256R1_SHA256), 2)));
        ext.add(new Extension(Extension.KEY_SHARE, Dtls13Offer.keyShareData(clientShares)));
        if (!config.srtpProfiles().isEmpty()) {
            ext.add(new Extension(Extension.USE_SRTP, UseSrtp.encode(config.srtpProfiles().stream()
                    .map(SrtpProfile::id).toList())));
        }
        if (cookie != null) {
            ext.add(new Extension(Extension.COOKIE, new WireWriter(cookie.length + 2).vec16(cookie).toBytes()));
        }
        List<Integer> suites = new ArrayList<>(config.cipherSuites().stream().map(CipherSuite::id).toList());
        if (config.offerDtls12()) {
            // A well-formed 1.2 offer too (as Chromium sends), so a 1.2 server answers with a
            // ServerHello whose downgrade sentinel we can check instead of a bare handshake_failure:
            // ECDHE_ECDSA AES-128-GCM / AES-256-GCM / ChaCha20, extended_master_secret (RFC 7627),
            // ec_point_formats {uncompressed} (RFC 8422 §5.1.2), renegotiation_info.
            suites.addAll(List.of(0xC02B, 0xC02C, 0xCCA9));
            ext.add(new Extension(23, new byte[0]));
            ext.add(new Extension(11, new byte[] {1, 0}));
            ext.add(new Extension(0xFF01, new byte[] {0}));   // renegotiation_info, empty (RFC 5746 §3.4)
        }
        return new ClientHello(DTLS12, clientRandom, sessionId, new byte[0], suites, ext);
    }

    /**
     * RFC 8446 §4.1.2: ClientHello2 repeats ClientHello1 except for the key_share (the group the
     * HelloRetryRequest selected) and the cookie it sent.
     */
    private ClientHello adoptedClientHello2() {
        List<Extension> ext = new ArrayList<>();
        for (Extension e : adoptedHello.extensions()) {
            if (e.type() == Extension.KEY_SHARE) {
                ext.add(new Extension(Extension.KEY_SHARE, Dtls13Offer.keyShareData(clientShares)));
            } else if (e.type() != Extension.COOKIE) {
                ext.add(e);
            }
        }
        if (cookie != null) {
            ext.add(new Extension(Extension.COOKIE, new WireWriter(cookie.length + 2).vec16(cookie).toBytes()));
        }
        return new ClientHello(adoptedHello.legacyVersion(), adoptedHello.random(), adoptedHello.sessionId(),
                adoptedHello.legacyCookie(), adoptedHello.cipherSuites(), ext);
    }

    private void clientOnServerHello(HandshakeMessage m) throws AlertException, DtlsException {
        ServerHello sh = ServerHello.parse(m.body());
        Optional<Extension> sv = Extension.find(sh.extensions(), Extension.SUPPORTED_VERSIONS);
        if (sv.isEmpty()) {
            // RFC 8446 §4.1.3: a 1.3 client that gets a lower version checks the sentinel.
            if (sh.hasDowngradeSentinel()) {
                downgradesRejected++;
                throw new AlertException(AlertDescription.ILLEGAL_PARAMETER,
                        "downgrade detected: ServerHello.random carries the RFC 8446 §4.1.3 sentinel");
            }
            throw new AlertException(AlertDescription.PROTOCOL_VERSION,
                    "server chose DTLS 0x" + Integer.toHexString(sh.legacyVersion())
                            + "; this DTLS 1.3 client does not fall back to 1.2");
        }
        int version = new WireReader(sv.get().data()).u16("selected_version");
        if (version != DTLS13 || sv.get().data().length != 2) {
            throw new AlertException(AlertDescription.ILLEGAL_PARAMETER, "selected_version must be DTLS 1.3");
        }
        if (!Arrays.equals(sh.sessionIdEcho(), sessionId)) {
            throw new AlertException(AlertDescription.ILLEGAL_PARAMETER, "legacy_session_id_echo mismatch");
        }
        CipherSuite s = CipherSuite.fromId(sh.cipherSuite()).filter(config.cipherSuites()::contains)
                .orElseThrow(() -> new AlertException(AlertDescription.ILLEGAL_PARAMETER,
                        "server chose a cipher suite we did not offer: 0x" + Integer.toHexString(sh.cipherSuite())));
        if (suite != null && suite != s) {
            throw new AlertException(AlertDescription.ILLEGAL_PARAMETER, "cipher suite changed after HelloRetryRequest");
        }
        suite = s;
        flightImplicitlyAcked();
        if (sh.isHelloRetryRequest()) {
            clientOnHelloRetryRequest(sh, m);
            return;
        }
        byte[] ks = Extension.find(sh.extensions(), Extension.KEY_SHARE)
                .orElseThrow(() -> new AlertException(AlertDescription.MISSING_EXTENSION, "ServerHello without key_share"))
                .data();
        WireReader kr = new WireReader(ks);
        int gid = kr.u16("group");
        byte[] serverShare = kr.vec16(1, "key_exchange");
        kr.expectEnd("key_share");
        NamedGroup.ClientShare mine = clientShares.stream().filter(c -> c.group().id() == gid).findFirst()
                .orElseThrow(() -> new AlertException(AlertDescription.ILLEGAL_PARAMETER,
                        "server key_share for a group we sent no share for: 0x" + Integer.toHexString(gid)));
        group = mine.group();
        byte[] shared;
        try {
            shared = mine.complete(serverShare);
        } catch (DtlsException e) {
            throw new AlertException(AlertDescription.ILLEGAL_PARAMETER, e.getMessage());
        }
        appendTranscript(m);
        deriveHandshakeSecrets(shared);
        installRead(RecordProtection.fromSecret(suite, 2, serverHsSecret));
        records.installWrite(RecordProtection.fromSecret(suite, 2, clientHsSecret));
        writeEpoch = 2;
        readEpoch = 2;
        state = State.CLIENT_WAIT_EE;
    }

    private void clientOnHelloRetryRequest(ServerHello hrr, HandshakeMessage m) throws AlertException, DtlsException {
        if (helloRetried) {
            throw new AlertException(AlertDescription.UNEXPECTED_MESSAGE, "second HelloRetryRequest");
        }
        helloRetried = true;
        Optional<Extension> ks = Extension.find(hrr.extensions(), Extension.KEY_SHARE);
        Optional<Extension> ck = Extension.find(hrr.extensions(), Extension.COOKIE);
        if (ks.isEmpty() && ck.isEmpty()) {
            // RFC 8446 §4.1.4: an HRR that would not change the ClientHello is illegal.
            throw new AlertException(AlertDescription.ILLEGAL_PARAMETER, "HelloRetryRequest changes nothing");
        }
        if (ks.isPresent()) {
            WireReader r = new WireReader(ks.get().data());
            int gid = r.u16("selected_group");
            r.expectEnd("key_share");
            NamedGroup g = NamedGroup.fromId(gid).filter(config.groups()::contains).orElseThrow(() ->
                    new AlertException(AlertDescription.ILLEGAL_PARAMETER, "HRR selected a group we do not support"));
            if (clientShares.stream().anyMatch(c -> c.group() == g)) {
                throw new AlertException(AlertDescription.ILLEGAL_PARAMETER, "HRR selected a group we already sent");
            }
            clientShares = List.of(g.generate(random));
        }
        if (ck.isPresent()) {
            WireReader r = new WireReader(ck.get().data());
            cookie = r.vec16(1, "cookie");
            r.expectEnd("cookie");
        }
        replaceClientHelloWithMessageHash();
        appendTranscript(m);
        sendClientHello();
    }

    private void sendClientHello() {
        byte[] ch = buildClientHello().encode();
        appendTranscript(HandshakeType.CLIENT_HELLO, ch);
        sendFlight(List.of(outgoing(HandshakeType.CLIENT_HELLO, ch, 0)), false);
    }

    private void clientOnEncryptedExtensions(HandshakeMessage m) throws AlertException, DtlsException {
        WireReader r = new WireReader(m.body());
        List<Extension> ext = Extension.parseList(r);
        r.expectEnd("EncryptedExtensions");
        Optional<Extension> srtp = Extension.find(ext, Extension.USE_SRTP);
        if (!config.srtpProfiles().isEmpty()) {
            if (srtp.isEmpty()) {
                throw new AlertException(AlertDescription.HANDSHAKE_FAILURE, "server did not negotiate use_srtp (RFC 5764 §4.1.1)");
            }
            srtpProfile = UseSrtp.accept(srtp.get().data(), config.srtpProfiles());
        } else if (srtp.isPresent()) {
            throw new AlertException(AlertDescription.UNSUPPORTED_EXTENSION, "use_srtp we did not offer");
        }
        appendTranscript(m);
        state = State.CLIENT_WAIT_CERT_CR;
    }

    private void clientOnCertificateRequest(HandshakeMessage m) throws AlertException, DtlsException {
        WireReader r = new WireReader(m.body());
        certificateRequestContext = r.vec8(0, "certificate_request_context");
        List<Extension> ext = Extension.parseList(r);
        r.expectEnd("CertificateRequest");
        byte[] sa = Extension.find(ext, Extension.SIGNATURE_ALGORITHMS).orElseThrow(() ->
                new AlertException(AlertDescription.MISSING_EXTENSION, "CertificateRequest without signature_algorithms")).data();
        if (!Extension.parseU16List(sa, 2, "signature_algorithms").contains(CertificateVerify.ECDSA_SECP256R1_SHA256)) {
            throw new AlertException(AlertDescription.HANDSHAKE_FAILURE, "server does not accept ecdsa_secp256r1_sha256");
        }
        certificateRequested = true;
        appendTranscript(m);
        state = State.CLIENT_WAIT_CERT;
    }

    private void clientOnFinished(HandshakeMessage m) throws AlertException {
        verifyFinished(m, serverHsSecret);
        appendTranscript(m);
        deriveApplicationSecrets();
        installRead(RecordProtection.fromSecret(suite, 3, serverAppSecret));
        readEpoch = 3;
        whenFingerprintChecked(this::clientSendFinalFlight);
    }

    private void clientSendFinalFlight() {
        List<Flight.Outgoing> out = new ArrayList<>();
        if (certificateRequested) {
            byte[] cert = new CertificateMessage(certificateRequestContext, List.of(local.der())).encode();
            out.add(outgoing(HandshakeType.CERTIFICATE, cert, 2));
            appendTranscript(HandshakeType.CERTIFICATE, cert);
            byte[] cv = signCertificateVerify(false);
            out.add(outgoing(HandshakeType.CERTIFICATE_VERIFY, cv, 2));
            appendTranscript(HandshakeType.CERTIFICATE_VERIFY, cv);
        }
        byte[] fin = KeySchedule.finishedVerifyData(suite, clientHsSecret, transcriptHash());
        out.add(outgoing(HandshakeType.FINISHED, fin, 2));
        appendTranscript(HandshakeType.FINISHED, fin);
        records.installWrite(RecordProtection.fromSecret(suite, 3, clientAppSecret));
        records.rejectPlaintext();
        writeEpoch = 3;
        connected();
        sendFlight(out, true);   // RFC 9147 §7.1: the server ACKs the client's last flight
    }

    // ---- server

    private void serverOnClientHello(HandshakeMessage m) throws AlertException, DtlsException {
        ClientHello ch = ClientHello.parse(m.body());
        Optional<Extension> sv = Extension.find(ch.extensions(), Extension.SUPPORTED_VERSIONS);
        List<Integer> versions = sv.isPresent() ? Extension.parseU16List(sv.get().data(), 1, "supported_versions") : List.of();
        if (!versions.contains(DTLS13)) {
            if (config.allowDtls12Fallback() && !helloRetried) {
                state = State.FALLBACK;   // the DTLS 1.2 path takes this ClientHello over
                return;
            }
            throw new AlertException(AlertDescription.PROTOCOL_VERSION, "client does not offer DTLS 1.3");
        }
        rawBeforeVersion.clear();
        if (helloRetried) {
            flightImplicitlyAcked();
        }
        CipherSuite s = config.cipherSuites().stream().filter(c -> ch.cipherSuites().contains(c.id())).findFirst()
                .orElseThrow(() -> new AlertException(AlertDescription.HANDSHAKE_FAILURE, "no cipher suite in common"));
        if (suite != null && s != suite) {
            throw new AlertException(AlertDescription.ILLEGAL_PARAMETER, "second ClientHello changed the cipher suites");
        }
        byte[] sa = Extension.find(ch.extensions(), Extension.SIGNATURE_ALGORITHMS).orElseThrow(() ->
                new AlertException(AlertDescription.MISSING_EXTENSION, "ClientHello without signature_algorithms")).data();
        if (!Extension.parseU16List(sa, 2, "signature_algorithms").contains(CertificateVerify.ECDSA_SECP256R1_SHA256)) {
            throw new AlertException(AlertDescription.HANDSHAKE_FAILURE, "client does not accept ecdsa_secp256r1_sha256");
        }
        byte[] sg = Extension.find(ch.extensions(), Extension.SUPPORTED_GROUPS).orElseThrow(() ->
                new AlertException(AlertDescription.MISSING_EXTENSION, "ClientHello without supported_groups")).data();
        List<Integer> clientGroups = Extension.parseU16List(sg, 2, "supported_groups");
        List<byte[]> shareData = new ArrayList<>();
        List<Integer> shareGroups = new ArrayList<>();
        WireReader kr = new WireReader(Extension.find(ch.extensions(), Extension.KEY_SHARE).orElseThrow(() ->
                new AlertException(AlertDescription.MISSING_EXTENSION, "ClientHello without key_share")).data());
        WireReader list = kr.sub(kr.u16("client_shares length"), "client_shares");
        kr.expectEnd("key_share");
        while (list.hasRemaining()) {
            int g = list.u16("group");
            if (shareGroups.contains(g) || !clientGroups.contains(g)) {
                throw new AlertException(AlertDescription.ILLEGAL_PARAMETER, "key_share group duplicated or not in supported_groups");
            }
            shareGroups.add(g);
            shareData.add(list.vec16(1, "key_exchange"));
        }
        byte[] echoedCookie = null;
        Optional<Extension> ck = Extension.find(ch.extensions(), Extension.COOKIE);
        if (ck.isPresent()) {
            WireReader r = new WireReader(ck.get().data());
            echoedCookie = r.vec16(1, "cookie");
            r.expectEnd("cookie");
        }
        // RFC 8446 §4.2.8: prefer a group the client already sent a share for.
        NamedGroup chosen = config.groups().stream().filter(g -> shareGroups.contains(g.id())).findFirst().orElse(null);
        NamedGroup retryGroup = null;
        if (chosen == null) {
            retryGroup = config.groups().stream().filter(g -> clientGroups.contains(g.id())).findFirst()
                    .orElseThrow(() -> new AlertException(AlertDescription.HANDSHAKE_FAILURE, "no key exchange group in common"));
        }
        boolean needCookie = config.requireCookie() && !helloRetried;
        if (helloRetried) {
            if (cookie != null && (echoedCookie == null || !java.security.MessageDigest.isEqual(cookie, echoedCookie))) {
                throw new AlertException(AlertDescription.ILLEGAL_PARAMETER, "second ClientHello lacks our cookie");
            }
            if (retryGroup != null || (group != null && chosen != group)) {
                throw new AlertException(AlertDescription.ILLEGAL_PARAMETER, "second ClientHello lacks the selected key_share");
            }
        }
        suite = s;
        if (retryGroup != null || needCookie) {
            serverSendHelloRetryRequest(m, ch, retryGroup, needCookie);
            return;
        }
        group = chosen;
        NamedGroup.ServerShare share;
        try {
            share = chosen.respond(shareData.get(shareGroups.indexOf(chosen.id())), random);
        } catch (DtlsException e) {
            throw new AlertException(AlertDescription.ILLEGAL_PARAMETER, e.getMessage());
        }
        Optional<Extension> srtp = Extension.find(ch.extensions(), Extension.USE_SRTP);
        List<Extension> ee = new ArrayList<>();
        if (!config.srtpProfiles().isEmpty()) {
            srtpProfile = UseSrtp.select(srtp.map(Extension::data).orElse(null), config.srtpProfiles());
            ee.add(new Extension(Extension.USE_SRTP, UseSrtp.encode(List.of(srtpProfile.id()))));
        }
        appendTranscript(m);
        byte[] serverRandom = randomBytes(32);
        ServerHello sh = new ServerHello(DTLS12, serverRandom, ch.sessionId(), suite.id(), List.of(
                new Extension(Extension.SUPPORTED_VERSIONS, new WireWriter(2).u16(DTLS13).toBytes()),
                new Extension(Extension.KEY_SHARE, new WireWriter(share.publicShare().length + 4)
                        .u16(chosen.id()).vec16(share.publicShare()).toBytes())));
        List<Flight.Outgoing> out = new ArrayList<>();
        byte[] shBody = sh.encode();
        out.add(outgoing(HandshakeType.SERVER_HELLO, shBody, 0));
        appendTranscript(HandshakeType.SERVER_HELLO, shBody);
        deriveHandshakeSecrets(share.secret());
        installRead(RecordProtection.fromSecret(suite, 2, clientHsSecret));
        records.installWrite(RecordProtection.fromSecret(suite, 2, serverHsSecret));
        readEpoch = 2;
        writeEpoch = 2;
        WireWriter eeBody = new WireWriter();
        Extension.encodeList(eeBody, ee);
        out.add(outgoing(HandshakeType.ENCRYPTED_EXTENSIONS, eeBody.toBytes(), 2));
        appendTranscript(HandshakeType.ENCRYPTED_EXTENSIONS, eeBody.toBytes());
        // RFC 8827 §6.5: WebRTC endpoints authenticate each other, so always request a certificate.
        WireWriter cr = new WireWriter().vec8(new byte[0]);
        Extension.encodeList(cr, List.of(new Extension(Extension.SIGNATURE_ALGORITHMS,
                Extension.u16List(List.of(CertificateVerify.ECDSA_SECP256R1_SHA256), 2))));
        out.add(outgoing(HandshakeType.CERTIFICATE_REQUEST, cr.toBytes(), 2));
        appendTranscript(HandshakeType.CERTIFICATE_REQUEST, cr.toBytes());
        byte[] cert = new CertificateMessage(new byte[0], List.of(local.der())).encode();
        out.add(outgoing(HandshakeType.CERTIFICATE, cert, 2));
        appendTranscript(HandshakeType.CERTIFICATE, cert);
        byte[] cv = signCertificateVerify(true);
        out.add(outgoing(HandshakeType.CERTIFICATE_VERIFY, cv, 2));
        appendTranscript(HandshakeType.CERTIFICATE_VERIFY, cv);
        byte[] fin = KeySchedule.finishedVerifyData(suite, serverHsSecret, transcriptHash());
        out.add(outgoing(HandshakeType.FINISHED, fin, 2));
        appendTranscript(HandshakeType.FINISHED, fin);
        deriveApplicationSecrets();
        state = State.SERVER_WAIT_CERT;
        sendFlight(out, false);
    }

    private void serverSendHelloRetryRequest(HandshakeMessage ch1, ClientHello ch, NamedGroup retryGroup,
                                             boolean needCookie) {
        helloRetried = true;
        List<Extension> ext = new ArrayList<>();
        ext.add(new Extension(Extension.SUPPORTED_VERSIONS, new WireWriter(2).u16(DTLS13).toBytes()));
        if (retryGroup != null) {
            group = retryGroup;
            ext.add(new Extension(Extension.KEY_SHARE, new WireWriter(2).u16(retryGroup.id()).toBytes()));
        }
        if (needCookie) {
            cookie = randomBytes(32);
            ext.add(new Extension(Extension.COOKIE, new WireWriter(34).vec16(cookie).toBytes()));
        }
        appendTranscript(ch1);
        replaceClientHelloWithMessageHash();
        byte[] hrr = new ServerHello(DTLS12, ServerHello.HRR_RANDOM, ch.sessionId(), suite.id(), ext).encode();
        appendTranscript(HandshakeType.SERVER_HELLO, hrr);
        sendFlight(List.of(outgoing(HandshakeType.SERVER_HELLO, hrr, 0)), false);
    }

    private void serverOnFinished(HandshakeMessage m) throws AlertException {
        verifyFinished(m, clientHsSecret);
        appendTranscript(m);
        whenFingerprintChecked(() -> {
            installRead(RecordProtection.fromSecret(suite, 3, clientAppSecret));
            records.installWrite(RecordProtection.fromSecret(suite, 3, serverAppSecret));
            records.rejectPlaintext();
            readEpoch = 3;
            writeEpoch = 3;
            connected();
            sendAck();   // RFC 9147 §7.1: acknowledge the client's final flight
        });
    }

    // ---- both

    private void onPeerCertificate(HandshakeMessage m, State next) throws AlertException, DtlsException {
        CertificateMessage cm = CertificateMessage.parse(m.body());
        if (cm.certificates().isEmpty()) {
            throw new AlertException(AlertDescription.CERTIFICATE_REQUIRED,
                    "peer sent no certificate; WebRTC requires mutual authentication (RFC 8827 §6.5)");
        }
        if (role == DtlsRole.CLIENT && cm.context().length != 0) {
            throw new AlertException(AlertDescription.ILLEGAL_PARAMETER, "server Certificate with a request context");
        }
        peerCertificate = cm.certificates().get(0);
        try {
            java.security.cert.Certificate c = java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(peerCertificate));
            peerKey = c.getPublicKey();
        } catch (java.security.cert.CertificateException | RuntimeException e) {
            throw new AlertException(AlertDescription.BAD_CERTIFICATE, "peer certificate does not parse: " + e.getMessage());
        }
        if (!(peerKey instanceof java.security.interfaces.ECPublicKey ec)
                || ec.getParams().getCurve().getField().getFieldSize() != 256) {
            throw new AlertException(AlertDescription.UNSUPPORTED_CERTIFICATE, "peer certificate key is not ECDSA P-256");
        }
        appendTranscript(m);
        state = next;
    }

    private void onPeerCertificateVerify(HandshakeMessage m, State next) throws AlertException, DtlsException {
        CertificateVerify cv = CertificateVerify.parse(m.body());
        if (cv.scheme() != CertificateVerify.ECDSA_SECP256R1_SHA256) {
            throw new AlertException(AlertDescription.ILLEGAL_PARAMETER, "CertificateVerify scheme 0x"
                    + Integer.toHexString(cv.scheme()) + " was not offered");
        }
        byte[] content = CertificateVerify.signedContent(role == DtlsRole.CLIENT, transcriptHash());
        boolean ok;
        try {
            java.security.Signature v = java.security.Signature.getInstance("SHA256withECDSA");
            v.initVerify(peerKey);
            v.update(content);
            ok = v.verify(cv.signature());
        } catch (java.security.GeneralSecurityException | RuntimeException e) {
            ok = false;
        }
        if (!ok) {
            throw new AlertException(AlertDescription.DECRYPT_ERROR, "CertificateVerify signature does not verify");
        }
        appendTranscript(m);
        state = next;
    }

    private void verifyFinished(HandshakeMessage m, byte[] baseKey) throws AlertException {
        byte[] want = KeySchedule.finishedVerifyData(suite, baseKey, transcriptHash());
        if (!java.security.MessageDigest.isEqual(want, m.body())) {
            throw new AlertException(AlertDescription.DECRYPT_ERROR, "Finished verify_data mismatch");
        }
    }

    /** RFC 8122 §5 / RFC 8827 §6.5: the same check the DTLS 1.2 path runs in its certificate callback. */
    private void whenFingerprintChecked(Runnable next) throws AlertException {
        Fingerprint want = expected.get();
        if (want == null) {
            state = State.WAIT_FINGERPRINT;
            afterFingerprint = () -> {
                try {
                    checkFingerprint(expected.get());
                    next.run();
                } catch (AlertException e) {
                    fatal(e.alert(), e.getMessage());
                }
            };
            return;
        }
        checkFingerprint(want);
        next.run();
    }

    private void checkFingerprint(Fingerprint want) throws AlertException {
        Optional<String> mismatch = ExpectedFingerprint.mismatch(want, peerCertificate);
        if (mismatch.isPresent()) {
            throw new AlertException(AlertDescription.BAD_CERTIFICATE, mismatch.get());
        }
        remoteFingerprint = Fingerprint.of("sha-256", peerCertificate);
    }

    private void connected() {
        state = State.CONNECTED;
        handshakeDeadline = Long.MAX_VALUE;
        Optional<SrtpKeyingMaterial> keys = Optional.empty();
        if (srtpProfile != null) {
            keys = Optional.of(SrtpKeyingMaterial.split(srtpProfile,
                    export(SRTP_LABEL, new byte[0], srtpProfile.keyingMaterialLength())));
        }
        events.add(new DtlsEvent.Connected(keys, remoteFingerprint, suite.id()));
    }

    // ---- post-handshake (RFC 9147 §8, RFC 8446 §4.6)

    private void onPostHandshake(HandshakeMessage m) throws AlertException, DtlsException {
        switch (m.type()) {
            case HandshakeType.KEY_UPDATE -> {
                WireReader r = new WireReader(m.body());
                int req = r.u8("request_update");
                r.expectEnd("KeyUpdate");
                if (req > 1) {
                    throw new AlertException(AlertDescription.ILLEGAL_PARAMETER, "request_update " + req);
                }
                if (m.epoch() != readEpoch) {
                    throw new AlertException(AlertDescription.UNEXPECTED_MESSAGE, "KeyUpdate not in the current epoch");
                }
                byte[] next = KeySchedule.nextTrafficSecret(suite, peerAppSecret());
                setPeerAppSecret(next);
                readEpoch++;
                installRead(RecordProtection.fromSecret(suite, readEpoch, next));
                sendAck();
                if (req == 1 && !keyUpdatePending) {
                    sendKeyUpdate(false);
                }
            }
            case HandshakeType.NEW_SESSION_TICKET -> sendAck();   // no resumption: acknowledge and ignore
            default -> throw new AlertException(AlertDescription.UNEXPECTED_MESSAGE,
                    "post-handshake message " + m.type());
        }
    }

    private void sendKeyUpdate(boolean request) {
        keyUpdatePending = true;
        sendFlight(List.of(outgoing(HandshakeType.KEY_UPDATE, new byte[] {(byte) (request ? 1 : 0)}, writeEpoch)), true);
    }

    private byte[] peerAppSecret() {
        return role == DtlsRole.CLIENT ? serverAppSecret : clientAppSecret;
    }

    private void setPeerAppSecret(byte[] s) {
        if (role == DtlsRole.CLIENT) {
            serverAppSecret = s;
        } else {
            clientAppSecret = s;
        }
    }

    // ------------------------------------------------------------------ flights and ACKs

    private void installRead(RecordProtection p) {
        records.installRead(p);
        retryDeferred = true;
    }

    private Flight.Outgoing outgoing(int type, byte[] body, long epoch) {
        return new Flight.Outgoing(type, sendSeq++, body, epoch);
    }

    private void sendFlight(List<Flight.Outgoing> msgs, boolean explicitAck) {
        flight = new Flight(msgs, config.mtu(), explicitAck);
        peerFlightRecords.clear();   // whatever the peer sends next belongs to its next flight
        ackDeadline = Long.MAX_VALUE;
        rtoNanos = config.initialRetransmit().toNanos();
        transmitFlight();
    }

    private void transmitFlight() {
        transmits.addAll(flight.transmit(records));
        lastTransmit = now;
        retransmitDeadline = now + rtoNanos;
    }

    /** The peer's next flight arrived: ours got through (RFC 9147 §5.8.1 implicit ACK). */
    private void flightImplicitlyAcked() {
        if (flight != null && !flight.needsExplicitAck()) {
            flight = null;
            retransmitDeadline = Long.MAX_VALUE;
        }
    }

    private void flightDelivered() {
        flight = null;
        retransmitDeadline = Long.MAX_VALUE;
        rtoNanos = config.initialRetransmit().toNanos();
        if (keyUpdatePending) {
            // RFC 9147 §8: switch to the new keys only once the KeyUpdate is acknowledged.
            keyUpdatePending = false;
            byte[] mine = KeySchedule.nextTrafficSecret(suite, role == DtlsRole.CLIENT ? clientAppSecret : serverAppSecret);
            if (role == DtlsRole.CLIENT) {
                clientAppSecret = mine;
            } else {
                serverAppSecret = mine;
            }
            writeEpoch++;
            records.installWrite(RecordProtection.fromSecret(suite, writeEpoch, mine));
        }
    }

    /** The peer resent an old message: our answer was lost, so repeat it (RFC 9147 §5.8.1). */
    private void onPeerRetransmission() {
        if (flight != null) {
            if (now - lastTransmit >= rtoNanos / 4) {
                transmitFlight();
            }
        } else if (!peerFlightRecords.isEmpty()) {
            sendAck();   // e.g. our ACK of the client's final flight was lost
        }
    }

    private void sendAck() {
        if (peerFlightRecords.isEmpty() || state == State.CLOSED || state == State.FAILED) {
            return;
        }
        ackDeadline = Long.MAX_VALUE;
        long epoch = writeEpoch;
        // RFC 9147 §7: during the handshake an ACK travels in an epoch at least as high as what it
        // acknowledges; afterwards in the current epoch.
        boolean handshaking = state != State.CONNECTED;
        List<RecordNumber> acked = peerFlightRecords.stream()
                .filter(n -> !handshaking || n.epoch() <= epoch).toList();
        if (acked.isEmpty()) {
            return;
        }
        byte[] body = new Ack(acked).encode();
        transmits.add(records.encode(ContentType.ACK, body, 0, body.length, epoch).bytes());
    }

    private void sendAlert(int level, int desc) {
        byte[] a = {(byte) level, (byte) desc};
        transmits.add(records.encode(ContentType.ALERT, a, 0, 2, writeEpoch).bytes());
    }

    private void fatal(int alert, String reason) {
        if (state == State.FAILED || state == State.CLOSED) {
            return;
        }
        sendAlert(2, alert);
        state = State.FAILED;
        flight = null;
        events.add(new DtlsEvent.Failed(AlertDescription.text(alert) + "; " + reason));
    }

    // ------------------------------------------------------------------ transcript and keys

    private void appendTranscript(HandshakeMessage m) {
        transcript.writeBytes(m.transcriptBytes());
    }

    private void appendTranscript(int type, byte[] body) {
        transcript.writeBytes(new HandshakeMessage(type, 0, 0, body).transcriptBytes());
    }

    private byte[] transcriptHash() {
        return KeySchedule.hash(suite, transcript.toByteArray());
    }

    /** RFC 8446 §4.4.1: after an HRR, ClientHello1 is replaced by message_hash(Hash(ClientHello1)). */
    private void replaceClientHelloWithMessageHash() {
        byte[] ch1Hash = transcriptHash();
        transcript.reset();
        transcript.writeBytes(new HandshakeMessage(HandshakeType.MESSAGE_HASH, 0, 0, ch1Hash).transcriptBytes());
    }

    private void deriveHandshakeSecrets(byte[] shared) {
        byte[] zeros = new byte[suite.hashLength()];
        byte[] early = KeySchedule.extract(suite, zeros, zeros);
        byte[] emptyHash = KeySchedule.hash(suite, new byte[0]);
        byte[] derived = KeySchedule.deriveSecret(suite, early, "derived", emptyHash);
        byte[] hs = KeySchedule.extract(suite, derived, shared);
        byte[] th = transcriptHash();
        clientHsSecret = KeySchedule.deriveSecret(suite, hs, "c hs traffic", th);
        serverHsSecret = KeySchedule.deriveSecret(suite, hs, "s hs traffic", th);
        masterSecret = KeySchedule.extract(suite, KeySchedule.deriveSecret(suite, hs, "derived", emptyHash), zeros);
    }

    private void deriveApplicationSecrets() {
        byte[] th = transcriptHash();   // ClientHello..server Finished
        clientAppSecret = KeySchedule.deriveSecret(suite, masterSecret, "c ap traffic", th);
        serverAppSecret = KeySchedule.deriveSecret(suite, masterSecret, "s ap traffic", th);
        exporterSecret = KeySchedule.deriveSecret(suite, masterSecret, "exp master", th);
    }

    private byte[] signCertificateVerify(boolean server) {
        try {
            java.security.Signature s = java.security.Signature.getInstance("SHA256withECDSA");
            s.initSign(local.privateKey(), random);
            s.update(CertificateVerify.signedContent(server, transcriptHash()));
            return new CertificateVerify(CertificateVerify.ECDSA_SECP256R1_SHA256, s.sign()).encode();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with our ECDSA key", e);
        }
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
