package org.jwebrtc.peerconnection.internal;

import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;
import org.jwebrtc.dtls.DtlsCertificate;
import org.jwebrtc.dtls.DtlsConfig;
import org.jwebrtc.dtls.DtlsVersion;
import org.jwebrtc.dtls.DtlsEvent;
import org.jwebrtc.dtls.DtlsRole;
import org.jwebrtc.dtls.DtlsTransport;
import org.jwebrtc.dtls.Fingerprint;
import org.jwebrtc.dtls.SrtpKeyingMaterial;
import org.jwebrtc.ice.Candidate;
import org.jwebrtc.ice.IceAgent;
import org.jwebrtc.ice.IceConfig;
import org.jwebrtc.ice.IceConnectionState;
import org.jwebrtc.ice.IceCredentials;
import org.jwebrtc.ice.IceEvent;
import org.jwebrtc.ice.IceRole;
import org.jwebrtc.ice.Transmit;
import org.jwebrtc.ice.TransportProtocol;
import org.jwebrtc.sctp.DataChannelEvent;
import org.jwebrtc.sctp.DataChannelManager;
import org.jwebrtc.sctp.SctpAssociation;
import org.jwebrtc.sctp.SctpConfig;
import org.jwebrtc.sctp.SctpEvent;

/**
 * ICE + DTLS + SCTP/DCEP of one peer connection, composed sans-IO: datagrams and time in, datagrams and events
 * out. ICE carries the DTLS records on its selected pair (RFC 8445, RFC 7983 demultiplexing by the caller), DTLS
 * carries SCTP (RFC 8261), DCEP opens channels (RFC 8832). Not thread-safe: owned by the connection's loop.
 */
public final class TransportStack {
    /** Where the stack's output goes. */
    public interface Output {
        void send(InetSocketAddress local, InetSocketAddress remote, byte[] data);

        /** As above on either transport: TCP data goes on the connection of that candidate pair (RFC 6544). */
        default void send(TransportProtocol transport, InetSocketAddress local, InetSocketAddress remote, byte[] data) {
            send(local, remote, data);
        }

        void localCandidate(Candidate c);

        void iceState(IceConnectionState state);

        void dtlsConnected(Fingerprint remote);

        void failed(String reason);

        void channel(DataChannelEvent event);

        void sctpReady();

        void closed(String reason);

        /** DTLS negotiated use_srtp: the keys of both directions (RFC 5764 §4.2). */
        default void srtpReady(long nowNanos, SrtpKeyingMaterial keys, DtlsRole role) {}

        /** An SRTP/SRTCP datagram (first byte 128-191, RFC 7983 §7). */
        default void media(long nowNanos, byte[] buf, int off, int len) {}
    }

    /** 1200-byte datagrams minus the worst DTLS 1.2 record overhead we negotiate (header, nonce, tag, padding). */
    static final int SCTP_MTU = 1200 - 64;

    private final IceAgent ice;
    private final DtlsCertificate certificate;
    private final Executor handshakeExecutor;
    private final Runnable wake;
    private final RandomGenerator random;
    private final Output out;
    private final int maxMessageSize;
    private DtlsVersion maxDtlsVersion = DtlsVersion.DTLS_1_2;
    private DtlsTransport dtls;
    private SctpAssociation sctp;
    private DataChannelManager channels;
    private boolean dtlsStarted;
    private boolean failed;
    private boolean dataChannels = true;
    private int cipherSuite = -1;
    private long selectedPairChanges;

    private final ArrayDeque<byte[]> dtlsBeforePair = new ArrayDeque<>();
    private final ArrayDeque<byte[]> mediaBeforeKeys = new ArrayDeque<>();

    public TransportStack(IceRole role, IceCredentials local, DtlsCertificate certificate, RandomGenerator random,
                          Executor handshakeExecutor, Runnable wake, Output out, int maxMessageSize) {
        this(IceConfig.defaults().withRole(role), local, certificate, random, handshakeExecutor, wake, out,
                maxMessageSize);
    }

    /** As above with the agent's whole configuration (ICE-lite, renomination, timers). */
    public TransportStack(IceConfig iceConfig, IceCredentials local, DtlsCertificate certificate,
                          RandomGenerator random, Executor handshakeExecutor, Runnable wake, Output out,
                          int maxMessageSize) {
        this.ice = new IceAgent(iceConfig, local, random);
        this.certificate = certificate;
        this.handshakeExecutor = handshakeExecutor;
        this.wake = wake;
        this.random = random;
        this.out = out;
        this.maxMessageSize = maxMessageSize;
    }

    public IceAgent ice() {
        return ice;
    }

    /** The highest DTLS version to offer or accept; set before the remote description. */
    public void maxDtlsVersion(DtlsVersion v) {
        this.maxDtlsVersion = v;
    }

    /** The DTLS version the handshake settled on, once connected. */
    public Optional<DtlsVersion> dtlsVersion() {
        return dtls == null ? Optional.empty() : dtls.negotiatedVersion();
    }

