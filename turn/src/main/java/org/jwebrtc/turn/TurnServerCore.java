package org.jwebrtc.turn;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;
import org.jwebrtc.stun.ErrorCode;
import org.jwebrtc.stun.LongTermCredential;
import org.jwebrtc.stun.Nonce;
import org.jwebrtc.stun.Realm;
import org.jwebrtc.stun.StunAttributeType;
import org.jwebrtc.stun.StunClass;
import org.jwebrtc.stun.StunException;
import org.jwebrtc.stun.StunMessage;
import org.jwebrtc.stun.StunMethod;
import org.jwebrtc.stun.StunView;
import org.jwebrtc.stun.StunWriter;
import org.jwebrtc.stun.TransactionId;
import org.jwebrtc.stun.UnknownAttributes;
import org.jwebrtc.stun.Username;
import org.jwebrtc.stun.XorMappedAddress;
import org.jwebrtc.turn.internal.Allocation;
import org.jwebrtc.turn.internal.NonceIssuer;
import org.jwebrtc.turn.internal.XorAddress;

/**
 * Sans-IO TURN server (RFC 8656) with UDP relays: long-term and TURN REST credentials, expiring
 * nonces (438), allocation quota per user (486), bandwidth cap per allocation, permission checks
 * on every relayed packet (drops counted), channel bindings, lifetime expiry.
 *
 * <p>The edge feeds client traffic to {@link #handleClientInput} (a datagram or one
 * {@link StreamFramer} frame) and peer datagrams that reached a relay socket to
 * {@link #handlePeerInput}. Control responses come out of {@link #pollTransmit}; relayed data
 * does not queue: {@link #handleClientInput} returns {@link #RELAY} with the payload's place in
 * the caller's buffer, and {@link #handlePeerInput} writes the client-bound message into the
 * caller's buffer, so the data path allocates nothing (ChannelData both ways).
 * Not thread-safe; owned by one thread.
 */
public final class TurnServerCore {
    /** Input discarded (malformed, unauthorised, over quota; counted in {@link #stats()}). */
    public static final int DROPPED = -1;
    /** Input consumed; responses (if any) wait in {@link #pollTransmit()}. */
    public static final int HANDLED = 0;
    /** Send {@code buf[relayOffset(), +relayLength())} from {@link #relaySource()} to {@link #relayDestination()}. */
    public static final int RELAY = 1;
    /** Bytes {@link #handlePeerInput} may add to the payload. */
    public static final int MAX_CLIENT_OVERHEAD = 20 + 24 + 4 + 3;

    static final long PERMISSION_LIFETIME_NANOS = 300_000_000_000L; // RFC 8656 §9
    static final long CHANNEL_LIFETIME_NANOS = 600_000_000_000L;    // RFC 8656 §12
    private static final int ALLOCATION_MISMATCH = 437;
    private static final int WRONG_CREDENTIALS = 441;
    private static final int UNSUPPORTED_TRANSPORT = 442;
    private static final int FORBIDDEN = 403;
    private static final int ADDRESS_FAMILY_NOT_SUPPORTED = 440;
    private static final int PEER_ADDRESS_FAMILY_MISMATCH = 443;
    private static final int QUOTA_REACHED = 486;
    private static final int INSUFFICIENT_CAPACITY = 508;

    private final TurnServerConfig config;
    private final RelayAllocator relays;
    private final RandomGenerator random;
    private final NonceIssuer nonces;
    private final Map<TurnTransport, Map<InetSocketAddress, Allocation>> byClient = new EnumMap<>(TurnTransport.class);
    private final Map<InetSocketAddress, Allocation> byRelay = new HashMap<>();
    private final Map<String, Integer> perUser = new HashMap<>();
    private final Map<String, byte[]> staticKeys = new HashMap<>();
    private final ArrayDeque<ServerTransmit> transmits = new ArrayDeque<>();
    private final StunView view = new StunView();
    private final StunWriter writer = new StunWriter();
    private final ChannelData channelData = new ChannelData();
    private final byte[] txScratch = new byte[TransactionId.LENGTH];

    private InetSocketAddress relaySource;
    private InetSocketAddress relayDestination;
    private int relayOffset;
    private int relayLength;
    private TurnTransport clientTransport;
    private InetSocketAddress clientAddress;

    private long allocationsCreated, challenges, authFailures, expiredCredentials, staleNonces, quotaRejections,
            forbiddenPeers, permissionDrops, bandwidthDrops, malformed, relayedToPeers, relayedToClients;

