package org.jwebrtc.peerconnection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jwebrtc.dtls.DtlsCertificate;
import org.jwebrtc.sctp.DataChannelInit;
import org.junit.jupiter.api.Test;

/**
 * Resource safety (issue 11): 1,000 Java↔Java connections are opened (ICE, DTLS, SCTP, a data channel, one
 * message) and closed, 50 at a time; afterwards the process has as many threads and open file
 * descriptors as before, and every closed connection object is garbage. A socket, handshake thread or event loop
 * kept by a closed connection shows up as a count that grows with the number of connections; a timer still
 * scheduled, a listener still registered or a static cache keeps the object reachable. (The module's tests also
 * run under Netty's paranoid leak detector: a buffer not released fails the test, see {@link NettyLeakCheck}.)
 */
class ConnectionChurnTest {
    private static final int CONNECTIONS = 1_000;
    private static final int BATCH = 50;
    /** Slack for JVM-internal threads/fds (JIT compiler threads, jar files) that come and go on their own. */
    private static final int THREAD_SLACK = 8;
    private static final int FD_SLACK = 16;

    @Test
    void openingAndClosingAThousandConnectionsReturnsThreadsAndFileDescriptorsToBaseline() throws Exception {
        DtlsCertificate offererCert = DtlsCertificate.generate();
        DtlsCertificate answererCert = DtlsCertificate.generate();
        PeerConnectionConfig offererConfig = PeerConnectionConfig.loopback().withCertificate(offererCert);
        PeerConnectionConfig answererConfig = PeerConnectionConfig.loopback().withCertificate(answererCert);
        // warm-up: the shared loops, the handshake pool and the JIT start their threads on the first connection
        for (int i = 0; i < 2; i++) {
            runBatch(offererConfig, answererConfig, BATCH);
        }
        Resources baseline = Resources.settled(null);

        List<WeakReference<PeerConnection>> closed = new ArrayList<>();
        long start = System.nanoTime();
        java.time.Duration cpuBefore = cpu();
        for (int done = 0; done < CONNECTIONS; done += BATCH) {
            closed.addAll(runBatch(offererConfig, answererConfig, Math.min(BATCH, CONNECTIONS - done)));
        }
        double secs = (System.nanoTime() - start) / 1e9;
        double cpuSecs = cpu().minus(cpuBefore).toMillis() / 1e3;
        Resources after = Resources.settled(baseline);
        System.out.printf("%d connections opened, used and closed in %.1f s (process CPU %.1f s); threads %d -> %d,"
                + " fds %d -> %d%n", CONNECTIONS, secs, cpuSecs, baseline.threads, after.threads, baseline.fds,
                after.fds);
        assertThat(after.threads).as("live threads after %d connections", CONNECTIONS)
                .isLessThanOrEqualTo(baseline.threads + THREAD_SLACK);
        if (baseline.fds >= 0) {
            assertThat(after.fds).as("open file descriptors after %d connections: %s", CONNECTIONS, Resources.fdKinds())
                    .isLessThanOrEqualTo(baseline.fds + FD_SLACK);
        }
        assertThat(closed).hasSize(2 * CONNECTIONS);
        assertCollected(closed);
    }

