package org.jwebrtc.ice;

import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.jwebrtc.stun.StunClass;
import org.jwebrtc.stun.StunClientTransaction;
import org.jwebrtc.stun.StunMessage;
import org.jwebrtc.stun.StunMethod;
import org.jwebrtc.stun.StunTransactionConfig;
import org.jwebrtc.stun.StunTransactionEvent;
import org.jwebrtc.stun.TransactionId;
import org.jwebrtc.stun.XorMappedAddress;

/**
 * Sans-IO candidate gathering (RFC 8445 §5.1.1): host candidates the moment their socket is handed in, server-reflexive
 * ones as STUN Binding responses arrive (RFC 8489 §6.2 via {@link StunClientTransaction}), relayed ones when a TURN
 * allocation is plugged in ({@link RelayedTransport}). Every STUN server has its own deadline, so an unreachable
 * server never holds anything up: candidates trickle out as found (RFC 8838 §8), and {@link GatheringEvent.Complete}
 * follows once each query answered or timed out.
 *
 * <p>Share each host socket between the gatherer and the {@link IceAgent}: offer an arriving datagram to
 * {@link #handleInput} first (it takes only responses to its own transactions), else to the agent. After any call,
 * drain {@link #pollTransmit()} and {@link #pollEvent()} until null, then wake at {@link #pollTimeout()}.
 *
 * <p>Not thread-safe: owned by exactly one thread.
 */
public final class CandidateGatherer {
    /**
     * @param stunServers   STUN servers to ask, e.g. from the RTCIceServer list or KVS GetIceServerConfig
     * @param serverTimeout how long one server may take before it is given up for a base (default 1 s)
     * @param rto           first retransmission timeout of the Binding request (default 100 ms, then doubling)
     * @param componentId   component of the candidates (1)
     */
    public record Config(List<InetSocketAddress> stunServers, Duration serverTimeout, Duration rto, int componentId) {
        public Config {
            stunServers = List.copyOf(stunServers);
            if (serverTimeout.isNegative() || serverTimeout.isZero() || rto.isNegative() || rto.isZero()) {
                throw new IllegalArgumentException("serverTimeout and rto must be positive");
            }
        }

        public static Config of(List<InetSocketAddress> stunServers) {
            return new Config(stunServers, Duration.ofSeconds(1), Duration.ofMillis(100), 1);
        }

        public Config withServerTimeout(Duration d) {
            return new Config(stunServers, d, rto, componentId);
        }
    }

    private final Config config;
    private final RandomGenerator random;
    private final List<Query> queries = new ArrayList<>();
    private final Map<InetSocketAddress, RelayedTransport> relays = new LinkedHashMap<>();
    private final List<Candidate> gathered = new ArrayList<>();
    private final ArrayDeque<Transmit> transmits = new ArrayDeque<>();
    private final ArrayDeque<GatheringEvent> events = new ArrayDeque<>();
    private boolean hostsDone;
    private boolean completeSent;

    /** One Binding query: a host socket asking one server. */
    private static final class Query {
        final InetSocketAddress base;
        final InetSocketAddress server;
        final int localPreference;
        final StunClientTransaction tx;
        final long giveUpAt;
        boolean done;

        Query(InetSocketAddress base, InetSocketAddress server, int localPreference, StunClientTransaction tx,
              long giveUpAt) {
            this.base = base;
            this.server = server;
            this.localPreference = localPreference;
            this.tx = tx;
            this.giveUpAt = giveUpAt;
        }
    }

