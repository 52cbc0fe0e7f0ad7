package org.jwebrtc.turn;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.jwebrtc.stun.ErrorCode;
import org.jwebrtc.stun.LongTermCredential;
import org.jwebrtc.stun.Nonce;
import org.jwebrtc.stun.Realm;
import org.jwebrtc.stun.StunAttribute;
import org.jwebrtc.stun.StunAttributeType;
import org.jwebrtc.stun.StunClass;
import org.jwebrtc.stun.StunClientTransaction;
import org.jwebrtc.stun.StunException;
import org.jwebrtc.stun.StunMessage;
import org.jwebrtc.stun.StunMethod;
import org.jwebrtc.stun.StunTransactionConfig;
import org.jwebrtc.stun.StunTransactionEvent;
import org.jwebrtc.stun.StunView;
import org.jwebrtc.stun.StunWriter;
import org.jwebrtc.stun.TransactionId;
import org.jwebrtc.stun.Username;
import org.jwebrtc.stun.XorMappedAddress;

/**
 * Sans-IO TURN client (RFC 8656) for one allocation on one server: Allocate with long-term
 * credentials (401 challenge, 438 stale-nonce retry), Refresh before expiry, CreatePermission and
 * ChannelBind with their own refresh timers, Send/Data indications and ChannelData, and
 * deallocation. Every datagram or stream frame from the server goes to {@link #handleInput}; every
 * byte array from {@link #pollTransmit} goes to the server (over a stream transport, as is:
 * ChannelData is padded already).
 *
 * <p>Contract: after any call, drain {@link #pollTransmit} and {@link #pollEvent} until null, then
 * call {@link #handleTimeout} at {@link #pollTimeout}. Not thread-safe; owned by one thread.
 */
public final class TurnClient {
    /** RFC 8656 §9: permissions live 300 s; refresh at 240 s. */
    static final long PERMISSION_REFRESH_NANOS = 240_000_000_000L;
    /** RFC 8656 §11: channel bindings live 600 s; refresh at 540 s. */
    static final long CHANNEL_REFRESH_NANOS = 540_000_000_000L;
    /** 438 retries per request before giving up (each brings a new nonce). */
    static final int MAX_STALE_NONCE_RETRIES = 3;
    /** Bytes {@link #encodeSend} may add to the payload: Send indication with an IPv6 peer, or ChannelData padding. */
    public static final int MAX_SEND_OVERHEAD = 20 + 24 + 4 + 3;

    private enum State { IDLE, ALLOCATING, ALLOCATED, CLOSING, CLOSED }

    private static final class Binding {
        final InetSocketAddress peer;
        final int number;
        boolean confirmed;
        long refreshAt = Long.MAX_VALUE; // MAX while a ChannelBind is in flight

        Binding(InetSocketAddress peer, int number) {
            this.peer = peer;
            this.number = number;
        }
    }

    private static final class Request {
        final TurnOperation op;
        final List<InetAddress> peers;
        final Binding binding;
        final long lifetime;
        StunClientTransaction tx;
        int staleRetries;
        boolean authRetried;

        Request(TurnOperation op, List<InetAddress> peers, Binding binding, long lifetime) {
            this.op = op;
            this.peers = peers;
            this.binding = binding;
            this.lifetime = lifetime;
        }
    }

    private final TurnClientConfig config;
    private final RandomGenerator random;
    private final StunTransactionConfig txConfig;
    private final ArrayDeque<byte[]> transmits = new ArrayDeque<>();
    private final ArrayDeque<TurnEvent> events = new ArrayDeque<>();
    private final List<Request> requests = new ArrayList<>();
    private final StunView view = new StunView();
    private final StunWriter writer = new StunWriter();
    private final ChannelData channelData = new ChannelData();
    private final byte[] txScratch = new byte[TransactionId.LENGTH];
    /** Permission refresh deadlines per peer IP; MAX while a CreatePermission is in flight. */
    private final Map<InetAddress, Long> permissions = new LinkedHashMap<>();
    private final Map<InetSocketAddress, Binding> channelsByPeer = new HashMap<>();
    private final Binding[] channelsByNumber = new Binding[ChannelNumber.MAX - ChannelNumber.MIN + 1];
    private int nextChannel = ChannelNumber.MIN;
    private State state = State.IDLE;
    private String realm;
    private String nonce;
    private byte[] key;
    private InetSocketAddress relayed;
    private InetSocketAddress mapped;
    private long refreshAt = Long.MAX_VALUE;
    private long dropped;
    private int unwrappedOffset;
    private int unwrappedLength;

