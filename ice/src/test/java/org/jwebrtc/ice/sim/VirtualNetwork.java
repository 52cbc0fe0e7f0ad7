package org.jwebrtc.ice.sim;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.jwebrtc.ice.CandidateGatherer;
import org.jwebrtc.ice.GatheringEvent;
import org.jwebrtc.ice.IceAgent;
import org.jwebrtc.ice.IceEvent;
import org.jwebrtc.ice.Rfc4571Framer;
import org.jwebrtc.ice.Transmit;
import org.jwebrtc.ice.TransportProtocol;
import org.jwebrtc.stun.StunBindingResponder;

/**
 * Sans-IO simulation (DESIGN.md §6): agents joined by a virtual link with delay, loss, optional 1:1 NATs and NAT
 * boxes of RFC 4787 behaviours ({@link NatType}), STUN servers and TURN-like relays, driven by a virtual clock that
 * jumps to the earliest of {agent and gatherer deadlines, next delivery}. Nothing sleeps.
 *
 * <p>TCP (RFC 6544) is modelled as reliable connections: an active candidate (port 9) connects from an ephemeral
 * port, a passive candidate only answers on connections opened to it, and every packet crosses the link as an
 * RFC 4571 frame that the receiving side re-assembles from random chunks.
 */
public final class VirtualNetwork {
    /** A datagram as seen on the wire; {@code tunnelPeer} is set on the client-relay leg of a relayed packet. */
    public record Packet(long at, int seq, InetSocketAddress from, InetSocketAddress to, byte[] data,
                         TransportProtocol transport, InetSocketAddress tunnelPeer) {
        Packet(long at, int seq, InetSocketAddress from, InetSocketAddress to, byte[] data) {
            this(at, seq, from, to, data, TransportProtocol.UDP, null);
        }
    }

    /** A timestamped event. */
    public record Timed(long at, IceEvent event) {
    }

    /** NAT mapping and filtering behaviours (RFC 4787 §4.1, §5). */
    public enum NatType {
        /** Endpoint-independent mapping and filtering. */
        FULL_CONE,
        /** Endpoint-independent mapping, address-and-port-dependent filtering. */
        PORT_RESTRICTED,
        /** Address-and-port-dependent mapping and filtering. */
        SYMMETRIC
    }

    /** One endpoint: its agent, optional gatherer, and what it saw. */
    public static final class Node {
        public final String name;
        public final IceAgent agent;
        public CandidateGatherer gatherer;
        public final List<Timed> events = new ArrayList<>();
        public final List<GatheringEvent> gathering = new ArrayList<>();
        public final List<Packet> sent = new ArrayList<>();
        final List<InetSocketAddress> addresses = new ArrayList<>();

        Node(String name, IceAgent agent) {
            this.name = name;
            this.agent = agent;
        }

        public <T extends IceEvent> List<T> events(Class<T> type) {
            return events.stream().map(Timed::event).filter(type::isInstance).map(type::cast).toList();
        }

        long timeout() {
            long t = agent.pollTimeout();
            return gatherer == null ? t : Math.min(t, gatherer.pollTimeout());
        }
    }

    /** A NAT box with one public address. */
    private static final class Nat {
        final NatType type;
        final InetAddress publicIp;
        int nextPort = 40000;
        /** mapping key (inside, or inside|destination for symmetric) → public port. */
        final Map<String, Integer> mappings = new HashMap<>();
        final Map<Integer, InetSocketAddress> insideOf = new HashMap<>();
        /** public port → destinations it sent to (filtering). */
        final Map<Integer, Set<InetSocketAddress>> sentTo = new HashMap<>();

        Nat(NatType type, InetAddress publicIp) {
            this.type = type;
            this.publicIp = publicIp;
        }

        InetSocketAddress out(InetSocketAddress inside, InetSocketAddress dest) {
            String key = type == NatType.SYMMETRIC ? inside + "|" + dest : inside.toString();
            int port = mappings.computeIfAbsent(key, k -> nextPort++);
            insideOf.put(port, inside);
            sentTo.computeIfAbsent(port, k -> new HashSet<>()).add(dest);
            return new InetSocketAddress(publicIp, port);
        }

