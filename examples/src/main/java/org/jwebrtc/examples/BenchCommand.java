package org.jwebrtc.examples;

import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code webrtc bench}: two peer connections in this JVM over loopback; prints the setup time (createOffer to an
 * open channel) and the reliable data-channel throughput. The JMH suite in {@code benchmarks} measures the codecs.
 */
@Command(name = "bench", description = "Loopback peer-connection setup time and data-channel throughput.")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--mib", defaultValue = "64", description = "MiB to transfer (default 64).")
    int mib;
    @Option(names = "--message-kib", defaultValue = "64", description = "Message size in KiB (default 64).")
    int messageKib;

    /** Forwards candidates to the other connection, as signaling would. */
    private static final class Wire implements PeerConnectionObserver {
        final BlockingQueue<DataChannel> remote = new LinkedBlockingQueue<>();
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
            remote.add(channel);
        }
    }

    @Override
    public Integer call() throws Exception {
        if (mib <= 0 || messageKib <= 0 || messageKib > 256) {
            System.err.println("bench: --mib must be > 0 and --message-kib in 1..256");
            return 2;
        }
        Wire a = new Wire();
        Wire b = new Wire();
        try (AutoCloseablePair pcs = new AutoCloseablePair(PeerConnection.create(PeerConnectionConfig.loopback(), a),
                PeerConnection.create(PeerConnectionConfig.loopback(), b))) {
            a.peer = pcs.second;
            b.peer = pcs.first;
            CountDownLatch open = new CountDownLatch(1);
            long start = System.nanoTime();
            DataChannel channel = pcs.first.createDataChannel(DataChannelInit.reliable("bench"));
            channel.setListener(new DataChannelListener() {
                @Override
                public void onOpen() {
                    open.countDown();
                }

                @Override
                public void onMessage(DataChannel c, boolean binary, byte[] data) {
                }
            });
            SessionDescriptionInit offer = pcs.first.createOffer().get(10, TimeUnit.SECONDS);
            pcs.first.setLocalDescription(offer).get(10, TimeUnit.SECONDS);
            pcs.second.setRemoteDescription(offer).get(10, TimeUnit.SECONDS);
            SessionDescriptionInit answer = pcs.second.createAnswer().get(10, TimeUnit.SECONDS);
            pcs.second.setLocalDescription(answer).get(10, TimeUnit.SECONDS);
            pcs.first.setRemoteDescription(answer).get(10, TimeUnit.SECONDS);
            if (!open.await(30, TimeUnit.SECONDS)) {
                System.err.println("bench: the channel did not open within 30 s");
                return 1;
            }
            System.out.printf("setup: createOffer -> channel open %.1f ms%n", (System.nanoTime() - start) / 1e6);
            DataChannel sink = b.remote.poll(10, TimeUnit.SECONDS);
            AtomicLong received = new AtomicLong();
            long total = (long) mib << 20;
            CountDownLatch done = new CountDownLatch(1);
            sink.setListener((c, binary, data) -> {
                if (received.addAndGet(data.length) >= total) {
                    done.countDown();
                }
            });
            byte[] message = new byte[messageKib << 10];
            long t0 = System.nanoTime();
            for (long sent = 0; sent < total; sent += message.length) {
                while (channel.bufferedAmount() > 8L << 20) {
                    Thread.onSpinWait();
                }
                if (!channel.send(message)) {
                    Thread.sleep(1);
                    sent -= message.length;
                }
            }
            if (!done.await(120, TimeUnit.SECONDS)) {
                System.err.println("bench: only " + received.get() + " of " + total + " bytes arrived in 120 s");
                return 1;
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("throughput: %d MiB of %d KiB messages in %.2f s = %.0f Mbit/s%n", mib, messageKib,
                    seconds, total * 8 / seconds / 1e6);
            return 0;
        }
    }

    /** Closes both connections. */
    private record AutoCloseablePair(PeerConnection first, PeerConnection second) implements AutoCloseable {
        @Override
        public void close() {
            first.close();
            second.close();
        }
    }
}