    public TurnServerCore(TurnServerConfig config, RelayAllocator relays, RandomGenerator random) {
        this.config = Objects.requireNonNull(config, "config");
        this.relays = Objects.requireNonNull(relays, "relays");
        this.random = Objects.requireNonNull(random, "random");
        byte[] secret = new byte[20];
        random.nextBytes(secret);
        this.nonces = new NonceIssuer(secret, config.nonceLifetime().toNanos());
        for (TurnTransport t : TurnTransport.values()) {
            byClient.put(t, new HashMap<>());
        }
        config.users().forEach((u, p) -> staticKeys.put(u, LongTermCredential.key(u, config.realm(), p)));
    }

    // ---------------------------------------------------------------- client side

    /**
     * One datagram (UDP) or one framed message (TCP/TLS) from {@code client}. Returns
     * {@link #RELAY}, {@link #HANDLED} or {@link #DROPPED}.
     */
    public int handleClientInput(long nowNanos, TurnTransport transport, InetSocketAddress client,
                                 byte[] buf, int off, int len) {
        if (ChannelData.isChannelData(buf, off, len)) {
            return onClientChannelData(nowNanos, transport, client, buf, off, len);
        }
        if (!StunMessage.isStun(buf, off, len)) {
            malformed++;
            return DROPPED;
        }
        try {
            view.wrap(buf, off, len);
        } catch (StunException e) {
            malformed++;
            return DROPPED;
        }
        StunClass cls = view.messageClass();
        if (cls == StunClass.INDICATION && view.method() == StunMethod.SEND) {
            return onSendIndication(nowNanos, transport, client);
        }
        if (cls != StunClass.REQUEST) {
            malformed++;
            return DROPPED;
        }
        onRequest(nowNanos, transport, client);
        return HANDLED;
    }

    private int onClientChannelData(long now, TurnTransport transport, InetSocketAddress client,
                                    byte[] buf, int off, int len) {
        Allocation a = live(byClient.get(transport).get(client), now);
        try {
            channelData.wrap(buf, off, len);
        } catch (TurnException e) {
            malformed++;
            return DROPPED;
        }
        if (a == null) {
            permissionDrops++;
            return DROPPED;
        }
        Allocation.Channel c = a.channel(channelData.channel());
        // RFC 8656 §12.6: unbound channel or no permission for its peer: discard
        if (c == null || c.expiry - now <= 0 || !a.permits(c.peer.getAddress(), now)) {
            permissionDrops++;
            return DROPPED;
        }
        return relay(now, a, c.peer, channelData.dataOffset(), channelData.dataLength());
    }

    private int onSendIndication(long now, TurnTransport transport, InetSocketAddress client) {
        Allocation a = live(byClient.get(transport).get(client), now);
        int pi = view.indexOf(StunAttributeType.XOR_PEER_ADDRESS);
        int di = view.indexOf(StunAttributeType.DATA);
        if (pi < 0 || di < 0) { // RFC 8656 §10.2: both required, else discard
            malformed++;
            return DROPPED;
        }
        InetSocketAddress peer = XorAddress.decode(view.buffer(), view.valueOffset(pi), view.valueLength(pi),
                view.buffer(), view.transactionIdOffset());
        if (peer == null) {
            malformed++;
            return DROPPED;
        }
        if (a == null || !a.permits(peer.getAddress(), now)) {
            permissionDrops++;
            return DROPPED;
        }
        return relay(now, a, peer, view.valueOffset(di), view.valueLength(di));
    }

    private int relay(long now, Allocation a, InetSocketAddress peer, int off, int len) {
        if (!a.bandwidth.tryTake(now, len)) {
            bandwidthDrops++;
            return DROPPED;
        }
        relaySource = a.relay;
        relayDestination = peer;
        relayOffset = off;
        relayLength = len;
        relayedToPeers++;
        return RELAY;
    }

    /** After {@link #RELAY}: the relay address to send from. */
    public InetSocketAddress relaySource() {
        return relaySource;
    }

    /** After {@link #RELAY}: the peer to send to. */
    public InetSocketAddress relayDestination() {
        return relayDestination;
    }

    public int relayOffset() {
        return relayOffset;
    }

    public int relayLength() {
        return relayLength;
    }

    // ---------------------------------------------------------------- peer side

