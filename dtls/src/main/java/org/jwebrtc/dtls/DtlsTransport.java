package org.jwebrtc.dtls;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.jwebrtc.dtls.internal.ClientVersionNegotiation;
import org.jwebrtc.dtls.internal.ExpectedFingerprint;
import org.jwebrtc.dtls.internal.HandshakeResult;
import org.jwebrtc.dtls.internal.HandshakeRunner;
import org.jwebrtc.dtls.internal.QueueDatagramTransport;
import org.jwebrtc.dtls.internal.RecordPrecheck;
import org.jwebrtc.dtls.internal.dtls13.Dtls13Config;
import org.jwebrtc.dtls.internal.dtls13.Dtls13Connection;
import org.jwebrtc.dtls.internal.dtls13.Dtls13Offer;

/**
 * One DTLS 1.2 association for WebRTC (RFC 6347, RFC 5764, RFC 8827 §6.5) with the project's
 * poll/handle shape. Not thread-safe: owned by exactly one thread (the "owner"); the only other
 * thread is the handshake task on the supplied executor, which never touches this object.
 *
 * <p><b>Why an executor:</b> bctls's handshake blocks in {@code connect}/{@code accept} and its
 * retransmission timer reads {@code System.currentTimeMillis()} (DTLSReliableHandshake). So the
 * handshake runs on {@code handshakeExecutor} over a queue-backed {@code DatagramTransport}:
 * {@link #handleInput} queues datagrams for it, its flights appear in {@link #pollTransmit}, and
 * it retransmits on its own wall-clock timer. Because that output appears asynchronously, the
 * handshake thread calls {@link DtlsConfig#onOutputReady()} whenever there is something to drain;
 * the owner must then (on its own thread) drain {@code pollTransmit}/{@code pollEvent}. Once the
 * handshake is over, records are decrypted and encrypted synchronously on the owner thread inside
 * {@link #handleInput} and {@link #send}, with no executor involved.
 *
 * <p>The executor must run the task on another thread (a direct executor would block
 * {@link #start} for the whole handshake); one thread is busy per handshake in progress.
 *
 * <p><b>DTLS 1.3:</b> with {@link DtlsConfig#maxVersion()} = {@link DtlsVersion#DTLS_1_3} the
 * association runs on the project's sans-IO DTLS 1.3 engine (RFC 9147) behind this same surface:
 * retransmissions timed by {@code nowNanos} through {@link #pollTimeout()}; a server uses no executor
 * thread, a client one short bctls task that writes its ClientHello.
 * A server that receives a ClientHello without DTLS 1.3 hands it to the DTLS 1.2 path above
 * (with the RFC 8446 §4.1.3 downgrade sentinel in its ServerHello). A client lets bctls write a
 * ClientHello that offers both versions and, once the ServerHello is in, either hands it to the
 * 1.3 engine or lets bctls finish in 1.2 ({@link ClientVersionNegotiation}).
 *
 * <p>Contract, as for every state machine here: after any call, drain {@link #pollTransmit} and
 * {@link #pollEvent} until null, then wait until {@link #pollTimeout()} or the wake-up hook.
 */