        /** The inside address for a packet to {@code publicPort} from {@code source}, or null when filtered. */
        InetSocketAddress in(int publicPort, InetSocketAddress source) {
            InetSocketAddress inside = insideOf.get(publicPort);
            if (inside == null) {
                return null;
            }
            if (type == NatType.FULL_CONE) {
                return inside;
            }
            return sentTo.get(publicPort).contains(source) ? inside : null;
        }
    }

    /** A TURN-like relay: one allocation per client, permissions per peer IP (RFC 8656 §9). */
    private static final class Relay {
        final InetSocketAddress server;
        final InetSocketAddress relayed;
        final Node client;
        final InetSocketAddress clientBase;
        InetSocketAddress clientMapped;
        final Set<InetAddress> permissions = new HashSet<>();

        Relay(InetSocketAddress server, InetSocketAddress relayed, Node client, InetSocketAddress clientBase) {
            this.server = server;
            this.relayed = relayed;
            this.client = client;
            this.clientBase = clientBase;
        }
    }

    private final Random random;
    private final List<Node> nodes = new ArrayList<>();
    private final Map<InetSocketAddress, Node> owners = new HashMap<>();
    private final Map<InetSocketAddress, InetSocketAddress> natOut = new HashMap<>();
    private final Map<InetSocketAddress, InetSocketAddress> natIn = new HashMap<>();
    private final Map<InetSocketAddress, Nat> natOfInside = new HashMap<>();
    private final Map<InetAddress, Nat> natOfPublic = new HashMap<>();
    private final Map<InetSocketAddress, StunBindingResponder> stunServers = new HashMap<>();
    private final Map<InetSocketAddress, Relay> relaysByServer = new HashMap<>();
    private final Map<InetSocketAddress, Relay> relaysByRelayed = new HashMap<>();
    private final Map<String, InetSocketAddress> tcpEphemeral = new HashMap<>();
    private final Map<InetSocketAddress, InetSocketAddress> tcpActiveBase = new HashMap<>();
    private final Set<String> tcpConnections = new HashSet<>();
    /** TCP passive candidates' addresses: they only answer connections (others are simultaneous-open). */
    public final Set<InetSocketAddress> passiveTcp = new HashSet<>();
    private final Map<String, Rfc4571Framer> tcpStreams = new HashMap<>();
    private final PriorityQueue<Packet> inFlight = new PriorityQueue<>((a, b) -> a.at != b.at
            ? Long.compare(a.at, b.at) : Integer.compare(a.seq, b.seq));
    private long now;
    private int seq;
    private int nextEphemeral = 50000;
    public long delayNanos = 10_000_000L;
    public double loss;
    public boolean cut;
    /** Extra filter: packets for which it returns false are dropped. */
    public Predicate<Packet> filter = p -> true;
    public int delivered;
    public int dropped;
    public int filteredByNat;

    public VirtualNetwork(long seed) {
        this.random = new Random(seed);
    }

    public Node add(String name, IceAgent agent, InetSocketAddress... addresses) {
        Node n = new Node(name, agent);
        for (InetSocketAddress a : addresses) {
            n.addresses.add(a);
            owners.put(a, n);
        }
        nodes.add(n);
        return n;
    }

    /** 1:1 NAT: packets from {@code inside} leave as from {@code outside}; packets to {@code outside} go inside. */
    public void nat(InetSocketAddress inside, InetSocketAddress outside) {
        natOut.put(inside, outside);
        natIn.put(outside, inside);
    }

    /** Puts the {@code inside} addresses behind a NAT box of the given type with public address {@code publicIp}. */
    public void natBox(NatType type, InetAddress publicIp, InetSocketAddress... inside) {
        Nat nat = natOfPublic.computeIfAbsent(publicIp, ip -> new Nat(type, ip));
        for (InetSocketAddress i : inside) {
            natOfInside.put(i, nat);
        }
    }

    /** A STUN server (RFC 8489 Binding, no authentication) at {@code address}. */
    public void stunServer(InetSocketAddress address) {
        stunServers.put(address, StunBindingResponder.open("sim"));
    }