    /**
     * A datagram from {@code peer} that reached relay socket {@code relay}. When a permission
     * allows it, writes a ChannelData message (channel bound) or Data indication at
     * {@code dst[dstOff]} (needs {@code len + MAX_CLIENT_OVERHEAD} bytes) and returns its length;
     * send it to {@link #clientAddress()} over {@link #clientTransport()}. Else {@link #DROPPED}.
     */
    public int handlePeerInput(long nowNanos, InetSocketAddress relay, InetSocketAddress peer, byte[] buf, int off,
                               int len, byte[] dst, int dstOff) {
        Allocation a = live(byRelay.get(relay), nowNanos);
        if (a == null || !a.permits(peer.getAddress(), nowNanos)) {
            permissionDrops++; // RFC 8656 §10.3: no permission, silently discard
            return DROPPED;
        }
        if (!a.bandwidth.tryTake(nowNanos, len)) {
            bandwidthDrops++;
            return DROPPED;
        }
        int n;
        Allocation.Channel c = a.channelsByPeer.get(peer);
        if (c != null && c.expiry - nowNanos > 0) {
            n = ChannelData.encode(c.number, buf, off, len, dst, dstOff, a.transport.isStream()); // §12.4
        } else {
            fillTransactionId();
            byte[] addr = peer.getAddress().getAddress();
            n = writer.start(dst, dstOff, dst.length - dstOff, StunClass.INDICATION, StunMethod.DATA, txScratch, 0)
                    .addXorAddress(StunAttributeType.XOR_PEER_ADDRESS, addr, 0, addr.length, peer.getPort())
                    .addBytes(StunAttributeType.DATA, buf, off, len)
                    .finish(); // §10.3
        }
        clientTransport = a.transport;
        clientAddress = a.client;
        relayedToClients++;
        return n;
    }

    public TurnTransport clientTransport() {
        return clientTransport;
    }

    public InetSocketAddress clientAddress() {
        return clientAddress;
    }

    // ---------------------------------------------------------------- requests

    private void onRequest(long now, TurnTransport transport, InetSocketAddress client) {
        int method = view.method();
        if (method == StunMethod.BINDING) { // RFC 8489 §6.3.1: plain Binding needs no credentials
            respond(transport, client, StunMessage.of(StunClass.SUCCESS_RESPONSE, method, view.transactionId(),
                    new XorMappedAddress(client)), null);
            return;
        }
        if (method != StunMethod.ALLOCATE && method != StunMethod.REFRESH
                && method != StunMethod.CREATE_PERMISSION && method != StunMethod.CHANNEL_BIND) {
            error(transport, client, method, ErrorCode.BAD_REQUEST, "Unsupported method", null);
            return;
        }
        StunMessage m;
        try {
            m = view.toMessage();
        } catch (StunException e) {
            error(transport, client, method, ErrorCode.BAD_REQUEST, "Malformed request", null);
            return;
        }
        // RFC 8489 §9.2.4: authenticate before anything else
        if (view.integrityAlgorithm() == null) {
            challenges++;
            challenge(transport, client, m, ErrorCode.UNAUTHENTICATED, now);
            return;
        }
        Optional<Username> user = m.attribute(Username.class);
        Optional<Realm> realm = m.attribute(Realm.class);
        Optional<Nonce> nonce = m.attribute(Nonce.class);
        if (user.isEmpty() || realm.isEmpty() || nonce.isEmpty()) {
            error(transport, client, method, ErrorCode.BAD_REQUEST, "Missing USERNAME, REALM or NONCE", null);
            return;
        }
        if (!nonces.isValid(nonce.get().value(), now)) {
            staleNonces++;
            challenge(transport, client, m, ErrorCode.STALE_NONCE, now);
            return;
        }
        byte[] key = key(user.get().value(), realm.get().value());
        if (key == null || !view.verifyIntegrity(key)) {
            if (key != null) {
                authFailures++; // known user, wrong password
            }
            challenge(transport, client, m, ErrorCode.UNAUTHENTICATED, now);
            return;
        }
        int unknown = view.firstUnknownComprehensionRequired(
                t -> TurnAttribute.isKnown(t) || StunAttributeType.isDecoded(t));
        if (unknown >= 0) { // RFC 8489 §6.3.1: 420 with UNKNOWN-ATTRIBUTES
            respond(transport, client, StunMessage.of(StunClass.ERROR_RESPONSE, method, m.transactionId(),
                    ErrorCode.of(ErrorCode.UNKNOWN_ATTRIBUTE), new UnknownAttributes(List.of(unknown))), key);
            return;
        }
        try {
            switch (method) {
                case StunMethod.ALLOCATE:
                    allocate(now, transport, client, m, user.get().value(), key);
                    break;
                case StunMethod.REFRESH:
                    refresh(now, transport, client, m, user.get().value(), key);
                    break;
                case StunMethod.CREATE_PERMISSION:
                    createPermission(now, transport, client, m, user.get().value(), key);
                    break;
                default:
                    channelBind(now, transport, client, m, user.get().value(), key);
                    break;
            }
        } catch (TurnException e) {
            error(transport, client, m, ErrorCode.BAD_REQUEST, "Malformed TURN attribute", key);
        }
    }