    public TurnClient(TurnClientConfig config, RandomGenerator random) {
        this.config = Objects.requireNonNull(config, "config");
        this.random = Objects.requireNonNull(random, "random");
        this.txConfig = config.transport().isStream() ? StunTransactionConfig.reliableTransport()
                : StunTransactionConfig.unreliable(config.rto());
    }

    public TurnClientConfig config() {
        return config;
    }

    /** Sends the first Allocate (RFC 8656 §7.1: without credentials; the server's 401 brings realm and nonce). */
    public void start(long nowNanos) {
        if (state != State.IDLE) {
            throw new IllegalStateException("already started");
        }
        state = State.ALLOCATING;
        send(nowNanos, new Request(TurnOperation.ALLOCATE, List.of(), null, config.lifetime().toSeconds()));
    }

    /** True between {@link TurnEvent.Allocated} and deallocation or failure. */
    public boolean isAllocated() {
        return state == State.ALLOCATED;
    }

    /** True once deallocated, failed or closed. */
    public boolean isClosed() {
        return state == State.CLOSED;
    }

    /** The relayed transport address, once allocated. */
    public Optional<InetSocketAddress> relayedAddress() {
        return Optional.ofNullable(relayed);
    }

    /** The server-reflexive address the server saw us from, once allocated. */
    public Optional<InetSocketAddress> mappedAddress() {
        return Optional.ofNullable(mapped);
    }

    /**
     * Installs permissions for these peer IPs (RFC 8656 §9; ports are ignored by the server) and
     * keeps them refreshed every 4 minutes until {@link #close}.
     */
    public void createPermission(long nowNanos, InetAddress... peers) {
        requireAllocated();
        List<InetAddress> list = List.of(peers);
        if (list.isEmpty()) {
            throw new IllegalArgumentException("no peers");
        }
        for (InetAddress p : list) {
            permissions.put(p, Long.MAX_VALUE);
        }
        send(nowNanos, new Request(TurnOperation.CREATE_PERMISSION, list, null, 0));
    }

    /**
     * Binds a channel to {@code peer} (RFC 8656 §11; also installs its permission) and keeps it
     * refreshed every 9 minutes. Returns the channel number; a peer already bound keeps its number.
     */
    public int bindChannel(long nowNanos, InetSocketAddress peer) {
        requireAllocated();
        Objects.requireNonNull(peer, "peer");
        Binding b = channelsByPeer.get(peer);
        if (b != null) {
            return b.number;
        }
        if (nextChannel > ChannelNumber.MAX) {
            throw new IllegalStateException("all 4096 channel numbers are in use");
        }
        b = new Binding(peer, nextChannel++);
        channelsByPeer.put(peer, b);
        channelsByNumber[b.number - ChannelNumber.MIN] = b;
        send(nowNanos, new Request(TurnOperation.CHANNEL_BIND, List.of(), b, 0));
        return b.number;
    }

    /** Queues {@code data} for {@code peer} via the relay: ChannelData once a channel is bound, else a Send indication. */
    public void send(long nowNanos, InetSocketAddress peer, byte[] buf, int off, int len) {
        byte[] out = new byte[len + MAX_SEND_OVERHEAD];
        int n = encodeSend(peer, buf, off, len, out, 0);
        transmits.add(java.util.Arrays.copyOf(out, n));
    }

