package org.jwebrtc.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.bouncycastle.tls.DTLSRequest;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.DTLSVerifier;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCryptoProvider;
import org.jwebrtc.dtls.internal.ExpectedFingerprint;
import org.jwebrtc.dtls.internal.QueueDatagramTransport;
import org.jwebrtc.dtls.internal.WebRtcTlsServer;
import org.jwebrtc.dtls.internal.dtls13.Dtls13Config;
import org.jwebrtc.dtls.internal.dtls13.Dtls13Connection;
import org.jwebrtc.dtls.internal.dtls13.NamedGroup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The 1.3-capable {@link DtlsTransport} client (bctls writes its ClientHello, the 1.3 engine adopts it)
 * against servers that answer it in the ways RFC 8446 §4.1 and RFC 6347 §4.2.1 allow: a DTLS 1.3
 * HelloRetryRequest for a cookie or for another group (the engine derives ClientHello2 from bctls's
 * ClientHello1), and a DTLS 1.2 server that first sends a HelloVerifyRequest (bctls answers it; the
 * fallback still happens).
 */
class Dtls13ClientNegotiationTest {
    private static final DtlsCertificate CLIENT = DtlsCertificate.generate();
    private static final DtlsCertificate SERVER = DtlsCertificate.generate();
    private static final DtlsConfig V13 = DtlsConfig.defaults().withMaxVersion(DtlsVersion.DTLS_1_3);

    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "dtls-handshake");
        t.setDaemon(true);
        return t;
    });
    private final Semaphore wake = new Semaphore(0);
    private final List<DtlsEvent> clientEvents = new ArrayList<>();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private DtlsTransport client() {
        return client(V13);
    }

    private DtlsTransport client(DtlsConfig config) {
        DtlsTransport c = new DtlsTransport(DtlsRole.CLIENT, CLIENT, SERVER.fingerprint(),
                config.withOnOutputReady(wake::release), executor);
        c.start(System.nanoTime());
        return c;
    }

    private Dtls13Connection engineServer(Dtls13Config config) {
        ExpectedFingerprint fp = new ExpectedFingerprint();
        fp.set(CLIENT.fingerprint());
        Dtls13Connection s = new Dtls13Connection(DtlsRole.SERVER, SERVER, fp, config, new SecureRandom());
        s.start(System.nanoTime());
        return s;
    }

    /** Moves datagrams between our client and a 1.3 engine server until {@code done} or 20 s. */
    private void pump(DtlsTransport client, Dtls13Connection server, List<DtlsEvent> serverEvents,
                      BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!done.getAsBoolean() && System.nanoTime() - deadline < 0) {
            boolean any = true;
            while (any) {
                any = false;
                for (byte[] d; (d = client.pollTransmit()) != null; any = true) {
                    server.handleInput(System.nanoTime(), d, 0, d.length);
                }
                for (byte[] d; (d = server.pollTransmit()) != null; any = true) {
                    client.handleInput(System.nanoTime(), d, 0, d.length);
                }
                for (DtlsEvent e; (e = client.pollEvent()) != null; any = true) {
                    clientEvents.add(e);
                }
                for (DtlsEvent e; (e = server.pollEvent()) != null; any = true) {
                    serverEvents.add(e);
                }
            }
            client.handleTimeout(System.nanoTime());
            server.handleTimeout(System.nanoTime());
            wake.tryAcquire(10, TimeUnit.MILLISECONDS);
        }
    }

    private void connectsOverDtls13AfterARetry(Dtls13Config serverConfig, NamedGroup expectedGroup) throws Exception {
        Dtls13Connection server = engineServer(serverConfig);
        DtlsTransport client = client();
        List<DtlsEvent> serverEvents = new ArrayList<>();
        pump(client, server, serverEvents, () -> client.isConnected() && server.isConnected());
        assertThat(client.negotiatedVersion()).as("client events %s, server events %s", clientEvents, serverEvents)
                .contains(DtlsVersion.DTLS_1_3);
        assertThat(server.helloRetried()).isTrue();
        assertThat(server.group()).isEqualTo(expectedGroup);
        DtlsEvent.Connected c = DtlsPair.first(clientEvents, DtlsEvent.Connected.class);
        DtlsEvent.Connected s = DtlsPair.first(serverEvents, DtlsEvent.Connected.class);
        assertThat(c.srtp()).isPresent().isEqualTo(s.srtp());
        assertThat(c.cipherSuite()).isEqualTo(0x1301);

        byte[] msg = "after HRR".getBytes(StandardCharsets.UTF_8);
        client.send(msg, 0, msg.length);
        server.send(msg, 0, msg.length);
        pump(client, server, serverEvents, () -> serverEvents.contains(new DtlsEvent.ApplicationData(msg))
                && clientEvents.contains(new DtlsEvent.ApplicationData(msg)));
        assertThat(serverEvents).contains(new DtlsEvent.ApplicationData(msg));
        assertThat(clientEvents).contains(new DtlsEvent.ApplicationData(msg));
        assertThat(server.replayedRecords()).as("ClientHello2 uses fresh record numbers").isZero();
    }

    @Test
    void aHelloRetryRequestWithACookieIsAnsweredByTheAdoptingEngine() throws Exception {
        connectsOverDtls13AfterARetry(Dtls13Config.defaults().withRequireCookie(true), NamedGroup.X25519MLKEM768);
    }

    @Test
    void aHelloRetryRequestForAnotherGroupGetsANewKeyShare() throws Exception {
        // We send shares for X25519MLKEM768 and x25519; this server only takes P-256 (RFC 8446 §4.1.4).
        connectsOverDtls13AfterARetry(Dtls13Config.defaults().withGroups(List.of(NamedGroup.SECP256R1), List.of()),
                NamedGroup.SECP256R1);
    }

    @Test
    void aDtls12ServerWithHelloVerifyRequestGetsAFallback() throws Exception {
        JcaTlsCrypto crypto = new JcaTlsCryptoProvider().create(new SecureRandom());
        ExpectedFingerprint fp = new ExpectedFingerprint();
        fp.set(CLIENT.fingerprint());
        WebRtcTlsServer tls = new WebRtcTlsServer(crypto, SERVER.privateKey(), SERVER.der(),
                DtlsConfig.DEFAULT_SRTP_PROFILES, fp, 20_000);
        QueueDatagramTransport serverIo = new QueueDatagramTransport(1500, wake::release);
        Future<byte[]> serverSide = executor.submit(() -> {
            // RFC 6347 §4.2.1: a stateless cookie exchange (HelloVerifyRequest) before the handshake
            DTLSVerifier verifier = new DTLSVerifier(crypto);
            byte[] clientId = {1};
            DTLSRequest request = null;
            byte[] in = new byte[4096];
            while (request == null) {
                int n = serverIo.receive(in, 0, in.length, 20_000);
                if (n > 0) {
                    request = verifier.verifyRequest(clientId, in, 0, n, serverIo);
                }
            }
            DTLSTransport t = new DTLSServerProtocol().accept(tls, serverIo, request);
            byte[] buf = new byte[2000];
            int n = t.receive(buf, 0, buf.length, 20_000);
            t.send(buf, 0, n);   // echo
            return java.util.Arrays.copyOf(buf, n);
        });
        // bctls's stateless DTLSVerifier (like OpenSSL's DTLSv1_listen) needs the ClientHello in one
        // datagram; with the ML-KEM key share it is ~1.45 KB, so this link has a 1500-byte MTU.
        DtlsTransport client = client(V13.withMtu(1500));
        List<byte[]> toClient = new ArrayList<>();
        byte[] msg = "hello over 1.2".getBytes(StandardCharsets.UTF_8);
        boolean sent = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!clientEvents.contains(new DtlsEvent.ApplicationData(msg)) && System.nanoTime() - deadline < 0) {
            for (byte[] d; (d = client.pollTransmit()) != null; ) {
                serverIo.offerInbound(d, 0, d.length);
            }
            for (byte[] d; (d = serverIo.pollOutbound()) != null; ) {
                toClient.add(d);
                client.handleInput(System.nanoTime(), d, 0, d.length);
            }
            for (DtlsEvent e; (e = client.pollEvent()) != null; ) {
                clientEvents.add(e);
            }
            if (client.isConnected() && !sent) {
                client.send(msg, 0, msg.length);
                sent = true;
            }
            client.handleTimeout(System.nanoTime());
            wake.tryAcquire(10, TimeUnit.MILLISECONDS);
        }
        assertThat(toClient.get(0)[13]).as("first server message is a HelloVerifyRequest").isEqualTo((byte) 3);
        assertThat(client.negotiatedVersion()).as("events %s", clientEvents).contains(DtlsVersion.DTLS_1_2);
        assertThat(serverSide.get(20, TimeUnit.SECONDS)).isEqualTo(msg);
        assertThat(clientEvents).contains(new DtlsEvent.ApplicationData(msg));
        DtlsEvent.Connected c = DtlsPair.first(clientEvents, DtlsEvent.Connected.class);
        assertThat(c.srtp()).contains(tls.srtp());
        assertThat(c.remoteFingerprint()).isEqualTo(SERVER.fingerprint());
    }
}
