package org.jwebrtc.ice.sim;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.jwebrtc.ice.IceAgent;
import org.jwebrtc.ice.IceEvent;
import org.jwebrtc.ice.Transmit;

/**
 * Sans-IO simulation (DESIGN.md §6): agents joined by a virtual link with delay, loss and optional 1:1 NATs, driven
 * by a virtual clock that jumps to the earliest of {agent deadlines, next delivery}. Nothing sleeps.
 */
public final class VirtualNetwork {
    /** A datagram as seen on the wire. */
    public record Packet(long at, int seq, InetSocketAddress from, InetSocketAddress to, byte[] data) {
    }

    /** A timestamped event. */
    public record Timed(long at, IceEvent event) {
    }

    /** One endpoint: its agent and its events. */
    public static final class Node {
        public final String name;
        public final IceAgent agent;
        public final List<Timed> events = new ArrayList<>();
        public final List<Packet> sent = new ArrayList<>();
        final List<InetSocketAddress> addresses = new ArrayList<>();

        Node(String name, IceAgent agent) {
            this.name = name;
            this.agent = agent;
        }

        public <T extends IceEvent> List<T> events(Class<T> type) {
            return events.stream().map(Timed::event).filter(type::isInstance).map(type::cast).toList();
        }
    }

    private final Random random;
    private final List<Node> nodes = new ArrayList<>();
    private final Map<InetSocketAddress, Node> owners = new HashMap<>();
    private final Map<InetSocketAddress, InetSocketAddress> natOut = new HashMap<>();
    private final Map<InetSocketAddress, InetSocketAddress> natIn = new HashMap<>();
    private final PriorityQueue<Packet> inFlight = new PriorityQueue<>((a, b) -> a.at != b.at
            ? Long.compare(a.at, b.at) : Integer.compare(a.seq, b.seq));
    private long now;
    private int seq;
    public long delayNanos = 10_000_000L;
    public double loss;
    public boolean cut;
    /** Extra filter: packets for which it returns false are dropped. */
    public Predicate<Packet> filter = p -> true;
    public int delivered;
    public int dropped;

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

    public long now() {
        return now;
    }

    /** Injects a datagram as if {@code from} had sent it (attacker or raw peer). */
    public void inject(InetSocketAddress from, InetSocketAddress to, byte[] data) {
        inFlight.add(new Packet(now + delayNanos, seq++, from, to, data));
    }

    /** Drains every agent's outputs into the network. */
    public void drain() {
        for (Node n : nodes) {
            for (Transmit t; (t = n.agent.pollTransmit()) != null; ) {
                InetSocketAddress from = natOut.getOrDefault(t.local(), t.local());
                Packet p = new Packet(now, seq++, from, t.remote(), t.data());
                n.sent.add(p);
                if (cut || random.nextDouble() < loss || !filter.test(p)) {
                    dropped++;
                    continue;
                }
                inFlight.add(new Packet(now + delayNanos, p.seq, from, t.remote(), t.data()));
            }
            for (IceEvent e; (e = n.agent.pollEvent()) != null; ) {
                n.events.add(new Timed(now, e));
            }
        }
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
                next = Math.min(next, n.agent.pollTimeout());
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
                Packet p = inFlight.poll();
                InetSocketAddress to = natIn.getOrDefault(p.to, p.to);
                Node target = owners.get(to);
                if (target == null || natOut.containsKey(p.to)) { // NAT-ed inside addresses are unreachable
                    dropped++;
                    continue;
                }
                delivered++;
                target.agent.handleInput(now, to, p.from, p.data, 0, p.data.length);
            }
            for (Node n : nodes) {
                if (n.agent.pollTimeout() <= now) {
                    n.agent.handleTimeout(now);
                }
            }
        }
        throw new AssertionError("simulation did not settle (busy loop?)");
    }

    public void runFor(long nanos) {
        runUntil(now + nanos, () -> false);
    }
}
