package org.jwebrtc.sctp;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * Two sans-IO associations joined by a seeded lossy, duplicating, reordering, delaying link and driven by a virtual
 * clock: repeatedly advance to the earliest of {timeout A, timeout B, next delivery} (str0m tests/common.rs).
 */
final class VirtualNetwork {
    record Delivery(long at, long seq, boolean toB, byte[] packet) {}

    final SctpAssociation a;
    final SctpAssociation b;
    final List<SctpEvent> eventsA = new ArrayList<>();
    final List<SctpEvent> eventsB = new ArrayList<>();
    private final Random rnd;
    private final PriorityQueue<Delivery> inFlight = new PriorityQueue<>(
            (x, y) -> x.at != y.at ? Long.compare(x.at, y.at) : Long.compare(x.seq, y.seq));
    private long seq;
    long now;
    double loss;
    double duplicate;
    double reorder;          // probability of an extra random delay up to jitterNanos
    long delayNanos = 10_000_000;
    long jitterNanos = 20_000_000;
    /** Optional tamper hook applied to every packet before it enters the link; return null to drop. */
    UnaryOperator<byte[]> tamperToB = UnaryOperator.identity();
    UnaryOperator<byte[]> tamperToA = UnaryOperator.identity();
    boolean keepMessages = true;
    /** False when something else (a DataChannelManager) consumes the associations' events. */
    boolean captureEvents = true;
    long receivedA;
    long receivedB;
    long packetsAtoB;
    long packetsBtoA;
    long bytesAtoB;
    /** Called after each step so a test can feed more data. */
    Runnable onStep = () -> { };

    VirtualNetwork(SctpAssociation a, SctpAssociation b, long seed) {
        this.a = a;
        this.b = b;
        this.rnd = new Random(seed);
    }

    VirtualNetwork lossy(double loss, double duplicate, double reorder) {
        this.loss = loss;
        this.duplicate = duplicate;
        this.reorder = reorder;
        return this;
    }

    void pump() {
        boolean more = true;
        while (more) {
            more = false;
            byte[] p;
            while ((p = a.pollTransmit()) != null) {
                packetsAtoB++;
                bytesAtoB += p.length;
                enqueue(p, true);
                more = true;
            }
            while ((p = b.pollTransmit()) != null) {
                packetsBtoA++;
                enqueue(p, false);
                more = true;
            }
            SctpEvent e;
            if (!captureEvents) {
                continue;
            }
            while ((e = a.pollEvent()) != null) {
                receivedA += e instanceof SctpEvent.MessageReceived ? 1 : 0;
                eventsA.add(e);
                more = true;
            }
            while ((e = b.pollEvent()) != null) {
                receivedB += e instanceof SctpEvent.MessageReceived ? 1 : 0;
                if (keepMessages || !(e instanceof SctpEvent.MessageReceived)) {
                    eventsB.add(e);
                }
                more = true;
            }
        }
    }

    private void enqueue(byte[] p, boolean toB) {
        p = (toB ? tamperToB : tamperToA).apply(p);
        if (p == null || rnd.nextDouble() < loss) {
            return;
        }
        int copies = rnd.nextDouble() < duplicate ? 2 : 1;
        for (int i = 0; i < copies; i++) {
            long extra = rnd.nextDouble() < reorder ? (long) (rnd.nextDouble() * jitterNanos) : 0;
            inFlight.add(new Delivery(now + delayNanos + extra, seq++, toB, p));
        }
    }

    /** Runs until {@code done} holds or the virtual clock passes {@code limitNanos}; returns whether done. */
    boolean runUntil(BooleanSupplier done, long limitNanos) {
        onStep.run();
        pump();
        while (!done.getAsBoolean()) {
            long next = Math.min(a.pollTimeout(), b.pollTimeout());
            if (!inFlight.isEmpty()) {
                next = Math.min(next, inFlight.peek().at);
            }
            if (next == Long.MAX_VALUE || next > limitNanos) {
                return done.getAsBoolean();
            }
            now = Math.max(now, next);
            while (!inFlight.isEmpty() && inFlight.peek().at <= now) {
                Delivery d = inFlight.poll();
                (d.toB ? b : a).handleInput(now, d.packet, 0, d.packet.length);
                pump();   // the contract: drain after every input
            }
            if (a.pollTimeout() <= now) {
                a.handleTimeout(now);
            }
            if (b.pollTimeout() <= now) {
                b.handleTimeout(now);
            }
            onStep.run();
            pump();
        }
        return true;
    }

    boolean connected() {
        return eventsA.stream().anyMatch(e -> e instanceof SctpEvent.Connected)
                && eventsB.stream().anyMatch(e -> e instanceof SctpEvent.Connected);
    }

    static long seconds(double s) {
        return (long) (s * 1e9);
    }
}