    /**
     * A relay at {@code server} holding an allocation {@code relayed} for {@code client}, reached from
     * {@code clientBase}: what the client sends from {@code relayed} travels to the server (through the client's NAT)
     * and leaves from {@code relayed}; what peers with a permission send to {@code relayed} comes back the same way.
     */
    public void relay(InetSocketAddress server, InetSocketAddress relayed, Node client, InetSocketAddress clientBase) {
        Relay r = new Relay(server, relayed, client, clientBase);
        relaysByServer.put(server, r);
        relaysByRelayed.put(relayed, r);
    }

    public long now() {
        return now;
    }

    /** Injects a datagram as if {@code from} had sent it (attacker or raw peer). */
    public void inject(InetSocketAddress from, InetSocketAddress to, byte[] data) {
        inFlight.add(new Packet(now + delayNanos, seq++, from, to, data));
    }

    /** Drains every agent's and gatherer's outputs into the network. */
    public void drain() {
        for (Node n : nodes) {
            for (Transmit t; (t = n.agent.pollTransmit()) != null; ) {
                transmit(n, t);
            }
            if (n.gatherer != null) {
                for (Transmit t; (t = n.gatherer.pollTransmit()) != null; ) {
                    transmit(n, t);
                }
                for (GatheringEvent e; (e = n.gatherer.pollEvent()) != null; ) {
                    n.gathering.add(e);
                }
            }
            for (IceEvent e; (e = n.agent.pollEvent()) != null; ) {
                n.events.add(new Timed(now, e));
            }
        }
    }

    private void transmit(Node n, Transmit t) {
        Relay relay = relaysByRelayed.get(t.local());
        if (relay != null && relay.client == n) {
            // Client → relay server leg, through the client's NAT; the peer rides along (Send indication).
            send(n, t.local(), relay.clientBase, relay.server, t.data(), TransportProtocol.UDP, t.remote());
            return;
        }
        InetSocketAddress local = t.local();
        if (t.transport() == TransportProtocol.TCP) {
            if (local.getPort() == 9) { // RFC 6544 §4.5: active candidates connect from an ephemeral port
                String key = local + "|" + t.remote();
                InetSocketAddress eph = tcpEphemeral.computeIfAbsent(key,
                        k -> new InetSocketAddress(t.local().getAddress(), nextEphemeral++));
                tcpActiveBase.put(eph, local);
                owners.putIfAbsent(eph, n);
                tcpConnections.add(eph + "|" + t.remote());
                local = eph;
            } else if (!tcpConnections.contains(t.remote() + "|" + local)
                    && !tcpConnections.contains(local + "|" + t.remote())) {
                if (passiveTcp.contains(local)) {
                    dropped++; // a passive candidate cannot open connections
                    return;
                }
                tcpConnections.add(local + "|" + t.remote()); // simultaneous open (so)
            }
        }
        send(n, t.local(), local, t.remote(), t.data(), t.transport(), null);
    }

    private void send(Node n, InetSocketAddress candidateLocal, InetSocketAddress local, InetSocketAddress to,
                      byte[] data, TransportProtocol transport, InetSocketAddress tunnelPeer) {
        InetSocketAddress from = natOut.getOrDefault(local, local);
        Nat nat = natOfInside.get(local);
        if (nat != null) {
            from = nat.out(local, to);
        }
        Packet p = new Packet(now, seq++, from, to, data, transport, tunnelPeer);
        n.sent.add(p);
        boolean lost = transport == TransportProtocol.UDP && random.nextDouble() < loss;
        if (cut || lost || !filter.test(p)) {
            dropped++;
            return;
        }
        inFlight.add(new Packet(now + delayNanos, p.seq, from, to, data, transport, tunnelPeer));
    }

    /**
     * Advances the virtual clock until {@code stop} holds or {@code until} (absolute nanos) is reached.
     *
     * @return true when stopped by the condition
     */
    public boolean runUntil(long until, BooleanSupplier stop) {
        for (int iterations = 0; iterations < 2_000_000; iterations++) {
            drain();
            if (stop.getAsBoolean()) {
                return true;
            }
            long next = Long.MAX_VALUE;
            for (Node n : nodes) {
                next = Math.min(next, n.timeout());
            }
            if (!inFlight.isEmpty()) {
                next = Math.min(next, inFlight.peek().at);
            }
            if (next > until) {
                now = until;
                drain();
                return stop.getAsBoolean();
            }
            now = Math.max(now, next);
            while (!inFlight.isEmpty() && inFlight.peek().at <= now) {
                deliver(inFlight.poll());
            }
            for (Node n : nodes) {
                if (n.agent.pollTimeout() <= now) {
                    n.agent.handleTimeout(now);
                }
                if (n.gatherer != null && n.gatherer.pollTimeout() <= now) {
                    n.gatherer.handleTimeout(now);
                }
            }
        }
        throw new AssertionError("simulation did not settle (busy loop?)");
    }