    public CandidateGatherer(Config config, RandomGenerator random) {
        this.config = Objects.requireNonNull(config, "config");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * A host socket the caller bound (RFC 8445 §5.1.1.1): its host candidate is reported at once, and a Binding
     * request leaves for every STUN server of the same address family (loopback sockets ask loopback servers only).
     *
     * @param localPreference unique per host address, e.g. from {@link LocalPreference#assign}
     */
    public Candidate addHostSocket(long nowNanos, InetSocketAddress bound, int localPreference) {
        Candidate host = Candidate.host(bound, localPreference, config.componentId());
        report(host);
        for (InetSocketAddress server : config.stunServers()) {
            if (server.isUnresolved() || (server.getAddress() instanceof Inet4Address)
                    != (bound.getAddress() instanceof Inet4Address)
                    || bound.getAddress().isLoopbackAddress() && !server.getAddress().isLoopbackAddress()) {
                continue;
            }
            StunMessage request = StunMessage.of(StunClass.REQUEST, StunMethod.BINDING, TransactionId.random(random));
            StunClientTransaction tx = StunClientTransaction.of(request, null, true,
                    StunTransactionConfig.unreliable(config.rto()));
            Query q = new Query(bound, server, localPreference, tx, nowNanos + config.serverTimeout().toNanos());
            queries.add(q);
            tx.start(nowNanos);
            drain(q);
        }
        return host;
    }

    /** No more host sockets will be added: {@link GatheringEvent.Complete} may follow once the queries end. */
    public void hostSocketsDone() {
        hostsDone = true;
        checkComplete();
    }

    /** Plugs a TURN allocation in: its relayed candidate is reported, and {@link #relayFor} routes to it. */
    public void addRelayed(RelayedTransport relay) {
        Candidate c = relay.candidate();
        if (c.type() != CandidateType.RELAYED) {
            throw new IllegalArgumentException("not a relayed candidate: " + c.type());
        }
        relays.put(c.base(), relay);
        report(c);
    }

    /** The TURN allocation a {@link Transmit} from {@code local} must go through, if {@code local} is relayed. */
    public Optional<RelayedTransport> relayFor(InetSocketAddress local) {
        return Optional.ofNullable(relays.get(local));
    }

    /** Everything reported so far. */
    public List<Candidate> candidates() {
        return List.copyOf(gathered);
    }

    public boolean isComplete() {
        return completeSent;
    }

    /**
     * Offers a datagram that arrived at {@code local} from {@code remote}. Returns true when it was the response to one
     * of our Binding requests (consumed), false when it belongs to someone else (the ICE agent, DTLS, ...).
     */
    public boolean handleInput(long nowNanos, InetSocketAddress local, InetSocketAddress remote, byte[] buf, int off,
                               int len) {
        if (!StunMessage.isStun(buf, off, len)) {
            return false;
        }
        for (Query q : queries) {
            if (!q.done && q.base.equals(local) && q.tx.handleInput(nowNanos, buf, off, len)) {
                drain(q);
                checkComplete();
                return true;
            }
        }
        return false;
    }

    public void handleTimeout(long nowNanos) {
        for (Query q : queries) {
            if (q.done) {
                continue;
            }
            if (nowNanos - q.giveUpAt >= 0) {
                q.done = true; // RFC 8838 §8: per-server budget, never an overall wait
                events.add(new GatheringEvent.ServerUnreachable(q.server, q.base, "timeout"));
                continue;
            }
            q.tx.handleTimeout(nowNanos);
            drain(q);
        }
        checkComplete();
    }

    public Transmit pollTransmit() {
        return transmits.pollFirst();
    }

    public GatheringEvent pollEvent() {
        return events.pollFirst();
    }

    /** Absolute deadline (nanos) of the next retransmission or give-up; {@link Long#MAX_VALUE} for none. */
    public long pollTimeout() {
        long t = Long.MAX_VALUE;
        boolean any = false;
        for (Query q : queries) {
            if (q.done) {
                continue;
            }
            long d = q.tx.pollTimeout();
            long e = d == Long.MAX_VALUE || d - q.giveUpAt > 0 ? q.giveUpAt : d;
            t = !any || e - t < 0 ? e : t;
            any = true;
        }
        return t;
    }

    private void drain(Query q) {
        for (byte[] b; (b = q.tx.pollTransmit()) != null; ) {
            transmits.add(new Transmit(q.base, q.server, b));
        }
        for (StunTransactionEvent e; (e = q.tx.pollEvent()) != null; ) {
            q.done = true;
            if (e instanceof StunTransactionEvent.Response r && r.isSuccess()) {
                Optional<XorMappedAddress> mapped = r.message().attribute(XorMappedAddress.class);
                if (mapped.isPresent()) {
                    onMapped(q, mapped.get().address());
                } else {
                    events.add(new GatheringEvent.ServerUnreachable(q.server, q.base, "no XOR-MAPPED-ADDRESS"));
                }
            } else {
                events.add(new GatheringEvent.ServerUnreachable(q.server, q.base,
                        e instanceof StunTransactionEvent.Timeout ? "timeout" : "error response"));
            }
        }
    }

    private void onMapped(Query q, InetSocketAddress mapped) {
        if (mapped.equals(q.base)) {
            return; // no NAT: the srflx candidate would equal the host one (RFC 8445 §5.1.3)
        }
        for (Candidate c : gathered) {
            if (c.type() == CandidateType.SERVER_REFLEXIVE && c.address().equals(mapped) && c.base().equals(q.base)) {
                return; // another server saw the same mapping (RFC 8445 §5.1.3: redundant)
            }
        }
        report(Candidate.serverReflexive(mapped, q.base, q.server, q.localPreference, config.componentId()));
    }

    private void report(Candidate c) {
        gathered.add(c);
        events.add(new GatheringEvent.CandidateGathered(c));
    }

    private void checkComplete() {
        if (completeSent || !hostsDone) {
            return;
        }
        for (Query q : queries) {
            if (!q.done) {
                return;
            }
        }
        completeSent = true;
        events.add(new GatheringEvent.Complete());
    }
}