    /**
     * Connections closed at every stage of their setup (before ICE, during ICE or the DTLS handshake, while SCTP
     * starts): no DTLS handshake stays blocked on its thread, no socket stays open, no connection stays reachable.
     */
    @Test
    void connectionsClosedDuringSetupLeaveNothingBehind() throws Exception {
        PeerConnectionConfig oc = PeerConnectionConfig.loopback().withCertificate(DtlsCertificate.generate());
        PeerConnectionConfig ac = PeerConnectionConfig.loopback().withCertificate(DtlsCertificate.generate());
        runBatch(oc, ac, 4);   // warm-up
        Resources baseline = Resources.settled(null);
        List<WeakReference<PeerConnection>> closed = new ArrayList<>();
        List<PeerConnection> previous = List.of();
        for (int i = 0; i < 200; i++) {
            List<PeerConnection> pair = new ArrayList<>();
            connectAndSend(oc, ac, pair, new byte[] {1});
            // even pairs close at once, odd ones one iteration later (they had a pair's setup time to progress)
            List<PeerConnection> toClose = new ArrayList<>(previous);
            previous = List.of();
            if (i % 2 == 0) {
                toClose.addAll(pair);
            } else {
                previous = pair;
            }
            toClose.forEach(PeerConnection::close);
            toClose.forEach(pc -> closed.add(new WeakReference<>(pc)));
        }
        previous.forEach(PeerConnection::close);
        previous.forEach(pc -> closed.add(new WeakReference<>(pc)));
        previous = null;

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (handshakesRunning() > 0 && System.nanoTime() - deadline < 0) {
            Thread.sleep(200);
        }
        assertThat(handshakesRunning()).as("DTLS handshakes still running after their connections closed").isZero();
        Resources after = Resources.settled(baseline);
        System.out.printf("200 connections closed during setup; threads %d -> %d, fds %d -> %d%n",
                baseline.threads, after.threads, baseline.fds, after.fds);
        if (baseline.fds >= 0) {
            assertThat(after.fds).as("open fds: %s", Resources.fdKinds()).isLessThanOrEqualTo(baseline.fds + FD_SLACK);
        }
        assertThat(closed).hasSize(400);
        assertCollected(closed);
    }