    private void deliver(Packet p) {
        StunBindingResponder stun = stunServers.get(p.to);
        if (stun != null) {
            byte[] response = stun.respond(p.data, 0, p.data.length, p.from);
            if (response != null) {
                inFlight.add(new Packet(now + delayNanos, seq++, p.to, p.from, response));
            }
            return;
        }
        Relay relayServer = relaysByServer.get(p.to);
        if (relayServer != null && p.tunnelPeer != null) {
            relayServer.clientMapped = p.from; // the client's (NAT-ed) address as the server sees it
            relayServer.permissions.add(p.tunnelPeer.getAddress());
            Packet out = new Packet(now, seq++, relayServer.relayed, p.tunnelPeer, p.data, TransportProtocol.UDP, null);
            if (!cut && filter.test(out)) {
                inFlight.add(new Packet(now + delayNanos, out.seq, out.from, out.to, out.data, out.transport, null));
            }
            return;
        }
        Relay relay = relaysByRelayed.get(p.to);
        if (relay != null && relay.client.agent != null && p.tunnelPeer == null) {
            if (!relay.permissions.contains(p.from.getAddress()) || relay.clientMapped == null) {
                filteredByNat++;
                return;
            }
            // Relay → client leg (Data indication): through the client's NAT as a reply from the server.
            InetSocketAddress inside = inward(relay.server, relay.clientMapped);
            if (inside == null) {
                filteredByNat++;
                return;
            }
            delivered++;
            relay.client.agent.handleInput(now, relay.relayed, p.from, p.data, 0, p.data.length);
            return;
        }
        InetSocketAddress to = inward(p.from, p.to);
        if (to == null) {
            filteredByNat++;
            return;
        }
        Node target = owners.get(to);
        if (target == null || natOut.containsKey(p.to)) { // NAT-ed inside addresses are unreachable
            dropped++;
            return;
        }
        delivered++;
        if (p.transport == TransportProtocol.TCP) {
            deliverTcp(target, p, to);
            return;
        }
        if (target.gatherer != null && target.gatherer.handleInput(now, to, p.from, p.data, 0, p.data.length)) {
            return;
        }
        target.agent.handleInput(now, to, p.from, p.data, 0, p.data.length);
    }

    /** The inside address for a packet to {@code to} from {@code from}, or null when a NAT filters it. */
    private InetSocketAddress inward(InetSocketAddress from, InetSocketAddress to) {
        Nat nat = natOfPublic.get(to.getAddress());
        if (nat != null) {
            return nat.in(to.getPort(), from);
        }
        if (natOfInside.containsKey(to)) {
            return null; // private addresses behind a NAT box are unreachable from outside
        }
        return natIn.getOrDefault(to, to);
    }

    /** RFC 4571 framing across the link, re-assembled from random chunk sizes. */
    private void deliverTcp(Node target, Packet p, InetSocketAddress to) {
        InetSocketAddress local = tcpActiveBase.getOrDefault(to, to);
        Rfc4571Framer framer = tcpStreams.computeIfAbsent(p.from + ">" + to, k -> new Rfc4571Framer());
        byte[] wire = Rfc4571Framer.frame(p.data, 0, p.data.length);
        int off = 0;
        while (off < wire.length) {
            int chunk = Math.min(wire.length - off, 1 + random.nextInt(wire.length));
            off += framer.feed(wire, off, chunk);
            for (byte[] f; (f = framer.pollFrame()) != null; ) {
                target.agent.handleInput(now, TransportProtocol.TCP, local, p.from, f, 0, f.length);
            }
        }
    }

    public void runFor(long nanos) {
        runUntil(now + nanos, () -> false);
    }
}
