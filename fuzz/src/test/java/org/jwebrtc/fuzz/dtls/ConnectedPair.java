package org.jwebrtc.fuzz.dtls;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jwebrtc.dtls.DtlsCertificate;
import org.jwebrtc.dtls.DtlsConfig;
import org.jwebrtc.dtls.DtlsEvent;
import org.jwebrtc.dtls.DtlsRole;
import org.jwebrtc.dtls.DtlsTransport;

/**
 * A DTLS client and server wired back to back on the calling thread and handshaken once (bctls
 * runs the handshake on daemon threads). The first datagrams of the handshake are kept as seeds.
 */
final class ConnectedPair {
    final DtlsTransport client;
    final DtlsTransport server;
    final List<byte[]> handshakeDatagrams = new ArrayList<>();
    private final Semaphore wake = new Semaphore(0);

    private ConnectedPair() throws InterruptedException {
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fuzz-dtls-handshake");
            t.setDaemon(true);
            return t;
        });
        DtlsCertificate c = DtlsCertificate.generate();
        DtlsCertificate s = DtlsCertificate.generate();
        DtlsConfig config = DtlsConfig.defaults().withOnOutputReady(wake::release);
        client = new DtlsTransport(DtlsRole.CLIENT, c, s.fingerprint(), config, executor);
        server = new DtlsTransport(DtlsRole.SERVER, s, c.fingerprint(), config, executor);
        server.start(System.nanoTime());
        client.start(System.nanoTime());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        boolean clientUp = false;
        boolean serverUp = false;
        while (!(clientUp && serverUp)) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("DTLS handshake did not complete in 30 s");
            }
            byte[] d;
            while ((d = client.pollTransmit()) != null) {
                handshakeDatagrams.add(d.clone());
                server.handleInput(System.nanoTime(), d, 0, d.length);
            }
            while ((d = server.pollTransmit()) != null) {
                handshakeDatagrams.add(d.clone());
                client.handleInput(System.nanoTime(), d, 0, d.length);
            }
            clientUp |= connected(client);
            serverUp |= connected(server);
            wake.tryAcquire(5, TimeUnit.MILLISECONDS);
        }
    }

    private static boolean connected(DtlsTransport t) {
        DtlsEvent e;
        boolean up = false;
        while ((e = t.pollEvent()) != null) {
            if (e instanceof DtlsEvent.Failed f) {
                throw new IllegalStateException("DTLS handshake failed: " + f.reason());
            }
            up |= e instanceof DtlsEvent.Connected;
        }
        return up;
    }

    private static final class Holder {
        static final ConnectedPair PAIR;

        static {
            try {
                PAIR = new ConnectedPair();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static ConnectedPair get() {
        return Holder.PAIR;
    }
}
