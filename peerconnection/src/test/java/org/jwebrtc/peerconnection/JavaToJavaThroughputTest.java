package org.jwebrtc.peerconnection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jwebrtc.sctp.DataChannelInit;
import org.jwebrtc.sctp.SctpStats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 throughput figure: one reliable ordered channel Java ↔ Java over loopback, 64 KiB messages, 128 MiB.
 * Prints the rate and samples of the sender's SCTP state (cwnd, flight, peer window, SRTT) during the transfer;
 * it asserts delivery only, since the rate depends on the machine's load.
 */
class JavaToJavaThroughputTest {
    private final List<PeerConnection> open = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll() {
        open.forEach(PeerConnection::close);
    }

    static final class Signalling implements PeerConnectionObserver {
        final BlockingQueue<DataChannel> remoteChannels = new LinkedBlockingQueue<>();
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
            remoteChannels.add(channel);
        }
    }

    @Test
    void oneReliableChannelCarries128MiBOf64KiBMessages() throws Exception {
        Signalling oe = new Signalling();
        Signalling ae = new Signalling();
        PeerConnection offerer = PeerConnection.create(PeerConnectionConfig.loopback(), oe);
        PeerConnection answerer = PeerConnection.create(PeerConnectionConfig.loopback(), ae);
        open.add(offerer);
        open.add(answerer);
        oe.peer = answerer;
        ae.peer = offerer;
        DataChannel local = offerer.createDataChannel(DataChannelInit.reliable("bulk"));
        CountDownLatch opened = new CountDownLatch(1);
        local.setListener(new DataChannelListener() {
            @Override
            public void onOpen() {
                opened.countDown();
            }

            @Override
            public void onMessage(DataChannel channel, boolean binary, byte[] data) {
            }
        });
        SessionDescriptionInit offer = offerer.createOffer().get(10, TimeUnit.SECONDS);
        offerer.setLocalDescription(offer).get(10, TimeUnit.SECONDS);
        answerer.setRemoteDescription(offer).get(10, TimeUnit.SECONDS);
        SessionDescriptionInit answer = answerer.createAnswer().get(10, TimeUnit.SECONDS);
        answerer.setLocalDescription(answer).get(10, TimeUnit.SECONDS);
        offerer.setRemoteDescription(answer).get(10, TimeUnit.SECONDS);
        assertThat(opened.await(30, TimeUnit.SECONDS)).isTrue();
        DataChannel remote = ae.remoteChannels.poll(20, TimeUnit.SECONDS);
        assertThat(remote).isNotNull();

        int size = 64 * 1024;
        int count = Integer.getInteger("throughput.mib", 128) * 16;
        CountDownLatch all = new CountDownLatch(count);
        AtomicLong bytes = new AtomicLong();
        remote.setListener((c, b, d) -> {
            bytes.addAndGet(d.length);
            all.countDown();
        });
        byte[] chunk = new byte[size];
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        long nextSample = t0;
        StringBuilder samples = new StringBuilder();
        for (int i = 0; i < count; i++) {
            while (local.bufferedAmount() > 4 * 1024 * 1024 || !local.send(chunk.clone())) {
                Thread.sleep(1);
            }
            if (System.nanoTime() - nextSample > 0) {
                nextSample += 1_000_000_000L;
                SctpStats s = offerer.stats().get(5, TimeUnit.SECONDS).sctp().orElseThrow();
                samples.append(String.format("  t=%4d ms cwnd %7d ssthresh %8d flight %7d peerRwnd %8d srtt %6.0f us"
                                + " burst-limited %d%n", (System.nanoTime() - t0) / 1_000_000, s.cwnd(), s.ssthresh(),
                        s.flightSize(), s.peerRwnd(), s.srttNanos() / 1e3, s.burstLimited()));
            }
        }
        assertThat(all.await(300, TimeUnit.SECONDS)).isTrue();
        double secs = (System.nanoTime() - t0) / 1e9;
        double cpuSecs = (processCpuNanos() - cpu0) / 1e9;
        assertThat(bytes.get()).isEqualTo((long) count * size);
        System.out.printf("Java<->Java reliable channel, %d MiB of 64 KiB messages: %.1f MiB/s (%.0f Mbit/s);"
                        + " process CPU %.2f s = %.0f Mbit per CPU-second (load average %.1f)%n%s", count / 16,
                count / 16.0 / secs, (double) count * size * 8 / secs / 1e6, cpuSecs,
                (double) count * size * 8 / cpuSecs / 1e6, loadAverage(), samples);
        System.out.println("sender: " + offerer.stats().get().sctp().orElseThrow());
        System.out.println("receiver: " + answerer.stats().get().sctp().orElseThrow());
    }

    private static long processCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    private static double loadAverage() {
        try {
            return Double.parseDouble(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }
}