    /** The long-term key for this user, or null (unknown user, expired or malformed REST username). */
    private byte[] key(String username, String realm) {
        if (!realm.equals(config.realm())) {
            authFailures++;
            return null;
        }
        byte[] k = staticKeys.get(username);
        if (k != null) {
            return k;
        }
        if (config.restSecret() != null) {
            OptionalLong expiry = TurnRestCredentials.expiry(username);
            if (expiry.isPresent()) {
                if (expiry.getAsLong() < config.unixSeconds().getAsLong()) {
                    expiredCredentials++;
                    return null;
                }
                String password = TurnRestCredentials.password(config.restSecret(), username);
                return LongTermCredential.key(username, config.realm(), password);
            }
        }
        authFailures++;
        return null;
    }

    private void allocate(long now, TurnTransport transport, InetSocketAddress client, StunMessage m, String user,
                          byte[] key) throws TurnException {
        Allocation existing = live(byClient.get(transport).get(client), now);
        if (existing != null) {
            if (m.transactionId().equals(existing.allocateTx)) { // a retransmission: same answer (§7.2)
                transmits.add(new ServerTransmit(transport, client, existing.allocateResponse.clone()));
            } else {
                error(transport, client, m, ALLOCATION_MISMATCH, "Allocation Mismatch", key);
            }
            return;
        }
        Optional<RequestedTransport> rt = TurnAttribute.find(m, RequestedTransport.class);
        if (rt.isEmpty()) {
            error(transport, client, m, ErrorCode.BAD_REQUEST, "Missing REQUESTED-TRANSPORT", key);
            return;
        }
        if (rt.get().protocol() != RequestedTransport.UDP) {
            error(transport, client, m, UNSUPPORTED_TRANSPORT, "Unsupported Transport Protocol", key);
            return;
        }
        Optional<RequestedAddressFamily> family = TurnAttribute.find(m, RequestedAddressFamily.class);
        boolean relayV4 = config.relayAddress() instanceof Inet4Address;
        if (family.isPresent() && (family.get().family() == RequestedAddressFamily.IPV4) != relayV4) {
            error(transport, client, m, ADDRESS_FAMILY_NOT_SUPPORTED, "Address Family not Supported", key);
            return;
        }
        if (perUser.getOrDefault(user, 0) >= config.maxAllocationsPerUser()) {
            quotaRejections++;
            error(transport, client, m, QUOTA_REACHED, "Allocation Quota Reached", key);
            return;
        }
        Optional<EvenPort> even = TurnAttribute.find(m, EvenPort.class);
        if (even.isPresent() && even.get().reserve()) { // §7.2 step 8: no port reservations here
            error(transport, client, m, INSUFFICIENT_CAPACITY, "Insufficient Capacity", key);
            return;
        }
        InetSocketAddress relay = relays.allocate(transport, client, even.isPresent());
        if (relay == null || (even.isPresent() && (relay.getPort() & 1) != 0)) {
            if (relay != null) {
                relays.release(relay);
            }
            error(transport, client, m, INSUFFICIENT_CAPACITY, "Insufficient Capacity", key);
            return;
        }
        long lifetime = lifetime(TurnAttribute.find(m, Lifetime.class));
        Allocation a = new Allocation(transport, client, relay, user, key, config.bandwidthBytesPerSecond());
        a.expiry = now + lifetime * 1_000_000_000L;
        a.allocateTx = m.transactionId();
        TransactionId id = m.transactionId();
        StunMessage ok = StunMessage.of(StunClass.SUCCESS_RESPONSE, StunMethod.ALLOCATE, id,
                new XorRelayedAddress(relay).toRaw(id), new Lifetime(lifetime).toRaw(id), new XorMappedAddress(client));
        a.allocateResponse = ok.toBytes(key, false);
        byClient.get(transport).put(client, a);
        byRelay.put(relay, a);
        perUser.merge(user, 1, Integer::sum);
        allocationsCreated++;
        transmits.add(new ServerTransmit(transport, client, a.allocateResponse.clone()));
    }