    /**
     * Allocation-free form of {@link #send} for the caller's own socket: writes the message for
     * {@code peer} at {@code dst[dstOff]} (needs {@code len + MAX_SEND_OVERHEAD} bytes) and returns
     * its length. ChannelData when a channel to {@code peer} is confirmed (RFC 8656 §12.4, padded
     * over streams), else a Send indication (§10.1).
     */
    public int encodeSend(InetSocketAddress peer, byte[] buf, int off, int len, byte[] dst, int dstOff) {
        requireAllocated();
        Binding b = channelsByPeer.get(peer);
        if (b != null && b.confirmed) {
            return ChannelData.encode(b.number, buf, off, len, dst, dstOff, config.transport().isStream());
        }
        for (int i = 0; i < TransactionId.LENGTH; i += 4) {
            int r = random.nextInt();
            txScratch[i] = (byte) (r >>> 24);
            txScratch[i + 1] = (byte) (r >>> 16);
            txScratch[i + 2] = (byte) (r >>> 8);
            txScratch[i + 3] = (byte) r;
        }
        byte[] addr = peer.getAddress().getAddress();
        return writer.start(dst, dstOff, dst.length - dstOff, StunClass.INDICATION, StunMethod.SEND, txScratch, 0)
                .addXorAddress(StunAttributeType.XOR_PEER_ADDRESS, addr, 0, addr.length, peer.getPort())
                .addBytes(StunAttributeType.DATA, buf, off, len)
                .finish();
    }

    /** The confirmed channel number for {@code peer}, or -1. */
    public int channelFor(InetSocketAddress peer) {
        Binding b = channelsByPeer.get(peer);
        return b != null && b.confirmed ? b.number : -1;
    }

    /** Deletes the allocation (RFC 8656 §8: Refresh with LIFETIME 0); {@link TurnEvent.Deallocated} follows. */
    public void close(long nowNanos) {
        if (state == State.ALLOCATED) {
            state = State.CLOSING;
            clearTimers();
            send(nowNanos, new Request(TurnOperation.REFRESH, List.of(), null, 0));
        } else if (state != State.CLOSING) {
            state = State.CLOSED;
            requests.clear();
        }
    }

    /** One datagram (UDP) or one frame from a {@link StreamFramer} (TCP/TLS) from the server. */
    public void handleInput(long nowNanos, byte[] buf, int off, int len) {
        if (ChannelData.isChannelData(buf, off, len)) {
            onChannelData(buf, off, len);
            return;
        }
        if (!StunMessage.isStun(buf, off, len)) {
            dropped++;
            return;
        }
        try {
            view.wrap(buf, off, len);
        } catch (StunException e) {
            dropped++;
            return;
        }
        StunClass cls = view.messageClass();
        if (cls == StunClass.INDICATION && view.method() == StunMethod.DATA) {
            onDataIndication();
            return;
        }
        // RFC 8489 §9.2.5: a success response must authenticate with the long-term key
        if (!cls.isResponse() || (cls == StunClass.SUCCESS_RESPONSE && key != null && !view.verifyIntegrity(key))) {
            dropped++;
            return;
        }
        for (Request r : requests.toArray(new Request[0])) {
            if (r.tx.handleInput(nowNanos, buf, off, len)) {
                drain(nowNanos, r);
                return;
            }
        }
        dropped++; // a late or foreign response
    }

    /**
     * Allocation-free receive path for ChannelData (RFC 8656 §12.6): when {@code buf[off, +len)} is a
     * ChannelData message on a confirmed channel, returns the peer it came from and leaves the
     * application data at {@link #unwrappedOffset()}/{@link #unwrappedLength()} in {@code buf};
     * else null (not ChannelData, malformed or unbound: pass it to {@link #handleInput}, which
     * counts the drop or handles the STUN message).
     */
    public InetSocketAddress unwrapChannelData(byte[] buf, int off, int len) {
        if (!ChannelData.isChannelData(buf, off, len)) {
            return null;
        }
        try {
            channelData.wrap(buf, off, len);
        } catch (TurnException e) {
            return null;
        }
        Binding b = channelsByNumber[channelData.channel() - ChannelNumber.MIN];
        if (b == null || !b.confirmed) {
            return null;
        }
        unwrappedOffset = channelData.dataOffset();
        unwrappedLength = channelData.dataLength();
        return b.peer;
    }

