package org.jwebrtc.peerconnection;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;
import org.jctools.queues.MpscArrayQueue;
import org.jwebrtc.dtls.DtlsCertificate;
import org.jwebrtc.dtls.DtlsRole;
import org.jwebrtc.dtls.DtlsVersion;
import org.jwebrtc.dtls.Fingerprint;
import org.jwebrtc.ice.Candidate;
import org.jwebrtc.ice.IceConnectionState;
import org.jwebrtc.ice.IceCredentials;
import org.jwebrtc.ice.IceRole;
import org.jwebrtc.peerconnection.internal.IceRestarts;
import org.jwebrtc.peerconnection.internal.IceTcpSockets;
import org.jwebrtc.peerconnection.internal.RemoteDescription;
import org.jwebrtc.peerconnection.internal.TransportStack;
import org.jwebrtc.peerconnection.internal.TurnRelay;
import org.jwebrtc.sctp.DataChannelEvent;
import org.jwebrtc.sctp.DataChannelInit;
import org.jwebrtc.sdp.Origin;
import org.jwebrtc.sdp.SessionDescription;
import org.jwebrtc.sdp.jsep.AnswerOptions;
import org.jwebrtc.sdp.jsep.DataChannelSpec;
import org.jwebrtc.sdp.jsep.Jsep;
import org.jwebrtc.sdp.jsep.OfferOptions;
import org.jwebrtc.sdp.jsep.TransportParameters;
import org.jwebrtc.sdp.jsep.TransceiverSpec;
import org.jwebrtc.sdp.jsep.MediaKind;
import org.jwebrtc.sdp.Direction;
import org.jwebrtc.sdp.Setup;
import org.jwebrtc.dtls.SrtpKeyingMaterial;
import org.jwebrtc.ice.CandidatePair;
import org.jwebrtc.peerconnection.internal.MediaSection;
import org.jwebrtc.peerconnection.internal.MediaSession;
import org.jwebrtc.peerconnection.internal.NtpClock;
import org.jwebrtc.srtp.DtlsSrtpContexts;
import org.jwebrtc.srtp.SrtpProfile;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A W3C-shaped RTCPeerConnection for data channels (media comes next): offer/answer, trickle ICE, DTLS with the
 * SDP fingerprint enforced, SCTP and DCEP. One Netty UDP socket per host address, all pinned to one event loop
 * that alone touches the protocol state; application threads talk to it through a bounded JCTools MPSC queue
 * (DESIGN.md §2). Every method is thread-safe; observer and channel callbacks run on the loop.
 */
public final class PeerConnection implements AutoCloseable {
    /** How long one STUN server may take to answer a host socket before it is given up (see gathering). */
    private static final System.Logger LOG = System.getLogger(PeerConnection.class.getName());
    private static final int DRAIN_LIMIT = 4096;
    private static final int SOCKET_BUFFER = 4 << 20;
    private static volatile EventLoopGroup sharedGroup;
    private static final ExecutorService HANDSHAKES = Executors.newCachedThreadPool(
            new DefaultThreadFactory("dtls-handshake", true));

    private final PeerConnectionConfig config;
    private final PeerConnectionObserver observer;
    private final EventLoop loop;
    private final DtlsCertificate certificate;
    private final RandomGenerator random = new SecureRandom();
    private final IceRestarts restarts;
    private final IceTcpSockets tcp;
    private final Map<InetSocketAddress, DatagramChannel> sockets = new LinkedHashMap<>();
    private final List<Candidate> hostCandidates = new ArrayList<>();
    private final List<TurnRelay> relays = new ArrayList<>();
    private final List<Candidate> relayCandidates = new ArrayList<>();
    private final List<Candidate> reflexiveCandidates = new ArrayList<>();
    private org.jwebrtc.ice.CandidateGatherer gatherer;
    private int relaysPending;
    private boolean localDescriptionSet;
    private boolean endOfCandidatesSignalled;
    private boolean gatheringStarted;
    private volatile IceGatheringState gatheringState = IceGatheringState.NEW;
    private final MpscArrayQueue<Runnable> commands;
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final Runnable drainTask = this::drainCommands;
    private final Map<Integer, DataChannel> channels = new HashMap<>();
    private final List<DataChannel> pendingOpen = new ArrayList<>();
    private final Map<DataChannel, ArrayDeque<Object[]>> backlog = new LinkedHashMap<>();
    private final List<IceCandidateInit> earlyCandidates = new ArrayList<>();
    private final List<RtpTransceiver> transceivers = new CopyOnWriteArrayList<>();
    private final MediaSession media;
    private final String cname = Long.toHexString(new SecureRandom().nextLong());
    private String dataMid;
    private long framesNotSent;
    private long bytesSent;
    private long bytesReceived;
    private long packetsSent;
    private long packetsReceived;
    private String dtlsState = "new";
    private String srtpProfile;
    private DtlsRole dtlsRole;

    private TransportStack stack;
    private boolean offerer;
    private SessionDescription remoteDescription;
    private final long sessionId = Math.abs(new SecureRandom().nextLong() >>> 1);
    private long sessionVersion = 1;
    private ScheduledFuture<?> timer;
    private long timerDeadline;
    private volatile PeerConnectionState state = PeerConnectionState.NEW;
    private volatile IceConnectionState iceState = IceConnectionState.NEW;
    private volatile boolean closed;
    private boolean dirty;
    private long delivered;
    private long undeliverable;
    private final long createdNanos = System.nanoTime();
    /**
     * Remote candidate addresses handed to ICE (SDP + trickle; a renegotiation repeats them, counted once), at most
     * {@link PeerLimits#MAX_REMOTE_CANDIDATES}.
     */
    private final java.util.Set<InetSocketAddress> remoteCandidates = new java.util.HashSet<>();
    /** The largest message send() takes: ours, then min(ours, the remote a=max-message-size) (RFC 8841 §6). */
    volatile long maxSendMessageSize;
    private volatile long connectedNanos;