    /** RFC 8656 §7.2: min(requested, max), but not below the default. */
    private long lifetime(Optional<Lifetime> requested) {
        long def = config.defaultLifetime().toSeconds();
        long max = config.maxLifetime().toSeconds();
        return requested.map(l -> Math.max(def, Math.min(l.seconds(), max))).orElse(def);
    }

    /** The caller's live allocation, or null after answering 437/441. */
    private Allocation owned(long now, TurnTransport transport, InetSocketAddress client, StunMessage m, String user,
                             byte[] key) {
        Allocation a = live(byClient.get(transport).get(client), now);
        if (a == null) {
            error(transport, client, m, ALLOCATION_MISMATCH, "Allocation Mismatch", key);
            return null;
        }
        if (!a.username.equals(user)) { // RFC 8656 §5: same credentials as the Allocate
            error(transport, client, m, WRONG_CREDENTIALS, "Wrong Credentials", key);
            return null;
        }
        return a;
    }

    private void refresh(long now, TurnTransport transport, InetSocketAddress client, StunMessage m, String user,
                         byte[] key) throws TurnException {
        Allocation a = owned(now, transport, client, m, user, key);
        if (a == null) {
            return;
        }
        Optional<Lifetime> requested = TurnAttribute.find(m, Lifetime.class);
        long lifetime;
        if (requested.isPresent() && requested.get().seconds() == 0) {
            lifetime = 0; // §8: delete
            delete(a);
        } else {
            lifetime = lifetime(requested);
            a.expiry = now + lifetime * 1_000_000_000L;
        }
        TransactionId id = m.transactionId();
        respond(transport, client, StunMessage.of(StunClass.SUCCESS_RESPONSE, StunMethod.REFRESH, id,
                new Lifetime(lifetime).toRaw(id)), key);
    }

    private void createPermission(long now, TurnTransport transport, InetSocketAddress client, StunMessage m,
                                  String user, byte[] key) throws TurnException {
        Allocation a = owned(now, transport, client, m, user, key);
        if (a == null) {
            return;
        }
        List<XorPeerAddress> peers = TurnAttribute.findAll(m, XorPeerAddress.class);
        if (peers.isEmpty()) {
            error(transport, client, m, ErrorCode.BAD_REQUEST, "Missing XOR-PEER-ADDRESS", key);
            return;
        }
        for (XorPeerAddress p : peers) { // §9.2: all or nothing
            if (!checkPeer(transport, client, m, a, p.address().getAddress(), key)) {
                return;
            }
        }
        for (XorPeerAddress p : peers) {
            a.permit(p.address().getAddress(), now + PERMISSION_LIFETIME_NANOS);
        }
        respond(transport, client, StunMessage.of(StunClass.SUCCESS_RESPONSE, StunMethod.CREATE_PERMISSION,
                m.transactionId()), key);
    }

    private void channelBind(long now, TurnTransport transport, InetSocketAddress client, StunMessage m, String user,
                             byte[] key) throws TurnException {
        Allocation a = owned(now, transport, client, m, user, key);
        if (a == null) {
            return;
        }
        Optional<ChannelNumber> number = TurnAttribute.find(m, ChannelNumber.class);
        Optional<XorPeerAddress> peer = TurnAttribute.find(m, XorPeerAddress.class);
        if (number.isEmpty() || peer.isEmpty()) {
            error(transport, client, m, ErrorCode.BAD_REQUEST, "Missing CHANNEL-NUMBER or XOR-PEER-ADDRESS", key);
            return;
        }
        InetSocketAddress p = peer.get().address();
        if (!checkPeer(transport, client, m, a, p.getAddress(), key)) {
            return;
        }
        Allocation.Channel byNumber = a.channel(number.get().number());
        Allocation.Channel byPeer = a.channelsByPeer.get(p);
        // RFC 8656 §11.2: the number must be unbound or bound to this peer, and the peer to no other number
        if ((byNumber != null && !byNumber.peer.equals(p)) || (byPeer != null && byPeer.number != number.get().number())) {
            error(transport, client, m, ErrorCode.BAD_REQUEST, "Channel already bound differently", key);
            return;
        }
        Allocation.Channel c = byNumber != null ? byNumber : a.bind(number.get().number(), p);
        c.expiry = now + CHANNEL_LIFETIME_NANOS;
        a.permit(p.getAddress(), now + PERMISSION_LIFETIME_NANOS);
        respond(transport, client, StunMessage.of(StunClass.SUCCESS_RESPONSE, StunMethod.CHANNEL_BIND,
                m.transactionId()), key);
    }

