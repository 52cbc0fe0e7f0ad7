package org.jwebrtc.dtls;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Two in-process transports wired back to back: datagrams from one are fed to the other on the
 * test thread (the owner of both), woken by the onOutputReady hook.
 */
final class DtlsPair implements AutoCloseable {
    final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "dtls-handshake");
        t.setDaemon(true);
        return t;
    });
    final Semaphore wake = new Semaphore(0);
    final DtlsTransport client;
    final DtlsTransport server;
    final List<DtlsEvent> clientEvents = new ArrayList<>();
    final List<DtlsEvent> serverEvents = new ArrayList<>();
    /** Applied to every datagram in flight; return null to drop it. */
    UnaryOperator<byte[]> link = UnaryOperator.identity();
    int datagrams;

    DtlsPair(DtlsCertificate clientCert, DtlsCertificate serverCert, DtlsConfig config) {
        this(clientCert, serverCert, serverCert.fingerprint(), clientCert.fingerprint(), config, config);
    }

    DtlsPair(DtlsCertificate clientCert, DtlsCertificate serverCert, Fingerprint clientSeesServer,
             Fingerprint serverSeesClient, DtlsConfig clientConfig, DtlsConfig serverConfig) {
        client = new DtlsTransport(DtlsRole.CLIENT, clientCert, clientSeesServer,
                clientConfig.withOnOutputReady(wake::release), executor);
        server = new DtlsTransport(DtlsRole.SERVER, serverCert, serverSeesClient,
                serverConfig.withOnOutputReady(wake::release), executor);
    }

    void start() {
        server.start(System.nanoTime());
        client.start(System.nanoTime());
    }

    /** Moves datagrams and collects events once; true if anything happened. */
    boolean pumpOnce() {
        boolean any = false;
        byte[] d;
        while ((d = client.pollTransmit()) != null) {
            any = true;
            deliver(d, server);
        }
        while ((d = server.pollTransmit()) != null) {
            any = true;
            deliver(d, client);
        }
        DtlsEvent e;
        while ((e = client.pollEvent()) != null) {
            any = true;
            clientEvents.add(e);
        }
        while ((e = server.pollEvent()) != null) {
            any = true;
            serverEvents.add(e);
        }
        client.handleTimeout(System.nanoTime());
        server.handleTimeout(System.nanoTime());
        return any;
    }

    private void deliver(byte[] d, DtlsTransport to) {
        byte[] out = link.apply(d);
        if (out != null) {
            datagrams++;
            to.handleInput(System.nanoTime(), out, 0, out.length);
        }
    }

    /** Pumps until both sides reported a terminal handshake event (or the timeout). */
    void pumpUntilSettled(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() - deadline < 0) {
            while (pumpOnce()) {
                // keep draining
            }
            if (settled(clientEvents) && settled(serverEvents)) {
                return;
            }
            wake.tryAcquire(10, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("not settled in " + timeout + ": client " + clientEvents
                + " server " + serverEvents);
    }

    /** Pumps a few rounds so in-flight data is delivered. */
    void pumpQuiet() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            while (pumpOnce()) {
                // keep draining
            }
            wake.tryAcquire(5, TimeUnit.MILLISECONDS);
        }
    }

    static boolean settled(List<DtlsEvent> events) {
        return events.stream().anyMatch(e -> e instanceof DtlsEvent.Connected
                || e instanceof DtlsEvent.Failed || e instanceof DtlsEvent.Closed);
    }

    static <T extends DtlsEvent> T first(List<DtlsEvent> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " in " + events));
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
