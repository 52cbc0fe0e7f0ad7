package org.jwebrtc.benchmarks.scale;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jwebrtc.peerconnection.DataChannel;
import org.jwebrtc.peerconnection.DataChannelListener;
import org.jwebrtc.peerconnection.IceCandidateInit;
import org.jwebrtc.peerconnection.PeerConnection;
import org.jwebrtc.peerconnection.PeerConnectionConfig;
import org.jwebrtc.peerconnection.PeerConnectionObserver;
import org.jwebrtc.peerconnection.SessionDescriptionInit;
import org.jwebrtc.sctp.DataChannelInit;

/**
 * Scale run (issue 10): N pairs of peer connections in this JVM over loopback, each with an open reliable data
 * channel; reports setup rate, heap and threads per connection, and the echo rate when every pair ping-pongs a
 * small message at once. Not a JMH benchmark: it measures a whole system, once.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.jwebrtc.benchmarks.scale.ScaleRun [pairs] [seconds]</pre>
 */
public final class ScaleRun {
    /** One pair: the offerer's channel and the count of echoes it got back. */
    private record Pair(PeerConnection offerer, PeerConnection answerer, DataChannel channel, AtomicLong echoes) {}

    public static void main(String[] args) throws Exception {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        int threadsBefore = Thread.activeCount();
        long heapBefore = usedHeap(memory);
        List<Pair> all = new ArrayList<>();
        long t0 = System.nanoTime();
        try {
            for (int i = 0; i < pairs; i++) {
                all.add(connect());
            }
            double setupSeconds = (System.nanoTime() - t0) / 1e9;
            int connections = 2 * pairs;
            long heap = usedHeap(memory) - heapBefore;
            int threads = Thread.activeCount() - threadsBefore;
            System.out.printf("%d connections (%d pairs) with open channels in %.1f s (%.0f pairs/s)%n",
                    connections, pairs, setupSeconds, pairs / setupSeconds);
            System.out.printf("heap after GC: %.1f MiB total, %.1f KiB per connection; threads: +%d (%.3f per "
                    + "connection)%n", heap / 1048576.0, heap / 1024.0 / connections, threads,
                    threads / (double) connections);
            long e0 = total(all);
            long start = System.nanoTime();
            byte[] ping = new byte[64];
            for (Pair p : all) {
                p.channel().send(ping);   // every pair keeps one message in flight: echo -> send again
            }
            Thread.sleep(seconds * 1000L);
            long echoes = total(all) - e0;
            double s = (System.nanoTime() - start) / 1e9;
            System.out.printf("echo rate: %.0f round trips/s over %d pairs (%.1f per pair per second)%n",
                    echoes / s, pairs, echoes / s / pairs);
        } finally {
            all.forEach(p -> {
                p.offerer().close();
                p.answerer().close();
            });
        }
    }

    private static long total(List<Pair> all) {
        long n = 0;
        for (Pair p : all) {
            n += p.echoes().get();
        }
        return n;
    }

    private static long usedHeap(MemoryMXBean memory) {
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** Forwards candidates to the other connection; the answerer echoes every message. */
    private static final class Wire implements PeerConnectionObserver {
        volatile PeerConnection peer;

        @Override
        public void onIceCandidate(Optional<IceCandidateInit> c) {
            PeerConnection p = peer;
            if (p != null) {
                p.addIceCandidate(c.orElse(new IceCandidateInit("", Optional.of("0"), Optional.of(0))));
            }
        }

        @Override
        public void onDataChannel(DataChannel channel) {
            channel.setListener((ch, binary, data) -> ch.send(data));
        }
    }

    private static Pair connect() throws Exception {
        Wire a = new Wire();
        Wire b = new Wire();
        PeerConnection offerer = PeerConnection.create(PeerConnectionConfig.loopback(), a);
        PeerConnection answerer = PeerConnection.create(PeerConnectionConfig.loopback(), b);
        a.peer = answerer;
        b.peer = offerer;
        CountDownLatch open = new CountDownLatch(1);
        AtomicLong echoes = new AtomicLong();
        DataChannel channel = offerer.createDataChannel(DataChannelInit.reliable("echo"));
        channel.setListener(new DataChannelListener() {
            @Override
            public void onOpen() {
                open.countDown();
            }

            @Override
            public void onMessage(DataChannel c, boolean binary, byte[] data) {
                echoes.incrementAndGet();
                c.send(data);
            }
        });
        SessionDescriptionInit offer = offerer.createOffer().get(10, TimeUnit.SECONDS);
        offerer.setLocalDescription(offer).get(10, TimeUnit.SECONDS);
        answerer.setRemoteDescription(offer).get(10, TimeUnit.SECONDS);
        SessionDescriptionInit answer = answerer.createAnswer().get(10, TimeUnit.SECONDS);
        answerer.setLocalDescription(answer).get(10, TimeUnit.SECONDS);
        offerer.setRemoteDescription(answer).get(10, TimeUnit.SECONDS);
        if (!open.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("a channel did not open within 60 s");
        }
        return new Pair(offerer, answerer, channel, echoes);
    }
}