    /** RFC 8656 §9.2: 443 for a family the relay does not have, 403 for refused addresses. */
    private boolean checkPeer(TurnTransport transport, InetSocketAddress client, StunMessage m, Allocation a,
                              InetAddress peer, byte[] key) {
        if ((peer instanceof Inet4Address) != (a.relay.getAddress() instanceof Inet4Address)) {
            error(transport, client, m, PEER_ADDRESS_FAMILY_MISMATCH, "Peer Address Family Mismatch", key);
            return false;
        }
        if (peer.isAnyLocalAddress() || peer.isMulticastAddress()
                || (peer.isLoopbackAddress() && !config.allowLoopbackPeers())) {
            forbiddenPeers++;
            error(transport, client, m, FORBIDDEN, "Forbidden", key);
            return false;
        }
        return true;
    }

    // ---------------------------------------------------------------- responses

    private void challenge(TurnTransport transport, InetSocketAddress client, StunMessage m, int code, long now) {
        respond(transport, client, StunMessage.of(StunClass.ERROR_RESPONSE, m.method(), m.transactionId(),
                ErrorCode.of(code), new Realm(config.realm()), new Nonce(nonces.issue(now))), null);
    }

    private void error(TurnTransport transport, InetSocketAddress client, StunMessage m, int code, String reason,
                       byte[] key) {
        respond(transport, client, StunMessage.of(StunClass.ERROR_RESPONSE, m.method(), m.transactionId(),
                new ErrorCode(code, reason)), key);
    }

    private void error(TurnTransport transport, InetSocketAddress client, int method, int code, String reason,
                       byte[] key) {
        respond(transport, client, StunMessage.of(StunClass.ERROR_RESPONSE, method, view.transactionId(),
                new ErrorCode(code, reason)), key);
    }

    private void respond(TurnTransport transport, InetSocketAddress client, StunMessage m, byte[] key) {
        transmits.add(new ServerTransmit(transport, client, m.toBytes(key, false)));
    }

    // ---------------------------------------------------------------- lifetime

    private Allocation live(Allocation a, long now) {
        return a != null && a.expiry - now > 0 ? a : null;
    }

    private void delete(Allocation a) {
        byClient.get(a.transport).remove(a.client, a);
        byRelay.remove(a.relay, a);
        perUser.computeIfPresent(a.username, (u, n) -> n == 1 ? null : n - 1);
        relays.release(a.relay);
    }

    /** The client's TCP/TLS connection closed: its allocation goes with it (RFC 8656 §3.1). */
    public void connectionClosed(TurnTransport transport, InetSocketAddress client) {
        Allocation a = byClient.get(transport).get(client);
        if (a != null) {
            delete(a);
        }
    }

    /** Expires allocations (releasing their relays), permissions and channel bindings. */
    public void handleTimeout(long nowNanos) {
        for (Allocation a : byRelay.values().toArray(new Allocation[0])) {
            if (a.expiry - nowNanos <= 0) {
                delete(a);
            } else {
                a.sweep(nowNanos);
            }
        }
    }

    public ServerTransmit pollTransmit() {
        return transmits.poll();
    }

    /** Absolute deadline in nanos of the next expiry; Long.MAX_VALUE when none. */
    public long pollTimeout() {
        long t = Long.MAX_VALUE;
        for (Allocation a : byRelay.values()) {
            t = Math.min(t, a.nextDeadline());
        }
        return t;
    }

    public TurnServerStats stats() {
        return new TurnServerStats(byRelay.size(), allocationsCreated, challenges, authFailures, expiredCredentials,
                staleNonces, quotaRejections, forbiddenPeers, permissionDrops, bandwidthDrops, malformed,
                relayedToPeers, relayedToClients);
    }

    /** Relay addresses of live allocations (for the edge and tests). */
    public List<InetSocketAddress> relayAddresses() {
        return new ArrayList<>(byRelay.keySet());
    }

    private void fillTransactionId() {
        for (int i = 0; i < TransactionId.LENGTH; i += 4) {
            int r = random.nextInt();
            txScratch[i] = (byte) (r >>> 24);
            txScratch[i + 1] = (byte) (r >>> 16);
            txScratch[i + 2] = (byte) (r >>> 8);
            txScratch[i + 3] = (byte) r;
        }
    }
}