    /** After a non-null {@link #unwrapChannelData}: absolute offset of the peer's data. */
    public int unwrappedOffset() {
        return unwrappedOffset;
    }

    public int unwrappedLength() {
        return unwrappedLength;
    }

    private void onChannelData(byte[] buf, int off, int len) {
        try {
            channelData.wrap(buf, off, len);
        } catch (TurnException e) {
            dropped++;
            return;
        }
        Binding b = channelsByNumber[channelData.channel() - ChannelNumber.MIN];
        if (b == null || !b.confirmed) {
            dropped++; // RFC 8656 §12.6: no binding for this channel
            return;
        }
        int d = channelData.dataOffset();
        events.add(new TurnEvent.DataReceived(b.peer, java.util.Arrays.copyOfRange(buf, d, d + channelData.dataLength())));
    }

    private void onDataIndication() {
        try {
            StunMessage m = view.toMessage();
            Optional<XorPeerAddress> peer = TurnAttribute.find(m, XorPeerAddress.class);
            Optional<Data> data = TurnAttribute.find(m, Data.class);
            // RFC 8656 §10.4: both attributes required; discard data from peers we gave no permission
            if (peer.isEmpty() || data.isEmpty() || !permissions.containsKey(peer.get().address().getAddress())) {
                dropped++;
                return;
            }
            events.add(new TurnEvent.DataReceived(peer.get().address(), data.get().value()));
        } catch (StunException | TurnException e) {
            dropped++;
        }
    }

    public void handleTimeout(long nowNanos) {
        for (Request r : requests.toArray(new Request[0])) {
            r.tx.handleTimeout(nowNanos);
            drain(nowNanos, r);
        }
        if (state != State.ALLOCATED) {
            return;
        }
        if (due(refreshAt, nowNanos)) {
            refreshAt = Long.MAX_VALUE;
            send(nowNanos, new Request(TurnOperation.REFRESH, List.of(), null, config.lifetime().toSeconds()));
        }
        List<InetAddress> duePeers = new ArrayList<>();
        for (Map.Entry<InetAddress, Long> e : permissions.entrySet()) {
            if (due(e.getValue(), nowNanos)) {
                e.setValue(Long.MAX_VALUE);
                duePeers.add(e.getKey());
            }
        }
        if (!duePeers.isEmpty()) {
            send(nowNanos, new Request(TurnOperation.CREATE_PERMISSION, duePeers, null, 0));
        }
        for (Binding b : channelsByPeer.values().toArray(new Binding[0])) {
            if (due(b.refreshAt, nowNanos)) {
                b.refreshAt = Long.MAX_VALUE;
                send(nowNanos, new Request(TurnOperation.CHANNEL_BIND, List.of(), b, 0));
            }
        }
    }

    private static boolean due(long deadline, long now) {
        return deadline != Long.MAX_VALUE && deadline - now <= 0;
    }

    /** Bytes for the server, or null. */
    public byte[] pollTransmit() {
        return transmits.poll();
    }

    public TurnEvent pollEvent() {
        return events.poll();
    }

    /** Absolute deadline in nanos; Long.MAX_VALUE when none. */
    public long pollTimeout() {
        long t = Long.MAX_VALUE;
        for (Request r : requests) {
            t = Math.min(t, r.tx.pollTimeout());
        }
        if (state != State.ALLOCATED) {
            return t;
        }
        t = Math.min(t, refreshAt);
        for (long p : permissions.values()) {
            t = Math.min(t, p);
        }
        for (Binding b : channelsByPeer.values()) {
            t = Math.min(t, b.refreshAt);
        }
        return t;
    }

    /** Inputs discarded: malformed, unauthenticated, unknown channel, no permission, late responses. */
    public long droppedInputs() {
        return dropped;
    }

    private void requireAllocated() {
        if (state != State.ALLOCATED) {
            throw new IllegalStateException("no allocation (state " + state + ")");
        }
    }

    private void clearTimers() {
        refreshAt = Long.MAX_VALUE;
        permissions.replaceAll((k, v) -> Long.MAX_VALUE);
        for (Binding b : channelsByPeer.values()) {
            b.refreshAt = Long.MAX_VALUE;
        }
    }

