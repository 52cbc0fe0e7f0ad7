package org.jwebrtc.rtp.cc;

import java.util.ArrayDeque;
import java.util.Random;

/** A simulated bottleneck: serialisation at {@code rateBps}, drop-tail queue, propagation delay, random loss. */
final class BottleneckLink {
    long rateBps;
    final long queueLimitBytes;
    final long propagationNanos;
    double lossRate;
    private final Random random;
    private long lastDeparture = Long.MIN_VALUE;
    private final ArrayDeque<long[]> inFlight = new ArrayDeque<>(); // {arrival, seq}
    long dropped;
    long lost;
    long delivered;

    BottleneckLink(long rateBps, long queueLimitBytes, long propagationNanos, double lossRate, long seed) {
        this.rateBps = rateBps;
        this.queueLimitBytes = queueLimitBytes;
        this.propagationNanos = propagationNanos;
        this.lossRate = lossRate;
        this.random = new Random(seed);
    }

    long queuedBytes(long now) {
        return lastDeparture == Long.MIN_VALUE ? 0 : Math.max(0, (lastDeparture - now) * rateBps / 8_000_000_000L);
    }

    void send(long now, int seq, int size) {
        if (queuedBytes(now) + size > queueLimitBytes) {
            dropped++;
            return;
        }
        long start = Math.max(now, lastDeparture == Long.MIN_VALUE ? now : lastDeparture);
        lastDeparture = start + size * 8_000_000_000L / rateBps;
        if (random.nextDouble() < lossRate) {
            lost++;
            return;
        }
        inFlight.add(new long[] {lastDeparture + propagationNanos, seq});
    }

    /** Delivers every packet due by {@code now} to {@code sink}. */
    void deliver(long now, java.util.function.BiConsumer<Long, Integer> sink) {
        while (!inFlight.isEmpty() && inFlight.peek()[0] <= now) {
            long[] p = inFlight.poll();
            delivered++;
            sink.accept(p[0], (int) p[1]);
        }
    }
}