    /** Remote description known: credentials, fingerprint, our DTLS role, the peer's SCTP port and size limit. */
    public void setRemote(IceCredentials remote, Fingerprint fingerprint, DtlsRole dtlsRole, int remoteSctpPort,
                          long remoteMaxMessageSize) {
        setRemote(remote, fingerprint, dtlsRole, remoteSctpPort, remoteMaxMessageSize, true);
    }

    /** As above; {@code withSctp} false when the session has no data channel section (no SCTP association). */
    public void setRemote(IceCredentials remote, Fingerprint fingerprint, DtlsRole dtlsRole, int remoteSctpPort,
                          long remoteMaxMessageSize, boolean withSctp) {
        this.dataChannels = withSctp;
        ice.setRemoteCredentials(remote);
        if (dtls == null) {
            dtls = new DtlsTransport(dtlsRole, certificate, fingerprint,
                    DtlsConfig.defaults().withOnOutputReady(wake).withMaxVersion(maxDtlsVersion), handshakeExecutor);
            int maxSend = (int) Math.min(Integer.MAX_VALUE, remoteMaxMessageSize > 0 ? remoteMaxMessageSize : 65_536);
            // one SCTP packet must fit one DTLS record of one datagram (RFC 8261 §5)
            sctp = new SctpAssociation(SctpConfig.defaults().withPorts(SctpConfig.DEFAULT_PORT, remoteSctpPort)
                    .withMtu(SCTP_MTU)
                    .withStreams(org.jwebrtc.peerconnection.PeerLimits.SCTP_STREAMS,
                            org.jwebrtc.peerconnection.PeerLimits.SCTP_STREAMS)
                    .withMessageSizes(maxMessageSize, Math.min(maxSend, maxMessageSize)), new Random(random.nextLong()));
            channels = new DataChannelManager(sctp, dtlsRole == DtlsRole.CLIENT);
        } else {
            dtls.setExpectedRemoteFingerprint(fingerprint);
        }
    }

    public org.jwebrtc.peerconnection.TransportStats stats() {
        return new org.jwebrtc.peerconnection.TransportStats(ice.stats(),
                Optional.ofNullable(dtls).map(DtlsTransport::stats), Optional.ofNullable(sctp).map(SctpAssociation::stats),
                channels == null ? 0 : channels.droppedMessages(), 0);
    }

    public DataChannelManager channels() {
        return channels;
    }

    public boolean sctpConnected() {
        return sctp != null && sctp.state() == org.jwebrtc.sctp.SctpState.ESTABLISHED;
    }

    public void onDatagram(long now, InetSocketAddress local, InetSocketAddress remote, byte[] buf, int off, int len) {
        onPacket(now, TransportProtocol.UDP, local, remote, buf, off, len);
    }

    /**
     * One packet from either transport; for TCP one RFC 4571 frame, {@code local} the TCP candidate's base and
     * {@code remote} the connection's peer (RFC 6544 §7.2: STUN, DTLS and SRTP share the connection as on UDP).
     */
    public void onPacket(long now, TransportProtocol transport, InetSocketAddress local, InetSocketAddress remote,
                         byte[] buf, int off, int len) {
        if (len <= 0) {
            return;
        }
        switch (PacketKind.of(buf[off])) {
            case STUN -> ice.handleInput(now, transport, local, remote, buf, off, len);
            case DTLS -> {
                if (dtls == null) {
                    return;  // no remote description yet: nothing can be verified, drop
                }
                if (!dtlsStarted) {
                    startDtls(now);
                }
                dtls.handleInput(now, buf, off, len);
            }
            case RTP_RTCP -> {
                if (dtls != null && dtls.isConnected()) {
                    out.media(now, buf, off, len);
                } else if (dtlsStarted && mediaBeforeKeys.size() < 256) {
                    // the DTLS server may send media as soon as it has our Finished, before our side has seen its
                    // Finished: keep those packets (the first key frame) until the SRTP keys are known
                    mediaBeforeKeys.add(java.util.Arrays.copyOfRange(buf, off, off + len));
                }
            }
            default -> { }  // TURN ChannelData is not wired yet; dropped
        }
        drive(now);
    }

    public void onTimeout(long now) {
        ice.handleTimeout(now);
        if (dtls != null && dtlsStarted) {
            dtls.handleTimeout(now);
        }
        if (sctp != null) {
            sctp.handleTimeout(now);
        }
        drive(now);
    }

