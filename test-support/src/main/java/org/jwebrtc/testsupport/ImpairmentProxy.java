package org.jwebrtc.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * A userspace UDP relay on 127.0.0.1 that impairs traffic between two endpoints, for tests on a kernel without
 * {@code netem}. Endpoint A talks to {@link #addressForA()} and its datagrams leave {@link #addressForB()} towards B;
 * B talks to {@link #addressForB()} and its datagrams leave {@link #addressForA()} towards A. So each side sees the
 * other at a proxy port (for ICE: a peer-reflexive address when the signalled candidate is hidden).
 *
 * <p>Per direction, in this order: random loss, then a token-bucket rate limit with a drop-tail queue, then a fixed
 * delay plus jitter (uniform or normal; jitter larger than the packet spacing reorders), then an optional explicit
 * swap with the next packet, and duplication (the copy gets its own delay sample). All randomness comes from one
 * seeded {@link SplittableRandom} per direction, so a run with the same arrival order makes the same decisions.
 * One daemon thread owns both sockets; {@link #close()} stops it and frees the ports.
 */
public final class ImpairmentProxy implements AutoCloseable {
    /** Direction of travel. */
    public enum Direction { A_TO_B, B_TO_A }

    /** Shape of the jitter added to the fixed delay. */
    public enum JitterDistribution {
        /** delay + uniform(-jitter, +jitter). */
        UNIFORM,
        /** delay + jitter × N(0, 1), i.e. jitter is one standard deviation. */
        NORMAL
    }

    /**
     * Impairments of one direction. Rates are probabilities in [0, 1]. {@code rateBitsPerSecond} 0 = unlimited;
     * otherwise datagrams wait for tokens (bucket of {@code burstBytes}) in a queue of at most
     * {@code queueLimitBytes} and are dropped at the tail when it is full. A packet picked for a swap
     * ({@code reorderRate}) is held until the next packet of the direction has been scheduled and then goes right
     * after it, or after {@code delay + 10 ms} when no packet follows.
     */
    public record Impairment(double lossRate, Duration delay, Duration jitter, JitterDistribution distribution,
                             double reorderRate, double duplicateRate, long rateBitsPerSecond, int burstBytes,
                             int queueLimitBytes) {
        public static final Impairment NONE = new Impairment(0, Duration.ZERO, Duration.ZERO,
                JitterDistribution.UNIFORM, 0, 0, 0, 0, 0);

        public Impairment {
            Objects.requireNonNull(delay, "delay");
            Objects.requireNonNull(jitter, "jitter");
            Objects.requireNonNull(distribution, "distribution");
            for (double p : new double[] {lossRate, reorderRate, duplicateRate}) {
                if (!(p >= 0 && p <= 1)) {
                    throw new IllegalArgumentException("probabilities must be in [0, 1]: " + p);
                }
            }
            if (delay.isNegative() || jitter.isNegative()) {
                throw new IllegalArgumentException("negative delay or jitter");
            }
            if (rateBitsPerSecond < 0 || burstBytes < 0 || queueLimitBytes < 0) {
                throw new IllegalArgumentException("negative rate, burst or queue limit");
            }
        }

        public Impairment withLoss(double rate) {
            return new Impairment(rate, delay, jitter, distribution, reorderRate, duplicateRate, rateBitsPerSecond,
                    burstBytes, queueLimitBytes);
        }

        public Impairment withDelay(Duration fixed, Duration jitterAmount, JitterDistribution shape) {
            return new Impairment(lossRate, fixed, jitterAmount, shape, reorderRate, duplicateRate, rateBitsPerSecond,
                    burstBytes, queueLimitBytes);
        }

        public Impairment withReorder(double swapRate) {
            return new Impairment(lossRate, delay, jitter, distribution, swapRate, duplicateRate, rateBitsPerSecond,
                    burstBytes, queueLimitBytes);
        }

        public Impairment withDuplicates(double rate) {
            return new Impairment(lossRate, delay, jitter, distribution, reorderRate, rate, rateBitsPerSecond,
                    burstBytes, queueLimitBytes);
        }

        /** Token bucket: {@code bitsPerSecond}, bucket {@code burst} bytes, drop-tail queue {@code queueLimit} bytes. */
        public Impairment withRate(long bitsPerSecond, int burst, int queueLimit) {
            return new Impairment(lossRate, delay, jitter, distribution, reorderRate, duplicateRate, bitsPerSecond,
                    burst, queueLimit);
        }
    }

    /** Counters of one direction (a snapshot). {@code received} counts datagrams from the expected endpoint. */
    public record Counters(long received, long lost, long queueDropped, long duplicated, long reordered,
                           long delivered, long bytesDelivered, long foreign, long sendFailures) {}

    private static final int MAX_DATAGRAM = 65_535;
    private static final long SWAP_HOLD_EXTRA_NANOS = 10_000_000L;
    private static final int SOCKET_BUFFER = 4 * 1024 * 1024;

    private final Lane aToB;
    private final Lane bToA;
    private final Selector selector;
    private final DatagramChannel facingA;
    private final DatagramChannel facingB;
    private final Thread thread;
    private final PriorityQueue<Scheduled> schedule = new PriorityQueue<>();
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(MAX_DATAGRAM);
    private long sequence;
    private volatile boolean running = true;
    private volatile Throwable failure;

    private ImpairmentProxy(InetSocketAddress a, InetSocketAddress b, Impairment toB, Impairment toA, long seed)
            throws IOException {
        Loopback.require(a);
        Loopback.require(b);
        selector = Selector.open();
        facingA = open();
        facingB = open();
        // a lane receives on one socket and sends from the other one
        aToB = new Lane(Direction.A_TO_B, a, facingB, b, toB, new SplittableRandom(seed));
        bToA = new Lane(Direction.B_TO_A, b, facingA, a, toA, new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L));
        facingA.register(selector, SelectionKey.OP_READ, aToB);
        facingB.register(selector, SelectionKey.OP_READ, bToA);
        thread = new Thread(this::run, "impairment-proxy-" + facingA.socket().getLocalPort());
        thread.setDaemon(true);
    }

    /**
     * Starts a relay between endpoints {@code a} and {@code b} (both loopback) with the given impairments per
     * direction and a seed for every random decision.
     */
    public static ImpairmentProxy start(InetSocketAddress a, InetSocketAddress b, Impairment aToB, Impairment bToA,
                                        long seed) {
        try {
            ImpairmentProxy p = new ImpairmentProxy(a, b, aToB, bToA, seed);
            p.thread.start();
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Same impairment both ways. */
    public static ImpairmentProxy start(InetSocketAddress a, InetSocketAddress b, Impairment both, long seed) {
        return start(a, b, both, both, seed);
    }

    private DatagramChannel open() throws IOException {
        DatagramChannel c = DatagramChannel.open();
        c.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_BUFFER);
        c.setOption(StandardSocketOptions.SO_SNDBUF, SOCKET_BUFFER);
        c.bind(new InetSocketAddress(Loopback.ipv4(), 0));
        c.configureBlocking(false);
        return c;
    }

    /** Where endpoint A sends to reach B; A sees B's datagrams arriving from here. */
    public InetSocketAddress addressForA() {
        return local(facingA);
    }

    /** Where endpoint B sends to reach A; B sees A's datagrams arriving from here. */
    public InetSocketAddress addressForB() {
        return local(facingB);
    }

    private static InetSocketAddress local(DatagramChannel c) {
        return new InetSocketAddress(Loopback.ipv4(), c.socket().getLocalPort());
    }

    /** Replaces the impairments of one direction; packets already scheduled keep their times. */
    public void setImpairment(Direction direction, Impairment impairment) {
        lane(direction).impairment = Objects.requireNonNull(impairment);
    }

    public Counters counters(Direction direction) {
        Lane l = lane(direction);
        return new Counters(l.received, l.lost, l.queueDropped, l.duplicated, l.reordered, l.delivered,
                l.bytesDelivered, l.foreign, l.sendFailures);
    }

    /** The relay thread's unexpected failure, if it died. */
    public Throwable failure() {
        return failure;
    }

    private Lane lane(Direction d) {
        return d == Direction.A_TO_B ? aToB : bToA;
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        LockSupport.unpark(thread);
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly();
    }

    private void closeQuietly() {
        for (AutoCloseable c : new AutoCloseable[] {facingA, facingB, selector}) {
            try {
                c.close();
            } catch (Exception ignored) {
                // best effort: the ports are being released
            }
        }
    }

    // ---------------------------------------------------------------- relay thread

    private void run() {
        try {
            while (running) {
                long now = System.nanoTime();
                long next = Long.MAX_VALUE;
                next = Math.min(next, aToB.service(now));
                next = Math.min(next, bToA.service(now));
                deliverDue(now);
                if (!schedule.isEmpty()) {
                    next = Math.min(next, schedule.peek().at);
                }
                long wait = next == Long.MAX_VALUE ? Long.MAX_VALUE : next - System.nanoTime();
                int ready;
                if (wait == Long.MAX_VALUE) {
                    ready = selector.select();
                } else if (wait >= 2_000_000L) {
                    ready = selector.select(wait / 1_000_000L);   // wakes a little early; sub-ms below
                } else {
                    ready = selector.selectNow();
                    if (ready == 0 && wait > 0) {
                        LockSupport.parkNanos(Math.min(wait, 100_000L));
                        ready = selector.selectNow();
                    }
                }
                if (ready > 0) {
                    for (SelectionKey k : selector.selectedKeys()) {
                        receiveAll((DatagramChannel) k.channel(), (Lane) k.attachment());
                    }
                    selector.selectedKeys().clear();
                }
            }
        } catch (Throwable t) {
            if (running) {
                failure = t;
            }
        } finally {
            running = false;
        }
    }

    private void receiveAll(DatagramChannel channel, Lane lane) throws IOException {
        for (int i = 0; i < 256; i++) {   // bounded so the other direction and due packets are not starved
            buffer.clear();
            SocketAddress from = channel.receive(buffer);
            if (from == null) {
                return;
            }
            if (!from.equals(lane.source)) {
                lane.foreign++;
                continue;
            }
            buffer.flip();
            byte[] data = new byte[buffer.remaining()];
            buffer.get(data);
            lane.onArrival(System.nanoTime(), data);
        }
    }

    private void deliverDue(long now) throws IOException {
        Scheduled s;
        while ((s = schedule.peek()) != null && s.at - now <= 0) {
            schedule.poll();
            Lane l = s.lane;
            int sent = l.out.send(ByteBuffer.wrap(s.data), l.destination);
            if (sent == 0) {
                l.sendFailures++;
            } else {
                l.delivered++;
                l.bytesDelivered += s.data.length;
            }
        }
    }

    private record Scheduled(long at, long seq, Lane lane, byte[] data) implements Comparable<Scheduled> {
        @Override
        public int compareTo(Scheduled o) {
            int c = Long.compare(at - o.at, 0);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    /** One direction: its impairments, random source, token bucket, swap slot and counters. */
    private final class Lane {
        final Direction direction;
        final InetSocketAddress source;
        final DatagramChannel out;
        final InetSocketAddress destination;
        final SplittableRandom random;
        volatile Impairment impairment;

        final ArrayDeque<byte[]> queue = new ArrayDeque<>();
        long queuedBytes;
        double tokens;
        long tokensAt = System.nanoTime();

        byte[] held;
        long heldAt;
        long heldDeadline = Long.MAX_VALUE;

        // written by the relay thread only
        volatile long received, lost, queueDropped, duplicated, reordered, delivered, bytesDelivered, foreign,
                sendFailures;

        Lane(Direction direction, InetSocketAddress source, DatagramChannel out, InetSocketAddress destination,
             Impairment impairment, SplittableRandom random) {
            this.direction = direction;
            this.source = source;
            this.out = out;
            this.destination = destination;
            this.impairment = impairment;
            this.random = random;
        }

        void onArrival(long now, byte[] data) {
            received++;
            Impairment im = impairment;
            if (im.lossRate() > 0 && random.nextDouble() < im.lossRate()) {
                lost++;
                return;
            }
            if (im.rateBitsPerSecond() == 0 && queue.isEmpty()) {
                afterRateLimit(now, data, im);
                return;
            }
            if (queuedBytes + data.length > im.queueLimitBytes() && !queue.isEmpty()) {
                queueDropped++;   // drop-tail
                return;
            }
            queue.add(data);
            queuedBytes += data.length;
            service(now);
        }

        /** Moves queued packets through the token bucket and releases an expired swap; returns the next wake-up. */
        long service(long now) {
            long next = Long.MAX_VALUE;
            if (held != null) {
                if (now - heldDeadline >= 0) {
                    schedule(heldAt, held);   // nothing followed in time: goes out unswapped
                    held = null;
                    heldDeadline = Long.MAX_VALUE;
                } else {
                    next = heldDeadline;
                }
            }
            if (queue.isEmpty()) {
                return next;
            }
            Impairment im = impairment;
            long rate = im.rateBitsPerSecond();
            double burst = Math.max(1, im.burstBytes());
            if (rate == 0) {
                tokens = Double.MAX_VALUE;
            } else {
                tokens = Math.min(burst, tokens + (now - tokensAt) * (rate / 8e9));
            }
            tokensAt = now;
            while (!queue.isEmpty()) {
                byte[] head = queue.peek();
                if (tokens < head.length && tokens < burst) {
                    double missing = Math.min(head.length, burst) - tokens;
                    return Math.min(next, now + (long) Math.ceil(missing * 8e9 / rate));
                }
                queue.poll();
                queuedBytes -= head.length;
                tokens -= head.length;   // a packet larger than the bucket drives it negative
                afterRateLimit(now, head, im);
            }
            return next;
        }

        private void afterRateLimit(long now, byte[] data, Impairment im) {
            long at = now + delaySample(im);
            if (held != null) {
                // the held packet goes right after this one: a swap
                schedule(at, data);
                schedule(Math.max(at, heldAt), held);
                held = null;
                heldDeadline = Long.MAX_VALUE;
                reordered++;
            } else if (im.reorderRate() > 0 && random.nextDouble() < im.reorderRate()) {
                held = data;
                heldAt = at;
                heldDeadline = at + SWAP_HOLD_EXTRA_NANOS;
            } else {
                schedule(at, data);
            }
            if (im.duplicateRate() > 0 && random.nextDouble() < im.duplicateRate()) {
                duplicated++;
                schedule(now + delaySample(im), data);
            }
        }

        private long delaySample(Impairment im) {
            long base = im.delay().toNanos();
            long j = im.jitter().toNanos();
            if (j == 0) {
                return base;
            }
            double offset = im.distribution() == JitterDistribution.NORMAL
                    ? nextGaussian() * j
                    : (random.nextDouble() * 2 - 1) * j;
            return Math.max(0, base + (long) offset);
        }

        private double nextGaussian() {   // Box-Muller on the seeded source (SplittableRandom has none in JDK 17)
            double u1 = 1.0 - random.nextDouble();
            double u2 = random.nextDouble();
            return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
        }

        private void schedule(long at, byte[] data) {
            schedule.add(new Scheduled(at, sequence++, this, data));
        }

        @Override
        public String toString() {
            return direction.toString();
        }
    }
}