    /** Handshake threads inside bctls (an idle pool thread waits in the JDK only). */
    private static long handshakesRunning() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getName().startsWith("dtls-handshake"))
                .filter(e -> java.util.Arrays.stream(e.getValue())
                        .anyMatch(f -> f.getClassName().startsWith("org.bouncycastle")))
                .count();
    }

    private static void assertCollected(List<WeakReference<PeerConnection>> closed) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        closed.removeIf(r -> r.get() == null);
        while (!closed.isEmpty() && System.nanoTime() - deadline < 0) {
            System.gc();
            Thread.sleep(200);
            closed.removeIf(r -> r.get() == null);
        }
        assertThat(closed).as("closed connections still reachable").isEmpty();
    }

    private static java.time.Duration cpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(java.time.Duration.ZERO);
    }

    /** Opens {@code n} pairs at once, sends one message over each, closes them all; fails on any problem. */
    private static List<WeakReference<PeerConnection>> runBatch(PeerConnectionConfig oc, PeerConnectionConfig ac,
                                                                int n) throws Exception {
        List<PeerConnection> all = new ArrayList<>();
        try {
            List<CompletableFuture<byte[]>> received = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                received.add(connectAndSend(oc, ac, all, ("hello " + i).getBytes(StandardCharsets.UTF_8)));
            }
            for (int i = 0; i < n; i++) {
                assertThat(received.get(i).get(60, TimeUnit.SECONDS)).asString(StandardCharsets.UTF_8)
                        .isEqualTo("hello " + i);
            }
        } finally {
            all.forEach(PeerConnection::close);
        }
        for (PeerConnection pc : all) {
            assertThat(pc.connectionState()).isEqualTo(PeerConnectionState.CLOSED);
        }
        return all.stream().map(WeakReference::new).toList();
    }

    private static CompletableFuture<byte[]> connectAndSend(PeerConnectionConfig oc, PeerConnectionConfig ac,
                                                            List<PeerConnection> all, byte[] message)
            throws Exception {
        CompletableFuture<byte[]> received = new CompletableFuture<>();
        Trickle toAnswerer = new Trickle();
        Trickle toOfferer = new Trickle();
        PeerConnection answerer = PeerConnection.create(ac, new PeerConnectionObserver() {
            @Override
            public void onIceCandidate(Optional<IceCandidateInit> candidate) {
                toOfferer.forward(candidate);
            }

            @Override
            public void onDataChannel(DataChannel channel) {
                channel.setListener((c, binary, data) -> received.complete(data));
            }

            @Override
            public void onConnectionStateChange(PeerConnectionState state) {
                if (state == PeerConnectionState.FAILED) {
                    received.completeExceptionally(new AssertionError("answerer failed"));
                }
            }
        });
        all.add(answerer);
        PeerConnection offerer = PeerConnection.create(oc, new PeerConnectionObserver() {
            @Override
            public void onIceCandidate(Optional<IceCandidateInit> candidate) {
                toAnswerer.forward(candidate);
            }

            @Override
            public void onConnectionStateChange(PeerConnectionState state) {
                if (state == PeerConnectionState.FAILED) {
                    received.completeExceptionally(new AssertionError("offerer failed"));
                }
            }
        });
        all.add(offerer);
        toAnswerer.peer = answerer;
        toOfferer.peer = offerer;
        DataChannel dc = offerer.createDataChannel(DataChannelInit.reliable("churn"));
        dc.setListener(new DataChannelListener() {
            @Override
            public void onOpen() {
                dc.send(message);
            }

            @Override
            public void onMessage(DataChannel channel, boolean binary, byte[] data) {
            }
        });
        SessionDescriptionInit offer = offerer.createOffer().get(30, TimeUnit.SECONDS);
        offerer.setLocalDescription(offer).get(30, TimeUnit.SECONDS);
        answerer.setRemoteDescription(offer).get(30, TimeUnit.SECONDS);
        SessionDescriptionInit answer = answerer.createAnswer().get(30, TimeUnit.SECONDS);
        answerer.setLocalDescription(answer).get(30, TimeUnit.SECONDS);
        offerer.setRemoteDescription(answer).get(30, TimeUnit.SECONDS);
        return received;
    }

    /** Trickles candidates to the other side (end-of-candidates included). */
    private static final class Trickle {
        volatile PeerConnection peer;

        void forward(Optional<IceCandidateInit> c) {
            PeerConnection p = peer;
            if (p != null) {
                p.addIceCandidate(c.orElse(new IceCandidateInit("", Optional.of("0"), Optional.of(0))));
            }
        }
    }

    /** Live threads and open fds (-1 where /proc/self/fd is missing), read once they stopped falling. */
    private record Resources(int threads, int fds) {
        /** What the open fds are ("socket", "anon_inode:[eventpoll]", "pipe", a path...), counted. */
        static java.util.Map<String, Long> fdKinds() {
            java.util.Map<String, Long> kinds = new java.util.TreeMap<>();
            String[] fds = new File("/proc/self/fd").list();
            for (String fd : fds == null ? new String[0] : fds) {
                String kind;
                try {
                    kind = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd", fd)).toString()
                            .replaceAll(":\\[[0-9]+\\]$", "");
                } catch (java.io.IOException e) {
                    kind = "?";
                }
                kinds.merge(kind, 1L, Long::sum);
            }
            return kinds;
        }

        static Resources now() {
            String[] fds = new File("/proc/self/fd").list();
            return new Resources(Thread.getAllStackTraces().size(), fds == null ? -1 : fds.length);
        }

        /**
         * Waits (up to 90 s) until the counts are back within the slack of {@code target} (closing is
         * asynchronous: loops finish their close tasks, idle handshake-pool threads end after 60 s), or, for the
         * baseline, until two readings a second apart agree.
         */
        static Resources settled(Resources target) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            Resources last = now();
            while (System.nanoTime() - deadline < 0) {
                System.gc();
                Thread.sleep(1000);
                Resources r = now();
                if (target == null ? r.equals(last)
                        : r.threads <= target.threads + THREAD_SLACK && r.fds <= target.fds + FD_SLACK) {
                    return r;
                }
                last = r;
            }
            return last;
        }
    }
}