    /** Drains every component until quiet (DESIGN.md §1 contract). */
    public void drive(long now) {
        boolean progress = true;
        while (progress) {
            progress = false;
            for (Transmit t; (t = ice.pollTransmit()) != null; ) {
                emit(t);
                progress = true;
            }
            for (IceEvent e; (e = ice.pollEvent()) != null; ) {
                progress = true;
                if (e instanceof IceEvent.StateChanged s) {
                    out.iceState(s.state());
                    if (s.state() == IceConnectionState.FAILED) {
                        fail("ICE failed");
                    }
                } else if (e instanceof IceEvent.LocalCandidate c) {
                    out.localCandidate(c.candidate());
                } else if (e instanceof IceEvent.SelectedPair) {
                    selectedPairChanges++;   // a new pair after an ICE restart: DTLS/SCTP just move onto it
                    if (dtls != null && !dtlsStarted) {
                        startDtls(now);
                    }
                }
            }
            if (dtls == null) {
                continue;
            }
            for (byte[] d; (d = dtls.pollTransmit()) != null; ) {
                sendOnPair(now, d);
                progress = true;
            }
            if (ice.selectedPair().isPresent()) {
                while (!dtlsBeforePair.isEmpty()) {
                    sendOnPair(now, dtlsBeforePair.poll());
                }
            }
            for (DtlsEvent e; (e = dtls.pollEvent()) != null; ) {
                progress = true;
                if (e instanceof DtlsEvent.Connected c) {
                    cipherSuite = c.cipherSuite();
                    out.dtlsConnected(c.remoteFingerprint());
                    c.srtp().ifPresent(k -> out.srtpReady(now, k, dtls.role()));
                    for (byte[] m; (m = mediaBeforeKeys.poll()) != null; ) {
                        out.media(now, m, 0, m.length);
                    }
                    if (dataChannels) {
                        sctp.connect(now);
                    }
                } else if (e instanceof DtlsEvent.ApplicationData a) {
                    sctp.handleInput(now, a.data(), 0, a.data().length);
                } else if (e instanceof DtlsEvent.Failed f) {
                    fail("DTLS failed: " + f.reason());
                } else if (e instanceof DtlsEvent.Closed) {
                    out.closed("DTLS closed");
                }
            }
            if (dtls.isConnected()) {
                for (byte[] p; (p = sctp.pollTransmit()) != null; ) {
                    dtls.send(p, 0, p.length);
                    progress = true;
                }
            }
            for (DataChannelEvent e; (e = channels.pollEvent()) != null; ) {
                progress = true;
                if (e instanceof DataChannelEvent.Association a) {
                    if (a.event() instanceof SctpEvent.Connected) {
                        out.sctpReady();
                    } else if (a.event() instanceof SctpEvent.Aborted ab) {
                        fail("SCTP aborted: " + ab.cause());
                    } else if (a.event() instanceof SctpEvent.Closed cl) {
                        out.closed("SCTP closed: " + cl.reason());
                    }
                } else {
                    out.channel(e);
                }
            }
        }
    }

    /** Sends one SRTP/SRTCP datagram on the selected pair; false before ICE has one. */
    public boolean sendMedia(long now, byte[] datagram) {
        Optional<Transmit> t = ice.send(now, datagram);
        if (t.isEmpty()) {
            return false;
        }
        emit(t.get());
        return true;
    }

    /** The negotiated DTLS cipher suite (IANA number), or -1 before the handshake completed. */
    public int cipherSuite() {
        return cipherSuite;
    }

    public Optional<org.jwebrtc.ice.CandidatePair> selectedPair() {
        return ice.selectedPair();
    }

    /** W3C RTCTransportStats.selectedCandidatePairChanges: each selection, the first and any after a restart. */
    public long selectedPairChanges() {
        return selectedPairChanges;
    }

    public boolean dtlsConnected() {
        return dtls != null && dtls.isConnected();
    }

    private void startDtls(long now) {
        dtlsStarted = true;
        dtls.start(now);
    }

    private void sendOnPair(long now, byte[] d) {
        Optional<Transmit> t = ice.send(now, d);
        if (t.isPresent()) {
            emit(t.get());
        } else if (dtlsBeforePair.size() < 64) {
            dtlsBeforePair.add(d);
        }
    }

    private void emit(Transmit t) {
        if (t.transport() == TransportProtocol.TCP) {
            out.send(TransportProtocol.TCP, t.local(), t.remote(), t.data());
        } else {
            out.send(t.local(), t.remote(), t.data());
        }
    }

    private void fail(String reason) {
        if (!failed) {
            failed = true;
            out.failed(reason);
        }
    }

    public long pollTimeout() {
        long t = ice.pollTimeout();
        if (dtls != null && dtlsStarted) {
            t = earliest(t, dtls.pollTimeout());
        }
        if (sctp != null) {
            t = earliest(t, sctp.pollTimeout());
        }
        return t;
    }

    private static long earliest(long a, long b) {
        if (a == Long.MAX_VALUE) {
            return b;
        }
        if (b == Long.MAX_VALUE) {
            return a;
        }
        return a - b <= 0 ? a : b;
    }

    public void close(long now) {
        if (channels != null && sctpConnected()) {
            sctp.shutdown();
            drive(now);
        }
        if (dtls != null) {
            dtls.close();
            drive(now);
        }
        ice.close();
    }
}