public final class DtlsTransport {
    private static final System.Logger LOG = System.getLogger(DtlsTransport.class.getName());
    /** Largest plaintext of one record (RFC 6347 §4.1 with RFC 5246 §6.2.1's 2^14). */
    private static final int MAX_PLAINTEXT = 1 << 14;
    /** Past bctls's own handshake timeout, the owner's timer declares the handshake dead. */
    private static final long DEADLINE_GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);

    private enum State { NEW, HANDSHAKING, CONNECTED, CLOSED, FAILED }

    private final DtlsRole role;
    private final DtlsCertificate local;
    private final DtlsConfig config;
    private final Executor handshakeExecutor;
    private final ExpectedFingerprint expected = new ExpectedFingerprint();
    private final QueueDatagramTransport io;
    private final ArrayDeque<DtlsEvent> events = new ArrayDeque<>();
    private final byte[] plaintext = new byte[MAX_PLAINTEXT];

    private volatile HandshakeResult result;
    private State state = State.NEW;
    private long handshakeDeadline = Long.MAX_VALUE;
    private DTLSTransport dtls;
    private long droppedDatagrams;
    /** Records {@link RecordPrecheck} kept from bctls (one slot: updated in place). */
    private final long[] droppedRecords = new long[1];
    private byte[] screen = new byte[2048];
    private int minCiphertext = 16;
    private long receivedRecords;
    private long sentRecords;
    private long failedHandshakes;
    /** The DTLS 1.3 engine while it owns the association; null on the DTLS 1.2 path. */
    private Dtls13Connection v13;
    private DtlsVersion negotiated;
    /** 1.3-capable client: the engine that takes over if the server answers with DTLS 1.3. */
    private Dtls13Connection pendingV13;
    /** 1.3-capable client, until the server's version is known; null afterwards. */
    private ClientVersionNegotiation negotiation;
    private Dtls13Offer offer;
    private long startedAt;
    private long downgradesRejected;

    /**
     * @param expectedRemote the peer's SDP fingerprint, or null if not known yet: then
     *                       {@link #setExpectedRemoteFingerprint} must follow before the peer's
     *                       certificate arrives (the handshake waits for it, up to its timeout)
     */
    public DtlsTransport(DtlsRole role, DtlsCertificate local, Fingerprint expectedRemote,
                         DtlsConfig config, Executor handshakeExecutor) {
        this.role = Objects.requireNonNull(role, "role");
        this.local = Objects.requireNonNull(local, "local");
        this.config = Objects.requireNonNull(config, "config");
        this.handshakeExecutor = Objects.requireNonNull(handshakeExecutor, "handshakeExecutor");
        this.io = new QueueDatagramTransport(config.mtu(), config.onOutputReady());
        if (expectedRemote != null) {
            expected.set(expectedRemote);
        }
        if (config.maxVersion() == DtlsVersion.DTLS_1_3) {
            Dtls13Connection engine = new Dtls13Connection(role, local, expected, Dtls13Config.from(config),
                    new SecureRandom());
            if (role == DtlsRole.SERVER) {
                v13 = engine;
            } else {
                pendingV13 = engine;
            }
        }
    }

    /** The fingerprint from the remote SDP {@code a=fingerprint} (RFC 8122 §5). */
    public void setExpectedRemoteFingerprint(Fingerprint remote) {
        expected.set(Objects.requireNonNull(remote, "remote"));
        if (v13 != null) {
            v13.fingerprintAvailable();
        }
    }

    /** The version in use once connected: DTLS 1.3 or the DTLS 1.2 path; empty before. */
    public Optional<DtlsVersion> negotiatedVersion() {
        return Optional.ofNullable(negotiated);
    }

    /**
     * DTLS 1.3 only: send a KeyUpdate (RFC 9147 §8, RFC 8446 §4.6.3); our sending keys change once
     * the peer acknowledges it. {@code requestPeerUpdate} asks the peer to update as well.
     */
    public void updateKeys(boolean requestPeerUpdate) {
        if (v13 == null) {
            throw new IllegalStateException("KeyUpdate needs DTLS 1.3");
        }
        v13.updateKeys(requestPeerUpdate);
    }

    public DtlsRole role() {
        return role;
    }

    /** Starts the handshake on the executor; the client sends its ClientHello at once. */
    public void start(long nowNanos) {
        if (state != State.NEW) {
            throw new IllegalStateException("start() called twice (state " + state + ")");
        }
        state = State.HANDSHAKING;
        startedAt = nowNanos;
        if (v13 != null) {
            v13.start(nowNanos);
            return;
        }
        if (pendingV13 != null) {
            // RFC 8446 §4.2.1 / RFC 9147 §5.3: one ClientHello offering 1.3 and 1.2, written by bctls
            // (which can continue a 1.2 handshake only from a ClientHello of its own).
            offer = Dtls13Offer.generate(Dtls13Config.from(config), new SecureRandom());
            negotiation = new ClientVersionNegotiation();
        }
        startDtls12(nowNanos, false);
    }

    private void startDtls12(long nowNanos, boolean dtls13Capable) {
        handshakeDeadline = nowNanos + config.handshakeTimeout().toNanos() + DEADLINE_GRACE_NANOS;
        HandshakeRunner runner = new HandshakeRunner(role, local, config.srtpProfiles(), expected,
                (int) config.handshakeTimeout().toMillis(), io, r -> {
                    result = r;
                    config.onOutputReady().run();
                }, dtls13Capable, offer);
        try {
            handshakeExecutor.execute(runner);
        } catch (RejectedExecutionException e) {
            fail("handshake executor rejected the task: " + e.getMessage());
        }
    }

    /** Feed one UDP datagram holding DTLS records (first byte 20..63, RFC 7983 §7). */
    public void handleInput(long nowNanos, byte[] buf, int off, int len) {
        Objects.checkFromIndexSize(off, len, buf.length);
        if (v13 != null) {
            if (state == State.NEW) {
                throw new IllegalStateException("handleInput before start()");
            }
            v13.handleInput(nowNanos, buf, off, len);
            if (v13.wantsDtls12Fallback()) {
                fallBackToDtls12(nowNanos);
            }
            return;
        }
        collectHandshakeResult();
        switch (state) {
            case NEW -> throw new IllegalStateException("handleInput before start()");
            case HANDSHAKING -> {
                if (negotiation != null) {
                    negotiate(nowNanos, buf, off, len);
                } else if (!io.offerInbound(buf, off, len)) {
                    droppedDatagrams++;
                }
            }
            case CONNECTED -> {
                if (screen.length < len) {
                    screen = new byte[len];
                }
                long before = droppedRecords[0];
                int n = RecordPrecheck.filter(buf, off, len, screen, minCiphertext, droppedRecords);
                if (droppedRecords[0] != before) {
                    LOG.log(System.Logger.Level.DEBUG, "dropped {0} records that cannot be genuine",
                            droppedRecords[0] - before);
                }
                if (n == 0) {
                    droppedDatagrams++;
                } else {
                    receiveRecords(screen, 0, n);
                }
            }
            default -> droppedDatagrams++;
        }
    }

    /** 1.3-capable client before the server's version is known: see {@link ClientVersionNegotiation}. */
    private void negotiate(long nowNanos, byte[] buf, int off, int len) {
        switch (negotiation.onInbound(buf, off, len)) {
            case FORWARD -> {
                if (!io.offerInbound(buf, off, len)) {
                    droppedDatagrams++;
                }
            }
            case HOLD -> { }
            case DROP -> droppedDatagrams++;
            case DTLS12 -> {
                for (byte[] d : negotiation.held()) {
                    if (!io.offerInbound(d, 0, d.length)) {
                        droppedDatagrams++;
                    }
                }
                negotiation = null;
                pendingV13 = null;
            }
            case DOWNGRADE -> {
                // RFC 8446 §4.1.3: a client that offered 1.3 MUST abort with illegal_parameter.
                downgradesRejected++;
                io.queueOutbound(negotiation.downgradeAlert());
                negotiation = null;
                pendingV13 = null;
                io.close();   // ends the bctls task; its late failure is ignored (state FAILED)
                fail("illegal_parameter(47); downgrade detected: the DTLS 1.2 ServerHello.random carries"
                        + " the RFC 8446 §4.1.3 sentinel although we offered DTLS 1.3");
            }
            case DTLS13 -> {
                v13 = pendingV13;
                pendingV13 = null;
                v13.adoptClientHello(startedAt, nowNanos, negotiation.clientHello(), negotiation.clientHelloSeq(),
                        negotiation.nextPlaintextSeq(), offer.shares(), negotiation.serverHelloSeq());
                List<byte[]> held = negotiation.held();
                negotiation = null;
                io.close();   // bctls stops; the engine owns the association from here
                droppedDatagrams += io.droppedInbound();
                for (byte[] d : held) {
                    v13.handleInput(nowNanos, d, 0, d.length);
                }
            }
            default -> throw new AssertionError();
        }
    }

    /**
     * The server's DTLS 1.3 engine saw a ClientHello without DTLS 1.3 (RFC 8446 §4.2.1): replay
     * what arrived so far into the bctls DTLS 1.2 handshake, which then owns the association.
     */
    private void fallBackToDtls12(long nowNanos) {
        java.util.List<byte[]> received = v13.receivedBeforeFallback();
        v13 = null;
        startDtls12(nowNanos, true);
        for (byte[] d : received) {
            if (!io.offerInbound(d, 0, d.length)) {
                droppedDatagrams++;
            }
        }
    }

    /** Checks the handshake deadline; bctls keeps its own retransmission timers (DTLS 1.3: all timers). */
    public void handleTimeout(long nowNanos) {
        if (v13 != null) {
            v13.handleTimeout(nowNanos);
            return;
        }
        collectHandshakeResult();
        if (state == State.HANDSHAKING && nowNanos - handshakeDeadline >= 0) {
            io.close();
            fail("DTLS handshake timed out after " + config.handshakeTimeout());
        }
    }

    /** Next datagram to send to the peer, or null. */
    public byte[] pollTransmit() {
        if (v13 != null) {
            return v13.pollTransmit();
        }
        collectHandshakeResult();
        byte[] d = io.pollOutbound();
        if (d != null && negotiation != null) {
            negotiation.onOutbound(d);   // capture the ClientHello the 1.3 engine may adopt
        }
        return d;
    }

    /** Next event, or null. */
    public DtlsEvent pollEvent() {
        if (v13 != null) {
            DtlsEvent e = v13.pollEvent();
            if (e instanceof DtlsEvent.Connected) {
                state = State.CONNECTED;
                negotiated = DtlsVersion.DTLS_1_3;
            } else if (e instanceof DtlsEvent.Failed) {
                if (state != State.CONNECTED) {
                    failedHandshakes++;
                }
                state = State.FAILED;
            } else if (e instanceof DtlsEvent.Closed) {
                state = State.CLOSED;
            }
            return e;
        }
        collectHandshakeResult();
        return events.poll();
    }

    /**
     * The owner's next deadline: the handshake's give-up time while it runs (retransmissions are
     * timed by bctls itself and announced through the wake-up hook), else none.
     */
    public long pollTimeout() {
        if (v13 != null) {
            return v13.pollTimeout();
        }
        collectHandshakeResult();
        return state == State.HANDSHAKING ? handshakeDeadline : Long.MAX_VALUE;
    }

    /** True once Connected was emitted and until Closed/Failed. */
    public boolean isConnected() {
        if (v13 != null) {
            return v13.isConnected();
        }
        collectHandshakeResult();
        return state == State.CONNECTED;
    }

    /** Largest {@code len} {@link #send} accepts (MTU minus record overhead). */
    public int maxApplicationData() {
        if (v13 != null) {
            requireV13Connected();
            return v13.maxApplicationData();
        }
        requireConnected();
        try {
            return dtls.getSendLimit();
        } catch (IOException e) {
            throw new IllegalStateException("DTLS transport broken", e);
        }
    }

    /**
     * Encrypts {@code len} bytes into one application_data record; the datagram appears in
     * {@link #pollTransmit}. Only after {@link DtlsEvent.Connected}.
     */
    public void send(byte[] buf, int off, int len) {
        Objects.checkFromIndexSize(off, len, buf.length);
        if (v13 != null) {
            requireV13Connected();
            v13.send(buf, off, len);
            return;
        }
        requireConnected();
        if (len > maxApplicationData()) {
            throw new IllegalArgumentException(len + " bytes exceed one record of at most "
                    + maxApplicationData() + " (MTU " + config.mtu() + ")");
        }
        try {
            dtls.send(buf, off, len);
            sentRecords++;
        } catch (IOException e) {
            fail("DTLS send failed: " + e.getMessage());
        }
    }

    /** Sends close_notify (RFC 5246 §7.2.1) if connected, stops a running handshake. Idempotent. */
    public void close() {
        if (v13 != null) {
            if (state != State.CLOSED && state != State.FAILED) {
                v13.close();   // emits Closed(false), which pollEvent turns into state CLOSED
            }
            return;
        }
        collectHandshakeResult();
        switch (state) {
            case CONNECTED -> {
                try {
                    dtls.close();
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.DEBUG, "close_notify failed", e);
                }
                io.close();
                state = State.CLOSED;
                events.add(new DtlsEvent.Closed(false));
            }
            case NEW, HANDSHAKING -> {
                io.close();
                state = State.CLOSED;
                events.add(new DtlsEvent.Closed(false));
            }
            default -> { }
        }
    }

    /** Counters: datagrams dropped (queue full, or arriving after close/failure), records in/out. */
    public DtlsStats stats() {
        if (v13 != null) {
            return new DtlsStats(droppedDatagrams + v13.droppedDatagrams(), v13.receivedRecords(), v13.sentRecords(),
                    v13.authFailures(), v13.replayedRecords(), v13.downgradesRejected(), failedHandshakes);
        }
        return new DtlsStats(droppedDatagrams + io.droppedInbound(), receivedRecords, sentRecords,
                droppedRecords[0], 0, downgradesRejected, failedHandshakes);
    }

    private void requireV13Connected() {
        if (!v13.isConnected()) {
            throw new IllegalStateException("DTLS not connected (state " + v13.stateName() + ")");
        }
    }

    private void requireConnected() {
        collectHandshakeResult();
        if (state != State.CONNECTED) {
            throw new IllegalStateException("DTLS not connected (state " + state + ")");
        }
    }

    /** Owner thread: turn the handshake thread's published result into state and events. */
    private void collectHandshakeResult() {
        if (state != State.HANDSHAKING) {
            return;
        }
        HandshakeResult r = result;
        if (r == null) {
            return;
        }
        if (r instanceof HandshakeResult.Failure f) {
            io.close();
            fail(f.reason());
            return;
        }
        HandshakeResult.Success s = (HandshakeResult.Success) r;
        dtls = s.transport();
        minCiphertext = RecordPrecheck.minCiphertext(s.cipherSuite());
        io.enterCallerMode();
        state = State.CONNECTED;
        negotiated = DtlsVersion.DTLS_1_2;
        events.add(new DtlsEvent.Connected(Optional.ofNullable(s.srtp()), s.remoteFingerprint(),
                s.cipherSuite()));
        // Records the handshake thread did not read (early application data, a retransmitted
        // Finished flight that bctls must answer) are now processed here.
        byte[] left;
        while (state == State.CONNECTED && (left = io.pollInbound()) != null) {
            if (left.length > 0) {
                receiveRecords(left, 0, left.length);
            }
        }
        receiveRecords(null, 0, -1);
    }

    /**
     * Owner thread, connected: decrypt every record of one datagram (len < 0: only records bctls
     * still buffers). {@code receive} consumes the datagram and returns its first record; bctls
     * keeps the rest in its record queue, which {@code receivePending} drains without asking the
     * transport again (each {@code receive} call allocates a record buffer, so we avoid the extra
     * call that would only end in WOULD_BLOCK).
     */
    private void receiveRecords(byte[] buf, int off, int len) {
        if (len >= 0) {
            io.setPending(buf, off, len);
        }
        try {
            boolean first = true;
            while (state == State.CONNECTED && (first || io.hasPending())) {
                first = false;
                int n;
                try {
                    n = dtls.receive(plaintext, 0, plaintext.length, 1);
                } catch (InterruptedIOException wouldBlock) {
                    break;   // QueueDatagramTransport.WOULD_BLOCK: datagram fully consumed
                }
                while (deliver(n)) {
                    n = dtls.receivePending(plaintext, 0, plaintext.length);
                }
            }
        } catch (TlsFatalAlertReceived e) {
            fail("peer sent fatal alert " + AlertDescription.getText(e.getAlertDescription()));
        } catch (TlsFatalAlert e) {
            fail("DTLS record layer failed: " + e.getMessage());
        } catch (IOException e) {
            if (io.isClosed()) {
                closedByPeer();
            } else {
                fail("DTLS receive failed: " + e);
            }
        } finally {
            io.clearPending();
        }
    }

    /** Emits one receive result; true if another record may be buffered. */
    private boolean deliver(int n) {
        if (io.isClosed()) {
            // bctls closes the transport after answering the peer's close_notify.
            closedByPeer();
            return false;
        }
        if (n < 0) {
            return false;
        }
        if (n > 0) {
            receivedRecords++;
            byte[] data = new byte[n];
            System.arraycopy(plaintext, 0, data, 0, n);
            events.add(new DtlsEvent.ApplicationData(data));
        }
        return true;
    }

    private void closedByPeer() {
        if (state == State.CONNECTED) {
            state = State.CLOSED;
            events.add(new DtlsEvent.Closed(true));
        }
    }

    private void fail(String reason) {
        LOG.log(System.Logger.Level.DEBUG, "DTLS failed: {0}", reason);
        if (state == State.HANDSHAKING) {
            failedHandshakes++;
        }
        state = State.FAILED;
        events.add(new DtlsEvent.Failed(reason));
    }
}
