package org.jwebrtc.sctp;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * One SCTP association (RFC 9260) carried over DTLS (RFC 8261): the caller feeds each decrypted DTLS record to
 * {@link #handleInput} and sends each {@link #pollTransmit} result as one DTLS record. Sans-IO: no threads, no clock;
 * time arrives as {@code nowNanos}. {@link #send} and {@link #pollTransmit} use the time of the latest
 * {@code connect}/{@code handleInput}/{@code handleTimeout} call.
 *
 * <p>After any call, drain {@link #pollTransmit} and {@link #pollEvent} until null, then wake at
 * {@link #pollTimeout}. Not thread-safe: owned by exactly one thread.
 */
public final class SctpAssociation {
    private record Outgoing(int vtag, Chunk chunk) {}

    private final SctpConfig config;
    private final Random random;
    private final ArrayDeque<SctpEvent> events = new ArrayDeque<>();
    private final ArrayDeque<Outgoing> control = new ArrayDeque<>();
    private final StateCookie.Signer signer;
    private final Crc32c crc = new Crc32c();
    private final DataChunkView view = new DataChunkView();
    private final byte[] scratch;
    private final SendBuffer send;
    private final ReceiveBuffer recv;

    private SctpState state = SctpState.CLOSED;
    private int myTag;
    private int peerTag;
    private int myInitialTsn;
    private int peerInitialTsn;
    private long peerRwnd;
    private boolean peerForwardTsn;
    private boolean peerReconfig;
    private int outboundStreams;
    private int inboundStreams;
    private long now;
    private int errorCount;

    private long t1Deadline = Long.MAX_VALUE;   // T1-init / T1-cookie (§5.1)
    private long t1Rto;
    private int t1Count;
    private Chunk t1Chunk;
    private long t2Deadline = Long.MAX_VALUE;   // T2-shutdown (§9.2)
    private long t2Rto;
    private int t2Count;
    private long sackDeadline = Long.MAX_VALUE;
    private boolean sackNow;
    private int dataPacketsSinceSack;
    private long hbDeadline = Long.MAX_VALUE;
    private long hbSentAt = -1;

    // RFC 6525 stream reset
    private final Set<Integer> streamsToReset = new LinkedHashSet<>();
    private OutgoingSsnResetRequest resetInFlight;
    private long reconfigDeadline = Long.MAX_VALUE;
    private long nextRequestSeq;
    private long peerRequestSeq;
    private long lastPeerResult = ReconfigResponse.SUCCESS_NOTHING_TO_DO;
    private OutgoingSsnResetRequest deferredIncoming;

    private long packetsReceived, packetsSent, badChecksum, malformed, badTag, badCookieMac, staleCookie,
            forwardTsnsSent;

    public SctpAssociation(SctpConfig config, Random random) {
        this.config = config;
        this.random = random;
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        this.signer = new StateCookie.Signer(secret);
        this.scratch = new byte[config.mtu()];
        this.send = new SendBuffer(config, events);
        this.recv = new ReceiveBuffer(config, events);
        this.outboundStreams = config.outboundStreams();
        this.inboundStreams = config.inboundStreams();
        this.t1Rto = config.rtoInitialNanos();
    }

    public SctpState state() {
        return state;
    }

    /** Starts the handshake (sends INIT). Both ends may connect at once: the collision resolves (§5.2.1/§5.2.4). */
    public void connect(long nowNanos) {
        now = nowNanos;
        if (state != SctpState.CLOSED) {
            throw new IllegalStateException("connect in state " + state);
        }
        myTag = nonZero();
        myInitialTsn = random.nextInt();
        state = SctpState.COOKIE_WAIT;
        t1Chunk = init(false, myTag, myInitialTsn, List.of());
        t1Count = 0;
        t1Rto = config.rtoInitialNanos();
        queue(0, t1Chunk);
        t1Deadline = now + t1Rto;
    }

    /** Outbound streams: the configured count, then the negotiated one (the smaller of ours and the peer's MIS). */
    public int outboundStreams() {
        return outboundStreams;
    }

    /** Queues a user message; false when the send buffer is full (see {@link #bufferedAmount}). */
    public boolean send(int streamId, int ppid, byte[] data, int off, int len, SendOptions options) {
        if (state == SctpState.TERMINATED || state.compareTo(SctpState.SHUTDOWN_PENDING) >= 0) {
            throw new IllegalStateException("send in state " + state);
        }
        if (len <= 0) {
            throw new IllegalArgumentException("SCTP cannot carry empty messages (RFC 8831 §6.6 sends one byte)");
        }
        if (off < 0 || len > data.length - off) {
            throw new IllegalArgumentException("bad offset/length");
        }
        if (len > config.maxSendMessageSize()) {
            throw new IllegalArgumentException("message of " + len + " bytes exceeds max-message-size "
                    + config.maxSendMessageSize());
        }
        if (streamId < 0 || streamId >= outboundStreams) {
            throw new IllegalArgumentException("stream " + streamId + " outside 0.." + (outboundStreams - 1));
        }
        if (send.stream(streamId).resetting) {
            throw new IllegalStateException("stream " + streamId + " is being reset");
        }
        return send.enqueue(streamId, ppid, data, off, len, options, now);
    }

    /** Bytes accepted by {@link #send} on the stream and not yet acknowledged or abandoned. */
    public long bufferedAmount(int streamId) {
        return send.bufferedAmount(streamId);
    }

    /** {@link SctpEvent.BufferedAmountLow} fires when the stream's buffered amount falls to this value or below. */
    public void setBufferedAmountLowThreshold(int streamId, long bytes) {
        send.stream(streamId).lowThreshold = bytes;
    }

    /**
     * Resets our outgoing streams (RFC 6525 §5.1.2, data channel close per RFC 8831 §6.7). Queued data is sent
     * first; further sends on these streams fail until the peer confirms.
     */
    public void resetStreams(int... streamIds) {
        if (state != SctpState.ESTABLISHED) {
            throw new IllegalStateException("reset in state " + state);
        }
        if (!peerReconfig) {
            throw new IllegalStateException("peer did not negotiate RE-CONFIG");
        }
        for (int id : streamIds) {
            if (id < 0 || id > 0xffff) {
                throw new IllegalArgumentException("stream " + id);
            }
            send.stream(id).resetting = true;
            streamsToReset.add(id);
        }
    }

    /** Graceful close (§9.2): delivers what is queued, then SHUTDOWN. */
    public void shutdown() {
        switch (state) {
            case ESTABLISHED -> {
                state = SctpState.SHUTDOWN_PENDING;
                checkShutdown();
            }
            case CLOSED, COOKIE_WAIT, COOKIE_ECHOED -> terminate(new SctpEvent.Closed("shut down before established"));
            default -> { }
        }
    }

    /** Sends ABORT (§9.1) and ends at once. */
    public void abort() {
        if (state == SctpState.TERMINATED) {
            return;
        }
        if (peerTag != 0) {
            queue(peerTag, new Abort(false, List.of(new ErrorCause(ErrorCause.USER_INITIATED_ABORT, new byte[0]))));
        }
        terminate(new SctpEvent.Closed("aborted locally"));
    }

    public SctpEvent pollEvent() {
        return events.poll();
    }

    public long pollTimeout() {
        if (state == SctpState.TERMINATED) {
            return Long.MAX_VALUE;
        }
        long t = Math.min(t1Deadline, Math.min(t2Deadline, Math.min(sackDeadline, hbDeadline)));
        t = Math.min(t, reconfigDeadline);
        if (established()) {
            t = Math.min(t, send.t3Deadline);
        }
        return t;
    }

    public SctpStats stats() {
        return new SctpStats(packetsReceived, packetsSent, badChecksum, malformed, badTag, badCookieMac, staleCookie,
                send.dataChunksSent, send.retransmissions, send.fastRetransmits, send.t3Expiries,
                recv.duplicatesReceived, forwardTsnsSent, send.abandonedMessages, recv.messagesReceived, send.cwnd,
                send.ssthresh, send.flightSize, send.peerRwnd, send.rto.srtt(), send.burstLimited);
    }

    // ---------------------------------------------------------------- timers

    public void handleTimeout(long nowNanos) {
        now = nowNanos;
        if (state == SctpState.TERMINATED) {
            return;
        }
        if (now - t1Deadline >= 0) {
            if (++t1Count > config.maxInitRetransmits()) {
                terminate(new SctpEvent.Aborted("handshake timed out"));
                return;
            }
            t1Rto = Math.min(t1Rto * 2, config.rtoMaxNanos());
            queue(state == SctpState.COOKIE_WAIT ? 0 : peerTag, t1Chunk);
            t1Deadline = now + t1Rto;
        }
        if (now - t2Deadline >= 0) {
            if (++t2Count > config.maxAssociationRetransmits()) {
                fail("shutdown timed out");
                return;
            }
            t2Rto = Math.min(t2Rto * 2, config.rtoMaxNanos());
            queue(peerTag, state == SctpState.SHUTDOWN_SENT ? new Shutdown(recv.cumTsn & 0xffffffffL)
                    : ShutdownAck.INSTANCE);
            t2Deadline = now + t2Rto;
        }
        if (now - sackDeadline >= 0) {
            sackNow = true;
        }
        if (established()) {
            send.expireLifetimes(now);
            if (send.onTimeout(now) && ++errorCount > config.maxAssociationRetransmits()) {
                fail("too many retransmissions");   // §8.1
                return;
            }
            if (now - hbDeadline >= 0) {
                if (hbSentAt >= 0 && ++errorCount > config.maxAssociationRetransmits()) {
                    fail("heartbeats unanswered");
                    return;
                }
                hbSentAt = now;
                byte[] info = new byte[8];
                Bytes.put32(info, 0, now >>> 32);
                Bytes.put32(info, 4, now);
                queue(peerTag, new Heartbeat(false, info));
                hbDeadline = now + config.heartbeatIntervalNanos() + send.rto.rto();
            }
            if (now - reconfigDeadline >= 0 && resetInFlight != null) {
                queue(peerTag, new ReConfig(List.of(resetInFlight)));
                reconfigDeadline = now + send.rto.rto();
            }
        }
    }

    // ---------------------------------------------------------------- output

    /** Next SCTP packet to send (at most {@code mtu} bytes), or null. */
    public byte[] pollTransmit() {
        if (state == SctpState.TERMINATED && control.isEmpty()) {
            return null;
        }
        maybeSendReset();
        int pos = SctpPacket.HEADER_LENGTH;
        int limit = scratch.length;
        int vtag = peerTag;
        if (!control.isEmpty()) {
            vtag = control.peek().vtag;
            while (!control.isEmpty() && control.peek().vtag == vtag) {
                Chunk c = control.peek().chunk;
                if (pos + c.encodedLength() > limit) {
                    if (pos == SctpPacket.HEADER_LENGTH) {
                        control.poll();  // cannot fit in any packet; drop rather than stall
                        continue;
                    }
                    break;
                }
                control.poll();
                pos += c.encode(scratch, pos);
                if (c instanceof InitChunk i && !i.ack()) {
                    break;  // §6.10: INIT is never bundled
                }
            }
        }
        if (established() && vtag == peerTag && control.isEmpty()) {
            boolean canData = state == SctpState.ESTABLISHED || state == SctpState.SHUTDOWN_PENDING
                    || state == SctpState.SHUTDOWN_RECEIVED;
            boolean wantsData = canData && wantsToSend();
            if (sackNow || (sackDeadline != Long.MAX_VALUE && wantsData)) {
                int maxBlocks = (limit - pos - 16 - 4 * ReceiveBuffer.MAX_DUPLICATES) / 4;
                SelectiveAck s = recv.sack(Math.max(1, maxBlocks));
                if (pos + s.encodedLength() <= limit) {
                    pos += s.encode(scratch, pos);
                    sackNow = false;
                    sackDeadline = Long.MAX_VALUE;
                    dataPacketsSinceSack = 0;
                }
            }
            if (send.forwardTsnNeeded && peerForwardTsn) {
                ForwardTsn f = send.forwardTsn();
                if (pos + f.encodedLength() <= limit) {
                    pos += f.encode(scratch, pos);
                    forwardTsnsSent++;
                } else {
                    send.forwardTsnNeeded = true;
                }
            }
            if (canData) {
                pos = send.writeData(scratch, pos, limit, now);
            }
        }
        if (pos == SctpPacket.HEADER_LENGTH) {
            return null;
        }
        Bytes.put16(scratch, 0, config.localPort());
        Bytes.put16(scratch, 2, config.remotePort());
        Bytes.put32(scratch, 4, vtag);
        Crc32c.writeField(scratch, 0, 0);
        Crc32c.writeField(scratch, 0, crc.compute(scratch, 0, pos));
        packetsSent++;
        return Arrays.copyOf(scratch, pos);
    }

    private boolean wantsToSend() {
        return send.retransmitMarked > 0 || (send.pendingCount() > 0 && send.flightSize < send.cwnd);
    }

    private void queue(int vtag, Chunk c) {
        control.add(new Outgoing(vtag, c));
    }

    // ---------------------------------------------------------------- input

    /** Feeds one SCTP packet (one DTLS application-data record). Bad packets are dropped and counted. */
    public void handleInput(long nowNanos, byte[] buf, int off, int len) {
        now = nowNanos;
        packetsReceived++;
        if (len < SctpPacket.HEADER_LENGTH || off < 0 || len > buf.length - off) {
            malformed++;
            return;
        }
        if (crc.computePacket(buf, off, len) != Crc32c.readField(buf, off)) {
            badChecksum++;   // §6.8: silently discard
            return;
        }
        if (state == SctpState.TERMINATED) {
            // §8.4 rule 5: a SHUTDOWN ACK for a closed association (our SHUTDOWN COMPLETE was lost)
            if (len >= 16 && Bytes.u8(buf, off + 12) == ChunkType.SHUTDOWN_ACK && myTag != 0
                    && Bytes.i32(buf, off + 4) == myTag) {
                queue(myTag, new ShutdownComplete(true));
            }
            return;
        }
        if (Bytes.u16(buf, off) != config.remotePort() || Bytes.u16(buf, off + 2) != config.localPort()) {
            malformed++;
            return;
        }
        int end = off + len;
        int first = off + SctpPacket.HEADER_LENGTH;
        // validate the chunk layout once before acting on any of it
        int chunks = 0;
        boolean hasInit = false;
        for (int p = first; p < end; p += SctpPacket.skip(buf, p, end)) {
            if (end - p < 4 || Bytes.u16(buf, p + 2) < 4 || Bytes.u16(buf, p + 2) > end - p) {
                malformed++;
                return;
            }
            chunks++;
            hasInit |= Bytes.u8(buf, p) == ChunkType.INIT;
        }
        if (chunks == 0) {
            malformed++;
            return;
        }
        int vtag = Bytes.i32(buf, off + 4);
        int firstType = Bytes.u8(buf, first);
        boolean tBit = (Bytes.u8(buf, first + 1) & 1) != 0;
        // §8.5 / §8.5.1 verification tag rules
        if (hasInit) {
            if (chunks != 1 || vtag != 0) {
                badTag++;
                return;
            }
        } else if (firstType == ChunkType.ABORT || firstType == ChunkType.SHUTDOWN_COMPLETE) {
            if (myTag == 0 || vtag != (tBit ? peerTag : myTag)) {
                badTag++;
                return;
            }
        } else if (firstType == ChunkType.COOKIE_ECHO) {
            if (state != SctpState.CLOSED && vtag != myTag) {
                badTag++;
                return;
            }
        } else if (myTag == 0 || vtag != myTag) {
            badTag++;
            return;
        }
        boolean data = false;
        for (int p = first; p < end && state != SctpState.TERMINATED; p += SctpPacket.skip(buf, p, end)) {
            int type = Bytes.u8(buf, p);
            try {
                if (type == ChunkType.DATA) {
                    data |= onData(buf, p, end - p);
                    continue;
                }
                Chunk c = Chunk.parse(buf, p, end - p);
                if (c instanceof UnknownChunk u) {
                    if ((u.type() & 0x40) != 0 && peerTag != 0) {
                        // §3.2: report it in an ERROR with the whole chunk as cause information
                        int l = Bytes.u16(buf, p + 2);
                        queue(peerTag, new ErrorChunk(List.of(new ErrorCause(ErrorCause.UNRECOGNIZED_CHUNK_TYPE,
                                Arrays.copyOfRange(buf, p, p + l)))));
                    }
                    if ((u.type() & 0x80) == 0) {
                        break;   // §3.2: high bit clear = stop processing this packet
                    }
                    continue;
                }
                dispatch(c, vtag);
            } catch (SctpException e) {
                malformed++;
                break;
            }
        }
        if (data && state != SctpState.TERMINATED) {
            afterData();
        }
    }

    private boolean onData(byte[] buf, int p, int avail) throws SctpException {
        if (!established()) {
            return false;
        }
        view.wrap(buf, p, avail);
        if (view.payloadLength() == 0) {
            malformed++;   // §6.2: no user data
            return false;
        }
        boolean valid = view.streamId() < inboundStreams;
        if (!recv.onData(view, valid)) {
            sackNow = true;    // duplicate: report it at once (§6.2)
        } else if (!valid) {
            // §6.5: ack it, drop it, tell the peer (stream id and a reserved zero)
            byte[] info = new byte[4];
            Bytes.put16(info, 0, view.streamId());
            queue(peerTag, new ErrorChunk(List.of(new ErrorCause(ErrorCause.INVALID_STREAM_IDENTIFIER, info))));
        }
        return true;
    }

    private void afterData() {
        if (recv.oversized) {
            fail("message exceeds max-message-size", ErrorCause.PROTOCOL_VIOLATION);
            return;
        }
        if (recv.hasGaps() || state != SctpState.ESTABLISHED) {
            sackNow = true;    // §6.7: out-of-order arrival is acked immediately
        }
        if (++dataPacketsSinceSack >= 2) {
            sackNow = true;    // §6.2: ack at least every second packet
        }
        if (!sackNow && sackDeadline == Long.MAX_VALUE) {
            sackDeadline = now + config.delayedAckNanos();
        }
        checkDeferredReset();
    }

    private void dispatch(Chunk c, int vtag) {
        if (c instanceof InitChunk i) {
            if (i.ack()) {
                onInitAck(i);
            } else {
                onInit(i);
            }
        } else if (c instanceof CookieEcho ce) {
            onCookieEcho(ce, vtag);
        } else if (c instanceof CookieAck) {
            if (state == SctpState.COOKIE_ECHOED) {
                establish();
            }
        } else if (c instanceof SelectiveAck s) {
            if (established()) {
                onSack(s.cumulativeTsnAck(), s.advertisedReceiverWindow(), s.gapAckBlocks());
            }
        } else if (c instanceof ForwardTsn f) {
            if (established()) {
                recv.onForwardTsn(f);
                sackNow = true;
                checkDeferredReset();
            }
        } else if (c instanceof Heartbeat h) {
            if (!h.ack()) {
                if (peerTag != 0) {
                    queue(peerTag, new Heartbeat(true, h.info()));  // §8.3: echo the info verbatim
                }
            } else {
                byte[] info = h.info();
                if (info.length == 8 && hbSentAt >= 0 && ((Bytes.u32(info, 0) << 32) | Bytes.u32(info, 4)) == hbSentAt) {
                    send.rto.measure(now - hbSentAt);
                    hbSentAt = -1;
                    errorCount = 0;
                }
            }
        } else if (c instanceof Abort a) {
            if (state != SctpState.CLOSED) {
                terminate(new SctpEvent.Aborted("peer abort" + describe(a.causes())));
            }
        } else if (c instanceof ErrorChunk e) {
            onError(e);
        } else if (c instanceof Shutdown s) {
            onShutdown(s);
        } else if (c instanceof ShutdownAck) {
            if (state == SctpState.SHUTDOWN_SENT || state == SctpState.SHUTDOWN_ACK_SENT) {
                queue(peerTag, new ShutdownComplete(false));   // §9.2
                terminate(new SctpEvent.Closed("shutdown"));
            }
        } else if (c instanceof ShutdownComplete) {
            if (state == SctpState.SHUTDOWN_ACK_SENT) {
                terminate(new SctpEvent.Closed("shutdown"));
            }
        } else if (c instanceof ReConfig r) {
            if (established()) {
                onReconfig(r);
            }
        }
        // DATA is handled by the view; UnknownChunk by the caller
    }

    // ---------------------------------------------------------------- handshake

    private InitChunk init(boolean ack, int tag, int tsn, List<Parameter> extra) {
        List<Parameter> params = new ArrayList<>(3);
        params.addAll(extra);
        // As Chromium/usrsctp: Forward-TSN-Supported (RFC 3758 §3.1) and Supported Extensions (RFC 5061 §4.2.7)
        // listing RE-CONFIG and FORWARD-TSN. No Zero Checksum Acceptable: we always use CRC-32C.
        params.add(new Parameter(Parameter.FORWARD_TSN_SUPPORTED, new byte[0]));
        params.add(new Parameter(Parameter.SUPPORTED_EXTENSIONS,
                new byte[] {(byte) ChunkType.RE_CONFIG, (byte) ChunkType.FORWARD_TSN}));
        return new InitChunk(ack, tag & 0xffffffffL, config.receiveWindow(), config.outboundStreams(),
                config.inboundStreams(), tsn & 0xffffffffL, params);
    }

    private void onInit(InitChunk i) {
        if (i.initiateTag() == 0 || i.outboundStreams() == 0 || i.inboundStreams() == 0) {
            malformed++;   // §3.3.2: invalid; silently dropped
            return;
        }
        int tag;
        int tsn;
        switch (state) {
            case CLOSED -> {          // §5.1: stateless answer, everything goes into the cookie
                tag = nonZero();
                tsn = random.nextInt();
            }
            case SHUTDOWN_ACK_SENT -> {   // §9.2
                queue(peerTag, ShutdownAck.INSTANCE);
                return;
            }
            default -> {              // §5.2.1 collision (and §5.2.2, see README): answer with our own tag and TSN
                tag = myTag;
                tsn = myInitialTsn;
            }
        }
        boolean fwd = supportsForwardTsn(i);
        boolean reconfig = supportsExtension(i, ChunkType.RE_CONFIG);
        StateCookie cookie = new StateCookie(tag, (int) i.initiateTag(), tsn, (int) i.initialTsn(),
                (int) i.advertisedReceiverWindow(), i.outboundStreams(), i.inboundStreams(), fwd, reconfig, now);
        queue((int) i.initiateTag(),
                init(true, tag, tsn, List.of(new Parameter(Parameter.STATE_COOKIE, signer.sign(cookie)))));
    }

    private void onInitAck(InitChunk i) {
        if (state != SctpState.COOKIE_WAIT) {
            return;   // §5.2.3: discard
        }
        if (i.initiateTag() == 0 || i.outboundStreams() == 0 || i.inboundStreams() == 0) {
            malformed++;
            return;
        }
        var cookie = i.parameter(Parameter.STATE_COOKIE);
        if (cookie.isEmpty()) {
            malformed++;   // §5.2.3 missing mandatory parameter
            return;
        }
        peerTag = (int) i.initiateTag();
        peerInitialTsn = (int) i.initialTsn();
        peerRwnd = i.advertisedReceiverWindow();
        peerForwardTsn = supportsForwardTsn(i);
        peerReconfig = supportsExtension(i, ChunkType.RE_CONFIG);
        negotiateStreams(i.outboundStreams(), i.inboundStreams());
        state = SctpState.COOKIE_ECHOED;
        t1Chunk = new CookieEcho(cookie.get().value());
        t1Count = 0;
        queue(peerTag, t1Chunk);
        t1Deadline = now + t1Rto;
    }

    private void onCookieEcho(CookieEcho ce, int vtag) {
        StateCookie c = signer.verify(ce.cookie());
        if (c == null) {
            badCookieMac++;   // §5.1.5 step 2: discard silently
            return;
        }
        if (established()) {
            if (c.myTag() == myTag && c.peerTag() == peerTag) {
                queue(peerTag, CookieAck.INSTANCE);   // §5.2.4 case D: our COOKIE ACK was lost
            } else {
                badTag++;   // case A (peer restart) is not supported, see README
            }
            return;
        }
        if (state == SctpState.CLOSED ? vtag != c.myTag() : c.myTag() != myTag) {
            badTag++;
            return;
        }
        long age = now - c.createdNanos();
        if (age < 0 || age > config.cookieLifetimeNanos()) {
            staleCookie++;   // §5.1.5 step 3: Stale Cookie error with the staleness in microseconds
            byte[] staleness = new byte[4];
            Bytes.put32(staleness, 0, Math.min(0xffffffffL, Math.max(0, age - config.cookieLifetimeNanos()) / 1000));
            queue(c.peerTag(), new ErrorChunk(List.of(new ErrorCause(ErrorCause.STALE_COOKIE, staleness))));
            return;
        }
        myTag = c.myTag();
        myInitialTsn = c.myInitialTsn();
        peerTag = c.peerTag();
        peerInitialTsn = c.peerInitialTsn();
        peerRwnd = c.peerRwnd() & 0xffffffffL;
        peerForwardTsn = c.peerForwardTsn();
        peerReconfig = c.peerReconfig();
        negotiateStreams(c.peerOutbound(), c.peerInbound());
        establish();
        queue(peerTag, CookieAck.INSTANCE);
    }

    private void onError(ErrorChunk e) {
        for (ErrorCause cause : e.causes()) {
            if (cause.code() == ErrorCause.STALE_COOKIE && state == SctpState.COOKIE_ECHOED) {
                // §5.2.6: start over with a fresh INIT (counts against Max.Init.Retransmits)
                staleCookie++;
                if (++t1Count > config.maxInitRetransmits()) {
                    terminate(new SctpEvent.Aborted("stale cookie"));
                    return;
                }
                state = SctpState.COOKIE_WAIT;
                peerTag = 0;
                t1Chunk = init(false, myTag, myInitialTsn, List.of());
                queue(0, t1Chunk);
                t1Deadline = now + t1Rto;
            }
        }
    }

    private void negotiateStreams(int peerOutbound, int peerInbound) {
        outboundStreams = Math.min(config.outboundStreams(), peerInbound);
        inboundStreams = Math.min(config.inboundStreams(), peerOutbound);
    }

    private static boolean supportsForwardTsn(InitChunk i) {
        return i.parameter(Parameter.FORWARD_TSN_SUPPORTED).isPresent()
                || supportsExtension(i, ChunkType.FORWARD_TSN);
    }

    private static boolean supportsExtension(InitChunk i, int chunkType) {
        var p = i.parameter(Parameter.SUPPORTED_EXTENSIONS);
        if (p.isEmpty()) {
            return false;
        }
        for (byte b : p.get().value()) {
            if ((b & 0xff) == chunkType) {
                return true;
            }
        }
        return false;
    }

    private void establish() {
        state = SctpState.ESTABLISHED;
        t1Deadline = Long.MAX_VALUE;
        t1Chunk = null;
        send.start(myInitialTsn, peerRwnd, peerForwardTsn);
        recv.start(peerInitialTsn);
        nextRequestSeq = myInitialTsn & 0xffffffffL;     // RFC 6525 §3.1: starts at the initial TSN
        peerRequestSeq = peerInitialTsn & 0xffffffffL;
        hbDeadline = now + config.heartbeatIntervalNanos();
        events.add(new SctpEvent.Connected());
    }

    // ---------------------------------------------------------------- data phase

    private boolean established() {
        return switch (state) {
            case ESTABLISHED, SHUTDOWN_PENDING, SHUTDOWN_SENT, SHUTDOWN_RECEIVED, SHUTDOWN_ACK_SENT -> true;
            default -> false;
        };
    }

    private void onSack(long cum, long arwnd, List<GapAckBlock> gaps) {
        if (send.onSack(now, (int) cum, arwnd, gaps)) {
            errorCount = 0;
        }
        send.expireLifetimes(now);
        checkShutdown();
    }

    private void onShutdown(Shutdown s) {
        switch (state) {
            case ESTABLISHED, SHUTDOWN_PENDING, SHUTDOWN_RECEIVED -> {
                onSack(s.cumulativeTsnAck(), send.peerRwnd + send.flightSize, List.of());   // §9.2
                if (state != SctpState.TERMINATED) {
                    state = SctpState.SHUTDOWN_RECEIVED;
                    sackNow = true;
                    checkShutdown();
                }
            }
            case SHUTDOWN_SENT -> {     // §9.2 simultaneous shutdown
                queue(peerTag, ShutdownAck.INSTANCE);
                state = SctpState.SHUTDOWN_ACK_SENT;
                startT2();
            }
            default -> { }
        }
    }

    private void checkShutdown() {
        if (!send.idle()) {
            return;
        }
        if (state == SctpState.SHUTDOWN_PENDING) {
            queue(peerTag, new Shutdown(recv.cumTsn & 0xffffffffL));
            state = SctpState.SHUTDOWN_SENT;
            startT2();
        } else if (state == SctpState.SHUTDOWN_RECEIVED) {
            queue(peerTag, ShutdownAck.INSTANCE);
            state = SctpState.SHUTDOWN_ACK_SENT;
            startT2();
        }
    }

    private void startT2() {
        t2Count = 0;
        t2Rto = send.rto.rto();
        t2Deadline = now + t2Rto;
        hbDeadline = Long.MAX_VALUE;
    }

    // ---------------------------------------------------------------- RFC 6525 stream reset

    private void maybeSendReset() {
        if (resetInFlight != null || streamsToReset.isEmpty() || state != SctpState.ESTABLISHED) {
            return;
        }
        for (int id : streamsToReset) {
            if (send.hasPendingFor(id)) {
                return;   // §5.1.2: the request follows the last queued message
            }
        }
        resetInFlight = new OutgoingSsnResetRequest(nextRequestSeq, (peerRequestSeq - 1) & 0xffffffffL,
                send.lastAssignedTsn() & 0xffffffffL, new ArrayList<>(streamsToReset));
        streamsToReset.clear();
        queue(peerTag, new ReConfig(List.of(resetInFlight)));
        reconfigDeadline = now + send.rto.rto();
    }

    private void onReconfig(ReConfig r) {
        List<ReconfigParameter> responses = new ArrayList<>(2);
        for (ReconfigParameter p : r.parameters()) {
            if (p instanceof OutgoingSsnResetRequest req) {
                responses.add(onIncomingReset(req));
            } else if (p instanceof ReconfigResponse resp) {
                onResetResponse(resp);
            } else if (p instanceof UnknownReconfigParameter u && u.valueLength() >= 4
                    && u.type() != ReconfigParameter.RECONFIGURATION_RESPONSE) {
                byte[] v = u.value();   // incoming/SSN-TSN reset, add streams: not supported (§5.2.3-5.2.6)
                responses.add(new ReconfigResponse(Bytes.u32(v, 0), ReconfigResponse.DENIED));
            }
        }
        if (!responses.isEmpty()) {
            queue(peerTag, new ReConfig(responses));
        }
    }

    private ReconfigResponse onIncomingReset(OutgoingSsnResetRequest req) {
        long seq = req.requestSequence();
        if (seq == peerRequestSeq) {
            if (recv.cumTsn >= recv.unwrap((int) req.sendersLastAssignedTsn())) {
                performIncomingReset(req);
                return new ReconfigResponse(seq, lastPeerResult);
            }
            deferredIncoming = req;   // §5.2.2: wait until all data before the reset has arrived
            return new ReconfigResponse(seq, ReconfigResponse.IN_PROGRESS);
        }
        if (seq == ((peerRequestSeq - 1) & 0xffffffffL)) {
            return new ReconfigResponse(seq, lastPeerResult);   // retransmitted request
        }
        return new ReconfigResponse(seq, ReconfigResponse.ERROR_BAD_SEQUENCE_NUMBER);
    }

    private void performIncomingReset(OutgoingSsnResetRequest req) {
        deferredIncoming = null;
        recv.resetStreams(req.streams());
        peerRequestSeq = (peerRequestSeq + 1) & 0xffffffffL;
        lastPeerResult = ReconfigResponse.SUCCESS_PERFORMED;
        events.add(new SctpEvent.StreamReset(req.streams().stream().mapToInt(Integer::intValue).toArray()));
    }

    private void checkDeferredReset() {
        OutgoingSsnResetRequest d = deferredIncoming;
        if (d != null && recv.cumTsn >= recv.unwrap((int) d.sendersLastAssignedTsn())) {
            performIncomingReset(d);
            queue(peerTag, new ReConfig(List.of(new ReconfigResponse(d.requestSequence(), lastPeerResult))));
        }
    }

    private void onResetResponse(ReconfigResponse resp) {
        OutgoingSsnResetRequest req = resetInFlight;
        if (req == null || resp.responseSequence() != req.requestSequence()) {
            return;
        }
        if (resp.result() == ReconfigResponse.IN_PROGRESS) {
            reconfigDeadline = now + send.rto.rto();   // ask again later with the same sequence number
            return;
        }
        boolean ok = resp.result() == ReconfigResponse.SUCCESS_PERFORMED
                || resp.result() == ReconfigResponse.SUCCESS_NOTHING_TO_DO;
        for (int id : req.streams()) {
            OutStream s = send.stream(id);
            if (ok) {
                s.nextSsn = 0;
            }
            s.resetting = false;
        }
        resetInFlight = null;
        reconfigDeadline = Long.MAX_VALUE;
        nextRequestSeq = (nextRequestSeq + 1) & 0xffffffffL;
    }

    // ---------------------------------------------------------------- termination

    private void fail(String why) {
        fail(why, ErrorCause.PROTOCOL_VIOLATION);
    }

    private void fail(String why, int cause) {
        if (peerTag != 0) {
            queue(peerTag, new Abort(false, List.of(new ErrorCause(cause, why.getBytes(
                    java.nio.charset.StandardCharsets.US_ASCII)))));
        }
        terminate(new SctpEvent.Aborted(why));
    }

    private void terminate(SctpEvent event) {
        state = SctpState.TERMINATED;
        t1Deadline = t2Deadline = sackDeadline = hbDeadline = reconfigDeadline = Long.MAX_VALUE;
        send.t3Deadline = Long.MAX_VALUE;
        events.add(event);
    }

    private static String describe(List<ErrorCause> causes) {
        if (causes.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(":");
        for (ErrorCause c : causes) {
            sb.append(" cause ").append(c.code());
        }
        return sb.toString();
    }

    private int nonZero() {
        int t;
        do {
            t = random.nextInt();
        } while (t == 0);
        return t;
    }
}
