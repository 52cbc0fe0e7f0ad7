package org.jwebrtc.dtls.internal.dtls13;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.jwebrtc.dtls.DtlsCertificate;
import org.jwebrtc.dtls.DtlsEvent;
import org.jwebrtc.dtls.DtlsRole;
import org.jwebrtc.dtls.internal.ExpectedFingerprint;

/**
 * Two sans-IO DTLS 1.3 endpoints on a virtual clock and a seeded lossy, reordering link
 * (DESIGN.md §6 simulation). {@code filter} may drop or rewrite datagrams in flight.
 */
final class Dtls13Simulation {
    static final DtlsCertificate CLIENT_CERT = DtlsCertificate.generate();
    static final DtlsCertificate SERVER_CERT = DtlsCertificate.generate();
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    record Delivery(long at, long order, boolean toServer, byte[] data) {}

    final Dtls13Connection client;
    final Dtls13Connection server;
    final ExpectedFingerprint clientExpects = new ExpectedFingerprint();
    final ExpectedFingerprint serverExpects = new ExpectedFingerprint();
    final List<DtlsEvent> clientEvents = new ArrayList<>();
    final List<DtlsEvent> serverEvents = new ArrayList<>();
    final List<byte[]> toServerLog = new ArrayList<>();
    final List<byte[]> toClientLog = new ArrayList<>();
    private final PriorityQueue<Delivery> net = new PriorityQueue<>(
            (a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.order, b.order));
    private final Random rnd;
    double loss;
    long jitterMs;
    /** (toServer, datagram) → datagram to deliver, or null to drop. */
    BiFunction<Boolean, byte[], byte[]> filter = (d, b) -> b;
    long now;
    private long order;

    Dtls13Simulation(Dtls13Config clientConfig, Dtls13Config serverConfig, long seed) {
        rnd = new Random(seed);
        clientExpects.set(SERVER_CERT.fingerprint());
        serverExpects.set(CLIENT_CERT.fingerprint());
        client = new Dtls13Connection(DtlsRole.CLIENT, CLIENT_CERT, clientExpects, clientConfig, seeded(seed * 2 + 1));
        server = new Dtls13Connection(DtlsRole.SERVER, SERVER_CERT, serverExpects, serverConfig, seeded(seed * 2 + 2));
    }

    Dtls13Simulation(long seed) {
        this(Dtls13Config.defaults(), Dtls13Config.defaults(), seed);
    }

    static SecureRandom seeded(long seed) {
        try {
            SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
            r.setSeed(seed);
            return r;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    void start() {
        server.start(now);
        client.start(now);
        drain();
    }

    private void drain() {
        for (byte[] d; (d = client.pollTransmit()) != null; ) {
            send(true, d);
        }
        for (byte[] d; (d = server.pollTransmit()) != null; ) {
            send(false, d);
        }
        for (DtlsEvent e; (e = client.pollEvent()) != null; ) {
            clientEvents.add(e);
        }
        for (DtlsEvent e; (e = server.pollEvent()) != null; ) {
            serverEvents.add(e);
        }
    }

    private void send(boolean toServer, byte[] d) {
        (toServer ? toServerLog : toClientLog).add(d);
        if (rnd.nextDouble() < loss) {
            return;
        }
        byte[] out = filter.apply(toServer, d);
        if (out == null) {
            return;
        }
        long delay = MS + (jitterMs > 0 ? rnd.nextLong(jitterMs) * MS : 0);
        net.add(new Delivery(now + delay, order++, toServer, out));
    }

    /** Runs until {@code done} or {@code maxMs} of virtual time passed; returns whether done. */
    boolean runUntil(java.util.function.BooleanSupplier done, long maxMs) {
        long end = now + maxMs * MS;
        drain();
        while (!done.getAsBoolean()) {
            long next = Math.min(Math.min(client.pollTimeout(), server.pollTimeout()),
                    net.isEmpty() ? Long.MAX_VALUE : net.peek().at);
            if (next == Long.MAX_VALUE || next - end > 0) {
                now = Math.max(now, end);
                return done.getAsBoolean();
            }
            now = Math.max(now, next);
            while (!net.isEmpty() && net.peek().at - now <= 0) {
                Delivery d = net.poll();
                (d.toServer ? server : client).handleInput(now, d.data, 0, d.data.length);
                drain();
            }
            if (client.pollTimeout() - now <= 0) {
                client.handleTimeout(now);
            }
            if (server.pollTimeout() - now <= 0) {
                server.handleTimeout(now);
            }
            drain();
        }
        return true;
    }

    boolean handshake() {
        start();
        return runUntil(() -> client.isConnected() && server.isConnected(), 60_000);
    }

    /** Delivers pending network traffic for up to {@code ms} of virtual time. */
    void settle(long ms) {
        runUntil(() -> false, ms);
    }

    static <T> List<T> ofType(List<DtlsEvent> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