    private PeerConnection(PeerConnectionConfig config, PeerConnectionObserver observer, EventLoopGroup group)
            throws InterruptedException {
        this.config = config;
        this.observer = observer;
        this.loop = group.next();
        this.certificate = config.certificate().orElseGet(DtlsCertificate::generate);
        this.restarts = new IceRestarts(random);
        this.commands = new MpscArrayQueue<>(config.commandQueueCapacity());
        this.maxSendMessageSize = config.maxMessageSize();
        this.media = new MediaSession(random, NtpClock.system(), cname, new MediaOutput());
        int preference = 65_535;
        for (InetAddress address : config.hostAddresses()) {
            // large socket buffers: a burst of SCTP packets must not overflow the kernel queue (each drop costs a
            // fast retransmit and halves cwnd); the kernel caps them at net.core.rmem_max / wmem_max
            DatagramChannel ch = (DatagramChannel) new Bootstrap().group(loop).channel(NioDatagramChannel.class)
                    .option(io.netty.channel.ChannelOption.SO_RCVBUF, SOCKET_BUFFER)
                    .option(io.netty.channel.ChannelOption.SO_SNDBUF, SOCKET_BUFFER)
                    .handler(new Inbound()).bind(new InetSocketAddress(address, 0)).sync().channel();
            InetSocketAddress local = (InetSocketAddress) ch.localAddress();
            sockets.put(local, ch);
            hostCandidates.add(Candidate.host(local, preference--));
        }
        this.tcp = new IceTcpSockets(loop, new TcpSink());
        if (config.ice().tcpCandidates() && config.iceTransportPolicy() == IceTransportPolicy.ALL) {
            int other = 8191;
            for (InetAddress address : config.hostAddresses()) {
                hostCandidates.addAll(tcp.open(address, other--));   // RFC 6544: passive + active per address
            }
        }
        if (config.ice().candidatePoolSize() > 0) {
            submit(() -> {   // W3C iceCandidatePoolSize: gather now, before any offer
                startGathering();
                updateGatheringState();
            });
        }
    }

    /** Creates a connection on the shared event-loop group (one thread per core). */
    public static PeerConnection create(PeerConnectionConfig config, PeerConnectionObserver observer) {
        return create(config, observer, shared());
    }

    public static PeerConnection create(PeerConnectionConfig config, PeerConnectionObserver observer,
                                        EventLoopGroup group) {
        try {
            return new PeerConnection(config, observer, group);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding sockets", e);
        }
    }

    private static EventLoopGroup shared() {
        EventLoopGroup g = sharedGroup;
        if (g == null) {
            synchronized (PeerConnection.class) {
                g = sharedGroup;
                if (g == null) {
                    g = new MultiThreadIoEventLoopGroup(0, new DefaultThreadFactory("peerconnection", true),
                            NioIoHandler.newFactory());
                    sharedGroup = g;
                }
            }
        }
        return g;
    }

    public PeerConnectionState connectionState() {
        return state;
    }

    public IceConnectionState iceConnectionState() {
        return iceState;
    }

    /**
     * RTCIceGatheringState, with one difference: a candidate pool's gathering before any description counts too
     * ({@code GATHERING}, then {@code COMPLETE} once every STUN/TURN server answered or timed out).
     */
    public IceGatheringState iceGatheringState() {
        return gatheringState;
    }

    public DtlsCertificate certificate() {
        return certificate;
    }

    /** Nanoseconds from creation to DTLS connected, or -1. */
    public long setupNanos() {
        return connectedNanos == 0 ? -1 : connectedNanos - createdNanos;
    }

    /** Transport counters, read on the loop. */
    public CompletableFuture<TransportStats> stats() {
        return call(() -> {
            if (stack == null) {
                throw new IllegalStateException("no transport yet");
            }
            TransportStats t = stack.stats();
            return new TransportStats(t.ice(), t.dtls(), t.sctp(), t.droppedChannelMessages() + undeliverable,
                    delivered);
        });
    }

    // ---------------------------------------------------------------- API (any thread)

    public CompletableFuture<SessionDescriptionInit> createOffer() {
        return createOffer(RtcOfferOptions.DEFAULT);
    }

    /** createOffer(options): {@code iceRestart} (or an earlier {@link #restartIce()}) gives it new ICE credentials. */
    public CompletableFuture<SessionDescriptionInit> createOffer(RtcOfferOptions options) {
        return call(() -> {
            ensureStack(IceRole.CONTROLLING);
            offerer = true;
            List<TransceiverSpec> specs = new ArrayList<>();
            for (RtpTransceiver t : transceivers) {
                if (t.mid().isEmpty()) {
                    t.mid(nextMid());
                }
                specs.add(MediaNegotiation.offerSpec(t, cname));
            }
            if (dataMid == null) {
                dataMid = nextMid();
            }
            SessionDescription sd = Jsep.createOffer(new OfferOptions(origin(),
                    transport(restarts.forOffer(options.iceRestart())), specs,
                    Optional.of(new DataChannelSpec(dataMid, DataChannelSpec.DEFAULT_SCTP_PORT,
                            config.maxMessageSize())), true));
            return new SessionDescriptionInit("offer", sd.write());
        });
    }

    public CompletableFuture<SessionDescriptionInit> createAnswer() {
        return call(() -> {
            if (remoteDescription == null || offerer) {
                throw new IllegalStateException("createAnswer needs a remote offer");
            }
            String mid = RemoteDescription.applicationMid(remoteDescription);
            SessionDescription sd = Jsep.createAnswer(remoteDescription, new AnswerOptions(origin(),
                    transport(restarts.current()),
                    Setup.ACTIVE, MediaNegotiation.capabilities(transceivers),
                    MediaNegotiation.directions(transceivers), MediaNegotiation.answerAttributes(transceivers, cname),
                    Optional.of(new DataChannelSpec(mid, DataChannelSpec.DEFAULT_SCTP_PORT, config.maxMessageSize()))));
            applyNegotiation(sd, remoteDescription, false);
            return new SessionDescriptionInit("answer", sd.write());
        });
    }