    private void send(long nowNanos, Request r) {
        TransactionId id = TransactionId.random(random);
        List<StunAttribute> attrs = new ArrayList<>();
        int method;
        switch (r.op) {
            case ALLOCATE:
                method = StunMethod.ALLOCATE;
                attrs.add(new RequestedTransport(RequestedTransport.UDP).toRaw(id)); // RFC 8656 §7.1
                attrs.add(new Lifetime(r.lifetime).toRaw(id));
                break;
            case REFRESH:
                method = StunMethod.REFRESH;
                attrs.add(new Lifetime(r.lifetime).toRaw(id));
                break;
            case CREATE_PERMISSION:
                method = StunMethod.CREATE_PERMISSION;
                for (InetAddress p : r.peers) {
                    attrs.add(new XorPeerAddress(new InetSocketAddress(p, 0)).toRaw(id)); // §9.1: port ignored
                }
                break;
            case CHANNEL_BIND:
                method = StunMethod.CHANNEL_BIND;
                attrs.add(new ChannelNumber(r.binding.number).toRaw(id));
                attrs.add(new XorPeerAddress(r.binding.peer).toRaw(id));
                break;
            default:
                throw new AssertionError("every operation is handled: " + r.op);
        }
        if (key != null) { // RFC 8489 §9.2.3.2: USERNAME, REALM, NONCE, then MESSAGE-INTEGRITY
            attrs.add(new Username(config.username()));
            attrs.add(new Realm(realm));
            attrs.add(new Nonce(nonce));
        }
        byte[] b = new StunMessage(StunClass.REQUEST, method, id, attrs).toBytes(key, false);
        // Responses are authenticated here (handleInput), not by the transaction: 401/438 error
        // responses carry no MESSAGE-INTEGRITY and must still reach us.
        r.tx = new StunClientTransaction(b, 0, b.length, null, txConfig);
        requests.add(r);
        r.tx.start(nowNanos);
        drain(nowNanos, r);
    }

    private void drain(long nowNanos, Request r) {
        byte[] b;
        while ((b = r.tx.pollTransmit()) != null) {
            transmits.add(b);
        }
        StunTransactionEvent e;
        while ((e = r.tx.pollEvent()) != null) {
            requests.remove(r);
            if (e instanceof StunTransactionEvent.Response resp) {
                onResponse(nowNanos, r, resp.message());
            } else {
                fail(r, 0, "timeout");
            }
        }
    }

    private void onResponse(long nowNanos, Request r, StunMessage m) {
        if (m.messageClass() == StunClass.ERROR_RESPONSE) {
            onError(nowNanos, r, m);
            return;
        }
        try {
            switch (r.op) {
                case ALLOCATE: {
                    Optional<XorRelayedAddress> relay = TurnAttribute.find(m, XorRelayedAddress.class);
                    if (relay.isEmpty()) {
                        fail(r, 0, "Allocate success without XOR-RELAYED-ADDRESS");
                        return;
                    }
                    long lifetime = TurnAttribute.find(m, Lifetime.class).map(Lifetime::seconds)
                            .orElse(TurnClientConfig.DEFAULT_LIFETIME.toSeconds());
                    relayed = relay.get().address();
                    mapped = m.attribute(XorMappedAddress.class).map(XorMappedAddress::address).orElse(null);
                    state = State.ALLOCATED;
                    refreshAt = nowNanos + refreshDelayNanos(lifetime);
                    events.add(new TurnEvent.Allocated(relayed, mapped, lifetime));
                    return;
                }
                case REFRESH: {
                    if (r.lifetime == 0) {
                        closeAll();
                        events.add(new TurnEvent.Deallocated());
                        return;
                    }
                    long lifetime = TurnAttribute.find(m, Lifetime.class).map(Lifetime::seconds).orElse(r.lifetime);
                    if (state == State.ALLOCATED) {
                        refreshAt = nowNanos + refreshDelayNanos(lifetime);
                        events.add(new TurnEvent.Refreshed(lifetime));
                    }
                    return;
                }
                case CREATE_PERMISSION:
                    if (state == State.ALLOCATED) {
                        for (InetAddress p : r.peers) {
                            permissions.put(p, nowNanos + PERMISSION_REFRESH_NANOS);
                        }
                        events.add(new TurnEvent.PermissionCreated(r.peers));
                    }
                    return;
                case CHANNEL_BIND: {
                    if (state != State.ALLOCATED) {
                        return;
                    }
                    Binding b = r.binding;
                    boolean first = !b.confirmed;
                    b.confirmed = true;
                    b.refreshAt = nowNanos + CHANNEL_REFRESH_NANOS;
                    // RFC 8656 §11.2: the binding also installs or refreshes the peer's permission
                    Long p = permissions.get(b.peer.getAddress());
                    if (p == null || p != Long.MAX_VALUE) {
                        permissions.put(b.peer.getAddress(), nowNanos + PERMISSION_REFRESH_NANOS);
                    }
                    if (first) {
                        events.add(new TurnEvent.ChannelBound(b.peer, b.number));
                    }
                    return;
                }
                default:
                    throw new AssertionError("every operation is handled: " + r.op);
            }
        } catch (TurnException e) {
            fail(r, 0, "malformed response: " + e.getMessage());
        }
    }

