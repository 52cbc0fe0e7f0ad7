package org.jwebrtc.rtp.cc;

import java.util.ArrayDeque;

/**
 * Sans-IO leaky-bucket pacer: releases queued packets at the pacing rate with bursts bounded to
 * {@code maxBurstNanos} worth of budget, and runs probe clusters at their own rate (queued media first,
 * padding when the queue is empty). The caller owns the packets; the pacer sees ids and sizes.
 *
 * <pre>
 * pacer.enqueue(now, id, size);
 * for (long id; (id = pacer.pollSend(now)) != Pacer.NONE; ) {
 *     if (id == Pacer.PADDING) send padding of pacer.lastSize() bytes; else send packet id;
 *     ... controller.onPacketSent(now, size, pacer.lastProbeCluster()) ...
 * }
 * sleep until pacer.pollTimeout()
 * </pre>
 *
 * Not thread-safe; owned by one thread.
 */
public final class Pacer {
    public static final long NONE = -1;
    public static final long PADDING = -2;
    private static final int PADDING_SIZE = 1000;

    private final long maxBurstNanos;
    private final long[] ids;
    private final int[] sizes;
    private int head;
    private int count;
    private long queuedBytes;
    private long rateBps;
    private double budgetBytes;
    private long lastUpdate = Long.MIN_VALUE;

    private final ArrayDeque<ProbeCluster> probes = new ArrayDeque<>();
    private ProbeCluster probe;
    private int probeSentBytes;
    private int probeSentPackets;
    private long probeNextSend = Long.MIN_VALUE;

    private int lastSize;
    private int lastCluster = -1;

    /**
     * @param rateBps initial pacing rate
     * @param maxBurstNanos largest burst (budget cap), e.g. 5 ms
     * @param capacity queued packets at most ({@link #enqueue} answers false beyond)
     */
    public Pacer(long rateBps, long maxBurstNanos, int capacity) {
        this.rateBps = rateBps;
        this.maxBurstNanos = maxBurstNanos;
        ids = new long[capacity];
        sizes = new int[capacity];
    }

    public void setPacingRate(long bps) {
        rateBps = Math.max(1, bps);
    }

    public long pacingRate() {
        return rateBps;
    }

    /** Queues a packet; false (and not queued) if the queue is full: backpressure for the caller. */
    public boolean enqueue(long nowNanos, long id, int size) {
        if (count == ids.length) {
            return false;
        }
        int i = (head + count) % ids.length;
        ids[i] = id;
        sizes[i] = size;
        count++;
        queuedBytes += size;
        return true;
    }

    public void addProbe(ProbeCluster cluster) {
        probes.add(cluster);
    }

    public int queuedPackets() {
        return count;
    }

    public long queuedBytes() {
        return queuedBytes;
    }

    /** Size of the packet (or padding) returned by the last {@link #pollSend}. */
    public int lastSize() {
        return lastSize;
    }

    /** Probe cluster id of the last {@link #pollSend} result, -1 for ordinary pacing. */
    public int lastProbeCluster() {
        return lastCluster;
    }

    private void refill(long now) {
        if (lastUpdate != Long.MIN_VALUE) {
            long dt = now - lastUpdate;
            if (dt > 0) {
                double cap = rateBps * (double) maxBurstNanos / 8e9;
                budgetBytes = Math.min(cap, budgetBytes + rateBps * (double) dt / 8e9);
            }
        }
        lastUpdate = now;
    }

    /** The next packet id to send now, {@link #PADDING} (probe filler of {@link #lastSize()} bytes), or NONE. */
    public long pollSend(long nowNanos) {
        refill(nowNanos);
        if (probe == null && !probes.isEmpty()) {
            probe = probes.poll();
            probeSentBytes = 0;
            probeSentPackets = 0;
            probeNextSend = nowNanos;
        }
        if (probe != null) {
            if (nowNanos - probeNextSend < 0) {
                return NONE;
            }
            long id;
            if (count > 0) {
                id = take();
            } else {
                id = PADDING;
                lastSize = PADDING_SIZE;
            }
            lastCluster = probe.id();
            probeSentBytes += lastSize;
            probeSentPackets++;
            probeNextSend = nowNanos + (long) (lastSize * 8e9 / probe.bitrateBps());
            if (probeSentBytes >= probe.minBytes() && probeSentPackets >= probe.minPackets()) {
                probe = null;
            }
            return id;
        }
        lastCluster = -1;
        if (count == 0 || budgetBytes < 0) {
            return NONE;
        }
        long id = take();
        budgetBytes -= lastSize;
        return id;
    }

    private long take() {
        long id = ids[head];
        lastSize = sizes[head];
        head = (head + 1) % ids.length;
        count--;
        queuedBytes -= lastSize;
        return id;
    }

    /** When {@link #pollSend} may next return something; {@code Long.MAX_VALUE} when idle. */
    public long pollTimeout() {
        if (probe != null) {
            return probeNextSend;
        }
        if (!probes.isEmpty()) {
            return lastUpdate == Long.MIN_VALUE ? Long.MIN_VALUE : lastUpdate;
        }
        if (count == 0) {
            return Long.MAX_VALUE;
        }
        if (budgetBytes >= 0) {
            return lastUpdate;
        }
        return lastUpdate + (long) Math.ceil(-budgetBytes * 8e9 / rateBps);
    }
}