    /** Applies our description; trickles our candidates (also in the SDP) and then end-of-candidates. */
    public CompletableFuture<Void> setLocalDescription(SessionDescriptionInit description) {
        return call(() -> {
            if (localDescriptionSet) {
                if (stack == null || !restarts.applyLocal(description.sdp(), stack.ice())) {
                    return null;   // candidates were trickled with the first description
                }
                endOfCandidatesSignalled = false;   // an ICE restart: signal them again (RFC 8838 §4.4)
            }
            localDescriptionSet = true;
            for (Candidate c : signalledCandidates()) {
                observer.onIceCandidate(Optional.of(
                        IceCandidateInit.of("candidate:" + c.toSdp(), mid(), mLineIndex())));
            }
            maybeEndOfCandidates();
            return null;
        });
    }

    public CompletableFuture<Void> setRemoteDescription(SessionDescriptionInit description) {
        return call(() -> {
            RemoteDescription remote = RemoteDescription.parse(description.sdp());
            boolean isOffer = description.type().equals("offer");
            if (isOffer) {
                ensureStack(IceRole.CONTROLLED);
                offerer = false;
                MediaNegotiation.adoptOffer(remote.sdp(), transceivers, this::addRemoteTransceiver);
            }
            if (stack == null) {
                throw new IllegalStateException("an answer needs our offer first");
            }
            remoteDescription = remote.sdp();
            if (remote.sdp().iceLite()) {
                stack.ice().setRemoteLite(true);   // RFC 8445 §6.1.1: the full agent controls
            }
            // RFC 8842 §5: the answerer picks active (DTLS client); an offerer follows the answer's setup
            DtlsRole role = isOffer ? DtlsRole.CLIENT : remote.answerSetupActive() ? DtlsRole.SERVER : DtlsRole.CLIENT;
            stack.setRemote(remote.iceCredentials(), remote.fingerprint(), role, remote.sctpPort(),
                    remote.maxMessageSize(), remote.dataChannel());
            restarts.applyRemote(remote.iceCredentials(), isOffer, stack.ice());
            if (dtlsRole == null) {
                dtlsState = "connecting";
                dtlsRole = role;
            }
            maxSendMessageSize = Math.min(config.maxMessageSize(),
                    remote.maxMessageSize() > 0 ? remote.maxMessageSize() : 65_536);
            if (!isOffer) {
                applyNegotiation(remote.sdp(), remote.sdp(), true);
            }
            for (Candidate c : remote.candidates()) {
                addRemote(c);
            }
            if (remote.endOfCandidates()) {
                stack.ice().endOfRemoteCandidates();
            }
            for (IceCandidateInit c : earlyCandidates) {
                applyCandidate(c);
            }
            earlyCandidates.clear();
            dirty = true;
            return null;
        });
    }

    /** W3C restartIce(): the next {@link #createOffer} restarts ICE (new ufrag/pwd, RFC 8445 §9). */
    public void restartIce() {
        submit(restarts::request);
    }

    public CompletableFuture<Void> addIceCandidate(IceCandidateInit candidate) {
        return call(() -> {
            if (stack == null || remoteDescription == null) {
                if (earlyCandidates.size() >= PeerLimits.MAX_REMOTE_CANDIDATES) {
                    throw new IllegalStateException("more than " + PeerLimits.MAX_REMOTE_CANDIDATES
                            + " remote candidates");
                }
                earlyCandidates.add(candidate);
            } else {
                applyCandidate(candidate);
            }
            dirty = true;
            return null;
        });
    }

    // ---------------------------------------------------------------- media (any thread)

    /** addTransceiver(kind, {direction}) (W3C webrtc §4.4.1.6). */
    public RtpTransceiver addTransceiver(MediaKind kind, Direction direction) {
        String id = Long.toHexString(random.nextLong() & Long.MAX_VALUE);
        RtpTransceiver t = new RtpTransceiver(this, kind, direction, random.nextLong() & 0xFFFF_FFFFL, "stream-" + id,
                kind.token() + "-" + id);
        transceivers.add(t);
        return t;
    }

    /**
     * addTrack (W3C webrtc §4.4.1.6): reuses a transceiver of this kind created by a remote offer that does not
     * send yet, else adds a sendrecv one. Returns its sender.
     */
    public RtpSender addTrack(MediaKind kind, String streamId) {
        synchronized (transceivers) {
            for (RtpTransceiver t : transceivers) {
                if (t.kind() == kind && t.mid().isPresent() && !t.direction().sends() && !t.sendRequested) {
                    t.sendRequested = true;
                    t.setDirection(Direction.of(true, t.direction().receives()));
                    return t.sender();
                }
            }
            String id = Long.toHexString(random.nextLong() & Long.MAX_VALUE);
            RtpTransceiver t = new RtpTransceiver(this, kind, Direction.SENDRECV, random.nextLong() & 0xFFFF_FFFFL,
                    streamId, kind.token() + "-" + id);
            t.sendRequested = true;
            transceivers.add(t);
            return t.sender();
        }
    }

    public List<RtpTransceiver> getTransceivers() {
        return List.copyOf(transceivers);
    }

    /** getStats (W3C webrtc §8.2, webrtc-stats): inbound-rtp, outbound-rtp, remote-inbound-rtp, candidate-pair, transport. */
    public CompletableFuture<StatsReport> getStats() {
        return call(this::statsOnLoop);
    }

    boolean submitFrame(RtpTransceiver t, String codec, byte[] frame, long timestampMicros) {
        return submit(() -> {
            String mid = t.mid().orElse(null);
            if (mid == null || !media.sendFrame(System.nanoTime(), mid, codec, frame, timestampMicros)) {
                framesNotSent++;
            }
        });
    }