    private void onError(long nowNanos, Request r, StunMessage m) {
        ErrorCode ec = m.attribute(ErrorCode.class).orElse(null);
        int code = ec == null ? 0 : ec.code();
        String reason = ec == null ? "error response without ERROR-CODE" : ec.reason();
        Optional<Realm> newRealm = m.attribute(Realm.class);
        Optional<Nonce> newNonce = m.attribute(Nonce.class);
        if (code == ErrorCode.UNAUTHENTICATED && !r.authRetried && newRealm.isPresent() && newNonce.isPresent()) {
            // RFC 8489 §9.2.4: the challenge; retry once with credentials for this realm
            adoptRealm(newRealm.get().value());
            nonce = newNonce.get().value();
            r.authRetried = true;
            send(nowNanos, r);
            return;
        }
        if (code == ErrorCode.STALE_NONCE && key != null && r.staleRetries < MAX_STALE_NONCE_RETRIES
                && newNonce.isPresent()) {
            // RFC 8489 §9.2.5: retry with the new nonce (and realm, if the server sent one)
            newRealm.ifPresent(x -> adoptRealm(x.value()));
            nonce = newNonce.get().value();
            r.staleRetries++;
            send(nowNanos, r);
            return;
        }
        fail(r, code, reason);
    }

    private void adoptRealm(String value) {
        if (!value.equals(realm) || key == null) {
            realm = value;
            key = LongTermCredential.key(config.username(), realm, config.password());
        }
    }

    private void fail(Request r, int code, String reason) {
        events.add(new TurnEvent.Failed(r.op, code, reason));
        switch (r.op) {
            case ALLOCATE:
            case REFRESH:
                closeAll(); // the allocation is gone or never was
                break;
            case CREATE_PERMISSION:
                for (InetAddress p : r.peers) {
                    permissions.remove(p, Long.MAX_VALUE);
                }
                break;
            case CHANNEL_BIND:
                // the server has no (or no longer a) binding: fall back to Send indications; a later
                // bindChannel() takes a fresh number (RFC 8656 §12: an expired number is not reused at once)
                channelsByPeer.remove(r.binding.peer);
                channelsByNumber[r.binding.number - ChannelNumber.MIN] = null;
                break;
            default:
                throw new AssertionError("every operation is handled: " + r.op);
        }
    }

    private void closeAll() {
        state = State.CLOSED;
        requests.clear();
        permissions.clear();
        channelsByPeer.clear();
        java.util.Arrays.fill(channelsByNumber, null);
        refreshAt = Long.MAX_VALUE;
    }

    /** RFC 8656 §8: refresh a minute before expiry (half-way through short lifetimes). */
    static long refreshDelayNanos(long lifetimeSeconds) {
        long s = lifetimeSeconds > 120 ? lifetimeSeconds - 60 : Math.max(1, lifetimeSeconds / 2);
        return s * 1_000_000_000L;
    }
}