    void submitKeyframeRequest(RtpTransceiver t) {
        submit(() -> t.mid().ifPresent(mid -> media.requestKeyframe(System.nanoTime(), mid)));
    }

    /** A new channel; it opens (DCEP) once the SCTP association is up. */
    public DataChannel createDataChannel(DataChannelInit init) {
        DataChannel dc = new DataChannel(this, init);
        if (!submit(() -> {
            if (stack != null && stack.sctpConnected()) {
                openNow(dc);
            } else {
                pendingOpen.add(dc);
            }
        })) {
            throw new IllegalStateException("command queue full");
        }
        return dc;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        CompletableFuture<Void> done = new CompletableFuture<>();
        Runnable shutdown = () -> {
            try {
                if (stack != null) {
                    stack.close(System.nanoTime());
                }
                for (TurnRelay r : relays) {
                    r.close(System.nanoTime());   // RFC 8656 §8: delete the allocation
                }
                flush();
                channels.values().forEach(dc -> {
                    dc.state(DataChannel.State.CLOSED);
                    dc.listener().onClose();
                });
                setState(PeerConnectionState.CLOSED);
            } finally {
                // whatever threw above (a protocol layer, an application callback): timer and sockets still go
                if (timer != null) {
                    timer.cancel(false);
                }
                sockets.values().forEach(DatagramChannel::close);
                tcp.close();
                done.complete(null);
            }
        };
        if (loop.inEventLoop()) {
            shutdown.run();   // closed from a callback: waiting for the loop would wait for ourselves
            return;
        }
        loop.execute(shutdown);
        try {
            done.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "close did not finish: " + e);
        }
    }

    // ---------------------------------------------------------------- loop side

    boolean submit(Runnable command) {
        if (closed || !commands.offer(command)) {
            return false;
        }
        if (drainScheduled.compareAndSet(false, true)) {
            loop.execute(drainTask);
        }
        return true;
    }

    boolean submitSend(DataChannel dc, boolean binary, byte[] data) {
        return submit(() -> {
            backlog.computeIfAbsent(dc, k -> new ArrayDeque<>()).add(new Object[] {binary, data});
            dirty = true;
        });
    }

    private <T> CompletableFuture<T> call(java.util.concurrent.Callable<T> body) {
        CompletableFuture<T> f = new CompletableFuture<>();
        if (!submit(() -> {
            try {
                f.complete(body.call());
            } catch (Exception | AssertionError e) {
                f.completeExceptionally(e);
            }
        })) {
            f.completeExceptionally(new IllegalStateException(closed ? "closed" : "command queue full"));
        }
        return f;
    }

    private void drainCommands() {
        drainScheduled.set(false);
        int n = 0;
        for (Runnable r; n < DRAIN_LIMIT && (r = commands.poll()) != null; n++) {
            r.run();
        }
        if (!commands.isEmpty() && drainScheduled.compareAndSet(false, true)) {
            loop.execute(drainTask);  // let other connections on this loop run first
        }
        afterWork(System.nanoTime());
    }

    private void afterWork(long now) {
        if (stack != null && !closed) {
            flushBacklogs();
            stack.drive(now);
            flushBacklogs();
            bindSelectedChannel(now);
            for (DataChannel dc : channels.values()) {
                dc.sctpBuffered = stack.channels().bufferedAmount(dc.id);
            }
            reschedule(now);
        } else if (!closed && gatheringStarted) {
            reschedule(now);   // candidate pool: STUN/TURN timers run before there is a transport
        }
        flush();
        dirty = false;
    }

    private void flushBacklogs() {
        if (stack == null || !stack.sctpConnected()) {
            return;
        }
        for (Map.Entry<DataChannel, ArrayDeque<Object[]>> e : backlog.entrySet()) {
            DataChannel dc = e.getKey();
            ArrayDeque<Object[]> q = e.getValue();
            if (dc.id < 0) {
                continue;
            }
            while (!q.isEmpty()) {
                Object[] m = q.peek();
                byte[] data = (byte[]) m[1];
                boolean ok = (Boolean) m[0] ? stack.channels().send(dc.id, data, 0, data.length)
                        : stack.channels().send(dc.id, new String(data, java.nio.charset.StandardCharsets.UTF_8));
                if (!ok) {
                    break;  // SCTP send buffer full: keep it, retry after the next SACK
                }
                q.poll();
                dc.queuedBytes.addAndGet(-data.length);
            }
        }
        stack.drive(System.nanoTime());
    }

    private void reschedule(long now) {
        long deadline = earliest(stack == null ? Long.MAX_VALUE : stack.pollTimeout(), media.pollTimeout());
        for (TurnRelay r : relays) {
            deadline = earliest(deadline, r.pollTimeout());
        }
        if (gatherer != null) {
            deadline = earliest(deadline, gatherer.pollTimeout());
        }
        if (deadline == Long.MAX_VALUE) {
            return;
        }
        if (timer != null && !timer.isDone() && timerDeadline - deadline <= 0) {
            return;
        }
        if (timer != null) {
            timer.cancel(false);
        }
        timerDeadline = deadline;
        timer = loop.schedule(() -> {
            timer = null;   // this one has fired: the next reschedule must arm a new one
            long t = System.nanoTime();
            for (TurnRelay r : relays) {
                long due = r.pollTimeout();
                if (due != Long.MAX_VALUE && due - t <= 0) {
                    r.handleTimeout(t);
                }
            }
            if (gatherer != null) {
                long due = gatherer.pollTimeout();
                if (due != Long.MAX_VALUE && due - t <= 0) {
                    gatherer.handleTimeout(t);
                    drainGatherer();
                }
            }
            if (stack != null) {
                stack.onTimeout(t);
            }
            media.handleTimeout(t);
            afterWork(t);
        }, Math.max(0, deadline - now), TimeUnit.NANOSECONDS);
    }

    private void ensureStack(IceRole role) {
        if (stack != null) {
            return;
        }
        stack = new TransportStack(org.jwebrtc.ice.IceConfig.defaults().withRole(role).withLite(config.ice().lite()),
                restarts.current(), certificate, random, HANDSHAKES,
                () -> loop.execute(() -> afterWork(System.nanoTime())), new StackOutput(), config.maxMessageSize());
        stack.maxDtlsVersion(config.maxDtlsVersion());
        if (config.iceTransportPolicy() == IceTransportPolicy.ALL) {
            for (Candidate c : hostCandidates) {
                stack.ice().addLocalCandidate(c);
            }
        }
        reflexiveCandidates.forEach(stack.ice()::addLocalCandidate);   // gathered by the candidate pool
        relayCandidates.forEach(stack.ice()::addLocalCandidate);
        startGathering();
    }

    /** STUN and TURN gathering, once: at the first offer/remote offer, or at creation with a candidate pool. */
    private void startGathering() {
        if (!gatheringStarted && !config.ice().lite()) {   // RFC 8445 §2.5: a lite agent has host candidates only
            gatheringStarted = true;
            startRelays();
            startReflexiveGathering();
        }
    }

    /**
     * Server-reflexive candidates (RFC 8445 §5.1.1.2) from the STUN servers, asked from every host socket through
     * the ice module's gatherer; not under the RELAY policy (W3C webrtc §4.2.1: such candidates are never used).
     */
    private void startReflexiveGathering() {
        List<InetSocketAddress> stunServers = new ArrayList<>();
        for (IceServerConfig server : config.iceServers()) {
            for (String url : server.urls()) {
                IceServerConfig.Url u = IceServerConfig.parse(url);
                if (!u.turn() && !u.server().isUnresolved()) {
                    stunServers.add(u.server());
                }
            }
        }
        if (stunServers.isEmpty() || config.iceTransportPolicy() == IceTransportPolicy.RELAY) {
            return;
        }
        long now = System.nanoTime();
        gatherer = new org.jwebrtc.ice.CandidateGatherer(org.jwebrtc.ice.CandidateGatherer.Config.of(stunServers)
                .withServerTimeout(config.ice().stunTimeout()), random);
        for (Candidate host : hostCandidates) {
            if (host.isTcp()) {
                continue;   // STUN over our UDP host sockets only
            }
            gatherer.addHostSocket(now, host.address(), (int) ((host.priority() >> 8) & 0xFFFF));
        }
        gatherer.hostSocketsDone();
        drainGatherer();
    }

    private void drainGatherer() {
        if (gatherer == null) {
            return;
        }
        for (org.jwebrtc.ice.Transmit t; (t = gatherer.pollTransmit()) != null; ) {
            DatagramChannel ch = sockets.get(t.local());
            if (ch != null) {
                ch.write(new DatagramPacket(Unpooled.wrappedBuffer(t.data()), t.remote()));
            }
        }
        for (org.jwebrtc.ice.GatheringEvent e; (e = gatherer.pollEvent()) != null; ) {
            if (e instanceof org.jwebrtc.ice.GatheringEvent.CandidateGathered g
                    && g.candidate().type() == org.jwebrtc.ice.CandidateType.SERVER_REFLEXIVE) {
                Candidate c = g.candidate();   // host candidates are ours already
                reflexiveCandidates.add(c);
                if (stack != null) {
                    stack.ice().addLocalCandidate(c);
                }
                if (localDescriptionSet) {
                    observer.onIceCandidate(Optional.of(
                            IceCandidateInit.of("candidate:" + c.toSdp(), mid(), mLineIndex())));
                }
            } else if (e instanceof org.jwebrtc.ice.GatheringEvent.Complete) {
                maybeEndOfCandidates();
            }
        }
    }

    /** One TURN allocation per TURN URL per host socket (W3C webrtc §4.4.1.5 gathering), over UDP, TCP or TLS. */
    private void startRelays() {
        long now = System.nanoTime();
        List<org.jwebrtc.peerconnection.internal.TurnServerUrl> urls = new ArrayList<>();
        for (IceServerConfig server : config.iceServers()) {
            urls.addAll(server.turnUrls());
        }
        for (TurnRelay relay : org.jwebrtc.peerconnection.internal.TurnRelays.create(urls, sockets.keySet(), loop,
                config.turnTlsContext(), random, System::nanoTime, new RelaySink())) {
            relays.add(relay);
            relaysPending++;
            relay.start(now);
        }
    }

    private List<Candidate> signalledCandidates() {
        List<Candidate> out = new ArrayList<>();
        if (config.iceTransportPolicy() == IceTransportPolicy.ALL) {
            out.addAll(hostCandidates);
            out.addAll(reflexiveCandidates);
        }
        out.addAll(relayCandidates);
        return out;
    }

    private boolean gatheringDone() {
        return relaysPending == 0 && (gatherer == null || gatherer.isComplete());
    }

    private void updateGatheringState() {
        if (gatheringStarted || localDescriptionSet) {
            gatheringState = gatheringDone() ? IceGatheringState.COMPLETE : IceGatheringState.GATHERING;
        }
    }

    /** RFC 8838 §8.2: end-of-candidates once the description is set and every allocation has answered. */
    private void maybeEndOfCandidates() {
        updateGatheringState();
        if (localDescriptionSet && relaysPending == 0 && (gatherer == null || gatherer.isComplete())
                && !endOfCandidatesSignalled) {
            endOfCandidatesSignalled = true;
            observer.onIceCandidate(Optional.empty());
        }
    }

    /** A remote candidate: every allocation installs its IP's permission before checks go out (RFC 8656 §9). */
    private void addRemote(Candidate c) {
        if (!remoteCandidates.contains(c.address()) && remoteCandidates.size() >= PeerLimits.MAX_REMOTE_CANDIDATES) {
            throw new IllegalStateException("more than " + PeerLimits.MAX_REMOTE_CANDIDATES + " remote candidates");
        }
        remoteCandidates.add(c.address());
        long now = System.nanoTime();
        if (c.address().getAddress() != null) {
            for (TurnRelay r : relays) {
                r.permit(now, c.address().getAddress());
            }
        }
        stack.ice().addRemoteCandidate(c);
    }

    /** RFC 8656 §11: once a relayed pair is selected, its data moves to ChannelData. */
    private void bindSelectedChannel(long now) {
        if (relays.isEmpty()) {
            return;
        }
        Optional<CandidatePair> pair = stack.selectedPair();
        if (pair.isEmpty()) {
            return;
        }
        for (TurnRelay r : relays) {
            if (r.relayedAddress().filter(pair.get().local().address()::equals).isPresent()) {
                r.bindChannel(now, pair.get().remote().address());
            }
        }
    }

    private TurnRelay relayFor(InetSocketAddress local) {
        for (TurnRelay r : relays) {
            if (r.relayedAddress().filter(local::equals).isPresent()) {
                return r;
            }
        }
        return null;
    }

    /** The loop side of the TURN allocations. */
    private final class RelaySink implements TurnRelay.Sink {
        @Override
        public void toServer(InetSocketAddress local, InetSocketAddress server, byte[] data) {
            DatagramChannel ch = sockets.get(local);
            if (ch != null) {
                ch.write(new DatagramPacket(Unpooled.wrappedBuffer(data), server));
            }
        }

        @Override
        public void fromPeer(long now, InetSocketAddress relayed, InetSocketAddress peer, byte[] buf, int off,
                             int len) {
            if (stack != null) {
                stack.onDatagram(now, relayed, peer, buf, off, len);
            }
        }

        @Override
        public void gathered(TurnRelay relay, Optional<Candidate> candidate) {
            relaysPending--;
            if (candidate.isPresent()) {
                Candidate c = candidate.get();
                relayCandidates.add(c);
                if (stack != null) {
                    stack.ice().addLocalCandidate(c);
                }
                if (localDescriptionSet) {
                    observer.onIceCandidate(Optional.of(
                            IceCandidateInit.of("candidate:" + c.toSdp(), mid(), mLineIndex())));
                }
            } else {
                LOG.log(System.Logger.Level.INFO, "TURN allocation failed on " + relay);
            }
            maybeEndOfCandidates();
        }

        @Override
        public void lost(TurnRelay relay, Candidate candidate) {
            LOG.log(System.Logger.Level.INFO, relay + " lost its allocation; relay candidate removed");
            relayCandidates.remove(candidate);
            if (stack != null) {
                stack.ice().removeLocalCandidate(candidate);   // pairs on it fail; ICE moves on if it can
            }
        }

        @Override
        public void inputHandled(long now) {
            afterWork(now);   // a read from a TCP/TLS connection to a TURN server
        }
    }

    private void applyCandidate(IceCandidateInit c) {
        if (c.isEndOfCandidates()) {
            stack.ice().endOfRemoteCandidates();
            return;
        }
        RemoteDescription.candidate(c.candidate()).ifPresent(this::addRemote);
    }

    private void openNow(DataChannel dc) {
        int id;
        try {
            id = stack.channels().open(dc.init());
        } catch (IllegalStateException e) {
            // W3C webrtc §6.1: no stream id left (PeerLimits.SCTP_STREAMS) or the id is taken: the channel closes
            LOG.log(System.Logger.Level.INFO, dc + " not opened: " + e.getMessage());
            dc.state(DataChannel.State.CLOSED);
            dc.listener().onClose();
            return;
        }
        dc.id = id;
        channels.put(id, dc);
        applyThreshold(dc);
    }

    void applyThreshold(DataChannel dc) {
        if (stack != null && dc.id >= 0) {
            stack.channels().setBufferedAmountLowThreshold(dc.id, dc.bufferedAmountLowThreshold);
        }
    }

    void closeChannel(DataChannel dc) {
        if (stack != null && dc.id >= 0) {
            stack.channels().close(dc.id);
            dirty = true;
        } else {
            pendingOpen.remove(dc);
            dc.state(DataChannel.State.CLOSED);
            dc.listener().onClose();
        }
    }

    private RtpTransceiver byMid(String mid) {
        for (RtpTransceiver t : transceivers) {
            if (mid.equals(t.mid().orElse(null))) {
                return t;
            }
        }
        return null;
    }

    private String nextMid() {
        int n = 0;
        while (true) {
            String candidate = Integer.toString(n++);
            if (byMid(candidate) == null && !candidate.equals(dataMid)) {
                return candidate;
            }
        }
    }

    private RtpTransceiver addRemoteTransceiver(MediaKind kind, String mid) {
        RtpTransceiver t = addTransceiver(kind, Direction.RECVONLY);
        t.mid(mid);
        return t;
    }

    /** The answer is known (ours or theirs): configure each transceiver's media section, fire onTrack. */
    private void applyNegotiation(SessionDescription answer, SessionDescription remote, boolean localIsOfferer) {
        for (MediaSection s : MediaNegotiation.sections(answer, remote, transceivers, localIsOfferer)) {
            RtpTransceiver t = byMid(s.mid());
            if (t == null) {
                continue;
            }
            t.currentDirection(Direction.of(s.send(), s.receive()));
            t.sender().negotiated(s.codecs());
            media.configure(s);
            if (s.receive() && !t.trackFired) {
                t.trackFired = true;
                observer.onTrack(t);
            }
        }
    }

    private StatsReport statsOnLoop() {
        double ts = System.currentTimeMillis();
        Map<String, RtcStats> out = new LinkedHashMap<>();
        String transportId = "T01";
        Optional<CandidatePair> pair = stack == null ? Optional.empty() : stack.selectedPair();
        String pairId = pair.map(p -> "CP-" + p.local().address().getPort() + "-" + p.remote().address().getPort())
                .orElse(null);
        for (RtcStats s : media.stats(ts, transportId)) {
            out.put(s.id(), s);
        }
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("dtlsState", dtlsState);
        t.put("iceState", iceState.name().toLowerCase(java.util.Locale.ROOT));
        if ("connected".equals(dtlsState)) {
            // DTLS 1.2 is {254, 253} (RFC 6347 §4.1), DTLS 1.3 {254, 252} (RFC 9147 §5.3), as browsers report them
            t.put("tlsVersion", stack.dtlsVersion().orElse(DtlsVersion.DTLS_1_2) == DtlsVersion.DTLS_1_3
                    ? "FEFC" : "FEFD");
            t.put("dtlsCipher", String.format("0x%04X", stack.cipherSuite()));
        }
        if (srtpProfile != null) {
            t.put("srtpCipher", srtpProfile);
        }
        if (dtlsRole != null) {
            t.put("dtlsRole", dtlsRole == DtlsRole.CLIENT ? "client" : "server");
        }
        if (pairId != null) {
            t.put("selectedCandidatePairId", pairId);
        }
        if (stack != null) {
            t.put("selectedCandidatePairChanges", stack.selectedPairChanges());
            t.put("iceLocalUsernameFragment", stack.ice().localCredentials().ufrag());
            t.put("iceRole", stack.ice().role() == IceRole.CONTROLLING ? "controlling" : "controlled");
        }
        t.put("bytesSent", bytesSent);
        t.put("bytesReceived", bytesReceived);
        t.put("packetsSent", packetsSent);
        t.put("packetsReceived", packetsReceived);
        out.put(transportId, new RtcStats(transportId, "transport", ts, t));
        if (pair.isPresent()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("transportId", transportId);
            c.put("state", "succeeded");
            c.put("nominated", true);
            c.put("localCandidateId", "C-" + pair.get().local().address().getPort());
            c.put("remoteCandidateId", "C-" + pair.get().remote().address().getPort());
            c.put("bytesSent", bytesSent);
            c.put("bytesReceived", bytesReceived);
            c.put("packetsSent", packetsSent);
            c.put("packetsReceived", packetsReceived);
            media.roundTripTime().ifPresent(rtt -> c.put("currentRoundTripTime", rtt));
            out.put(pairId, new RtcStats(pairId, "candidate-pair", ts, c));
            candidateStats(out, ts, "local-candidate", pair.get().local(), transportId,
                    relayFor(pair.get().local().address()));
            candidateStats(out, ts, "remote-candidate", pair.get().remote(), transportId, null);
        }
        return new StatsReport(out);
    }

    /** webrtc-stats §8.5 RTCIceCandidateStats of one end of the selected pair. */
    private static void candidateStats(Map<String, RtcStats> out, double ts, String type, Candidate cand,
                                       String transportId, TurnRelay relay) {
        String id = "C-" + cand.address().getPort();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("transportId", transportId);
        m.put("address", cand.address().getHostString());
        m.put("port", cand.address().getPort());
        m.put("protocol", cand.isTcp() ? "tcp" : "udp");
        m.put("candidateType", cand.type().sdpName());
        m.put("priority", cand.priority());
        if (relay != null && cand.type() == org.jwebrtc.ice.CandidateType.RELAYED) {
            m.put("relayProtocol", relay.url().relayProtocol());   // the transport to the TURN server
            m.put("url", relay.url().url());
        }
        out.put(id + (type.startsWith("local") ? "" : "-r"), new RtcStats(id, type, ts, m));
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

    /** The mid our trickled candidates name: the BUNDLE tag (our offers put mid 0 first). */
    private String mid() {
        return remoteDescription != null ? RemoteDescription.bundleTagMid(remoteDescription) : "0";
    }

    private int mLineIndex() {
        return remoteDescription != null ? RemoteDescription.mLineIndex(remoteDescription, mid()) : 0;
    }

    private Origin origin() {
        return new Origin("-", Long.toString(sessionId), sessionVersion++, "IN", "IP4", "127.0.0.1");
    }

    private TransportParameters transport(IceCredentials ice) {
        List<org.jwebrtc.sdp.Candidate> cands = new ArrayList<>();
        for (Candidate c : signalledCandidates()) {
            RemoteDescription.sdpCandidate(c).ifPresent(cands::add);
        }
        Fingerprint fp = certificate.fingerprint();
        String[] parts = fp.toSdp().split(" ", 2);
        return new TransportParameters(ice.ufrag(), ice.pwd(),
                List.of(new org.jwebrtc.sdp.Fingerprint(parts[0], parts[1])), config.ice().lite(), true, cands, false);
    }

    private void setState(PeerConnectionState s) {
        if (state != s) {
            state = s;
            observer.onConnectionStateChange(s);
        }
    }

    private void flush() {
        for (DatagramChannel ch : sockets.values()) {
            ch.flush();
        }
    }

    /** ICE-TCP frames (RFC 6544, RFC 4571) into the stack, on the loop. */
    private final class TcpSink implements IceTcpSockets.Sink {
        @Override
        public void frame(long now, InetSocketAddress local, InetSocketAddress remote, byte[] data) {
            if (stack != null && !closed) {
                packetsReceived++;
                bytesReceived += data.length;
                stack.onPacket(now, org.jwebrtc.ice.TransportProtocol.TCP, local, remote, data, 0, data.length);
            }
        }

        @Override
        public void readDone(long now) {
            afterWork(now);
        }
    }

    /** What the sans-IO stack produces, applied on the loop. */
    private final class StackOutput implements TransportStack.Output {
        @Override
        public void send(org.jwebrtc.ice.TransportProtocol transport, InetSocketAddress local,
                         InetSocketAddress remote, byte[] data) {
            if (transport == org.jwebrtc.ice.TransportProtocol.TCP) {
                packetsSent++;
                bytesSent += data.length;
                tcp.send(local, remote, data);
            } else {
                send(local, remote, data);
            }
        }

        @Override
        public void send(InetSocketAddress local, InetSocketAddress remote, byte[] data) {
            DatagramChannel ch = sockets.get(local);
            if (ch == null) {
                TurnRelay relay = relayFor(local);
                if (relay != null) {
                    packetsSent++;
                    bytesSent += data.length;
                    relay.send(remote, data);
                    return;
                }
                ch = sockets.values().iterator().next();
            }
            packetsSent++;
            bytesSent += data.length;
            ch.write(new DatagramPacket(Unpooled.wrappedBuffer(data), remote));
        }

        @Override
        public void srtpReady(long now, SrtpKeyingMaterial keys, DtlsRole role) {
            Optional<SrtpProfile> profile = SrtpProfile.fromDtlsId(keys.profile().id());
            if (profile.isEmpty()) {
                return;   // cannot happen: dtls offers only profiles srtp implements
            }
            srtpProfile = profile.get().name();
            media.start(now, DtlsSrtpContexts.fromKeyingMaterial(profile.get(), keys.toExported(),
                    role == DtlsRole.CLIENT));
        }

        @Override
        public void media(long now, byte[] buf, int off, int len) {
            media.handleInput(now, buf, off, len);
        }

        @Override
        public void localCandidate(Candidate c) {
            // peer-reflexive candidates are learned, not signalled (RFC 8445 §7.2.5.3.1)
        }

        @Override
        public void iceState(IceConnectionState s) {
            iceState = s;
            observer.onIceConnectionStateChange(s);
            switch (s) {
                case CHECKING -> setState(PeerConnectionState.CONNECTING);
                case DISCONNECTED -> setState(PeerConnectionState.DISCONNECTED);
                case FAILED -> setState(PeerConnectionState.FAILED);
                case CONNECTED, COMPLETED -> {
                    if (state == PeerConnectionState.DISCONNECTED && connectedNanos != 0) {
                        setState(PeerConnectionState.CONNECTED);
                    }
                }
                default -> { }
            }
        }

        @Override
        public void dtlsConnected(Fingerprint remote) {
            connectedNanos = System.nanoTime();
            dtlsState = "connected";
            setState(PeerConnectionState.CONNECTED);
        }

        @Override
        public void failed(String reason) {
            LOG.log(System.Logger.Level.INFO, "peer connection failed: " + reason);
            dtlsState = reason.startsWith("DTLS") ? "failed" : dtlsState;
            setState(PeerConnectionState.FAILED);
            for (DataChannel dc : channels.values()) {
                dc.state(DataChannel.State.CLOSED);
                dc.listener().onClose();
            }
        }

        @Override
        public void sctpReady() {
            for (DataChannel dc : pendingOpen) {
                openNow(dc);
            }
            pendingOpen.clear();
        }

        @Override
        public void channel(DataChannelEvent e) {
            if (e instanceof DataChannelEvent.Opened o) {
                DataChannel dc = channels.get(o.channelId());
                if (dc == null) {
                    dc = new DataChannel(PeerConnection.this, o.init());
                    dc.id = o.channelId();
                    channels.put(o.channelId(), dc);
                    dc.state(DataChannel.State.OPEN);
                    observer.onDataChannel(dc);
                } else {
                    dc.state(DataChannel.State.OPEN);
                }
                dc.listener().onOpen();
            } else if (e instanceof DataChannelEvent.Message m) {
                DataChannel dc = channels.get(m.channelId());
                if (dc != null) {
                    delivered++;
                    dc.listener().onMessage(dc, m.binary(), m.data());
                } else {
                    undeliverable++;
                }
            } else if (e instanceof DataChannelEvent.Closed c) {
                DataChannel dc = channels.remove(c.channelId());
                if (dc != null) {
                    backlog.remove(dc);
                    dc.state(DataChannel.State.CLOSED);
                    dc.listener().onClose();
                }
            } else if (e instanceof DataChannelEvent.BufferedAmountLow b) {
                DataChannel dc = channels.get(b.channelId());
                if (dc != null) {
                    dc.listener().onBufferedAmountLow();
                }
            }
        }

        @Override
        public void closed(String reason) {
            LOG.log(System.Logger.Level.DEBUG, "transport closed: " + reason);
        }
    }

    /** What the media session produces, applied on the loop. */
    private final class MediaOutput implements MediaSession.Output {
        @Override
        public void transmit(long now, byte[] datagram) {
            if (stack != null) {
                stack.sendMedia(now, datagram);
            }
        }

        @Override
        public void frame(String mid, EncodedFrame frame) {
            RtpTransceiver t = byMid(mid);
            if (t != null) {
                t.receiver().listener().onFrame(frame);
            }
        }

        @Override
        public void keyframeRequest(String mid) {
            RtpTransceiver t = byMid(mid);
            if (t != null) {
                t.sender().listener().onKeyframeRequest();
            }
        }
    }

    /** Inbound datagrams: copy out, release at once (DESIGN.md §2), feed the stack. */
    private final class Inbound extends SimpleChannelInboundHandler<DatagramPacket> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            if (closed || (stack == null && !gatheringStarted)) {
                return;
            }
            ByteBuf content = packet.content();
            packetsReceived++;
            bytesReceived += content.readableBytes();
            byte[] data = new byte[content.readableBytes()];
            content.getBytes(content.readerIndex(), data);
            long now = System.nanoTime();
            InetSocketAddress local = (InetSocketAddress) ctx.channel().localAddress();
            for (TurnRelay r : relays) {
                if (r.isFromServer(local, packet.sender())) {
                    r.handleInput(now, data, 0, data.length);   // relayed data reaches the stack via RelaySink
                    afterWork(now);
                    return;
                }
            }
            if (gatherer != null && gatherer.handleInput(now, local, packet.sender(), data, 0, data.length)) {
                drainGatherer();   // a STUN server's Binding response: the gatherer's, not the agent's
                afterWork(now);
                return;
            }
            if (config.iceTransportPolicy() == IceTransportPolicy.RELAY || stack == null) {
                return;   // nothing but the TURN servers talks to our host sockets under the relay policy
            }
            stack.onDatagram(now, local, packet.sender(), data, 0, data.length);
            afterWork(now);
        }
    }
}
