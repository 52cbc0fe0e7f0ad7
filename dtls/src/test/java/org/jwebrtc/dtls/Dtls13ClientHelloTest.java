package org.jwebrtc.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.ExporterLabel;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCryptoProvider;
import org.junit.jupiter.api.Test;
import org.jwebrtc.dtls.internal.QueueDatagramTransport;

/**
 * Chromium offers DTLS 1.3 (supported_versions 0xFEFC, 0xFEFD; RFC 9147 §5.3). We speak DTLS 1.2
 * only (bctls 1.84 has no DTLS 1.3), so our server must answer such a ClientHello with a plain
 * DTLS 1.2 ServerHello: no supported_versions, and no RFC 8446 §4.1.3 downgrade sentinel (which
 * only servers that could have done 1.3 set). Our client must never offer 1.3.
 */
class Dtls13ClientHelloTest {
    private static final int SUPPORTED_VERSIONS = 43;
    private static final int EXTENDED_MASTER_SECRET = 23;
    private static final int USE_SRTP = 14;
    private static final int KEY_SHARE = 51;
    private static final int PSK_KEY_EXCHANGE_MODES = 45;
    private static final DtlsCertificate CLIENT_CERT = DtlsCertificate.generate();
    private static final DtlsCertificate SERVER_CERT = DtlsCertificate.generate();

    @Test
    void ourClientOffersOnlyDtls12WithUseSrtpAndExtendedMasterSecret() throws Exception {
        try (DtlsPair pair = new DtlsPair(CLIENT_CERT, SERVER_CERT, DtlsConfig.defaults())) {
            pair.client.start(0);
            byte[] first = awaitTransmit(pair.client);
            HelloMessage hello = HelloMessage.parse(first);
            assertThat(hello).isNotNull();
            assertThat(hello.type()).isEqualTo(HelloMessage.CLIENT_HELLO);
            assertThat(hello.version()).isEqualTo(0xFEFD);
            assertThat(hello.extensions()).doesNotContainKey(SUPPORTED_VERSIONS)
                    .containsKeys(EXTENDED_MASTER_SECRET, USE_SRTP);
            // use_srtp: profiles in our preference order, empty MKI (RFC 5764 §4.1.1)
            assertThat(hello.extensions().get(USE_SRTP)).containsExactly(
                    0, 8, 0, 7, 0, 8, 0, 1, 0, 2, 0);
        }
    }

    @Test
    void aClientOfferingDtls13AndDtls12CompletesA12Handshake() throws Exception {
        ExecutorService peerThread = Executors.newSingleThreadExecutor();
        try (DtlsPair pair = new DtlsPair(CLIENT_CERT, SERVER_CERT, DtlsConfig.defaults())) {
            pair.server.start(0);
            QueueDatagramTransport clientIo = new QueueDatagramTransport(1200, pair.wake::release);
            JcaTlsCrypto crypto = new JcaTlsCryptoProvider().create(new SecureRandom());
            Dtls13OfferingClient chromeLike = new Dtls13OfferingClient(crypto, CLIENT_CERT);
            CompletableFuture<DTLSTransport> connected = CompletableFuture.supplyAsync(() -> {
                try {
                    DTLSTransport t = new DTLSClientProtocol().connect(chromeLike, clientIo);
                    return t;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, peerThread);
            HelloMessage clientHello = null;
            HelloMessage serverHello = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!pair.server.isConnected() || !connected.isDone()) {
                assertThat(System.nanoTime() - deadline).as("handshake finished in time").isNegative();
                byte[] d;
                while ((d = clientIo.pollOutbound()) != null) {
                    HelloMessage h = HelloMessage.parse(d);
                    if (h != null && clientHello == null) {
                        clientHello = h;
                    }
                    pair.server.handleInput(System.nanoTime(), d, 0, d.length);
                }
                while ((d = pair.server.pollTransmit()) != null) {
                    HelloMessage h = HelloMessage.parse(d);
                    if (h != null && serverHello == null) {
                        serverHello = h;
                    }
                    clientIo.offerInbound(d, 0, d.length);
                }
                DtlsEvent e;
                while ((e = pair.server.pollEvent()) != null) {
                    pair.serverEvents.add(e);
                    assertThat(e).isNotInstanceOf(DtlsEvent.Failed.class);
                }
                pair.wake.tryAcquire(5, TimeUnit.MILLISECONDS);
            }
            DTLSTransport client = connected.get();
            for (DtlsEvent e; (e = pair.server.pollEvent()) != null; ) {
                pair.serverEvents.add(e);
            }
            assertThat(clientHello.extensions().get(SUPPORTED_VERSIONS))
                    .as("the ClientHello really offered DTLS 1.3 first")
                    .containsExactly(4, 0xFE, 0xFC, 0xFE, 0xFD);
            assertThat(serverHello.version()).isEqualTo(0xFEFD);
            assertThat(serverHello.extensions()).doesNotContainKey(SUPPORTED_VERSIONS);
            assertThat(Arrays.copyOfRange(serverHello.random(), 24, 32))
                    .isNotEqualTo("DOWNGRD\u0001".getBytes(StandardCharsets.ISO_8859_1))
                    .isNotEqualTo("DOWNGRD\u0000".getBytes(StandardCharsets.ISO_8859_1));
            assertThat(chromeLike.serverCertificateDer).isEqualTo(SERVER_CERT.der());

            DtlsEvent.Connected ours = DtlsPair.first(pair.serverEvents, DtlsEvent.Connected.class);
            assertThat(ours.srtp().orElseThrow().profile()).isEqualTo(SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80);
            assertThat(chromeLike.exported).isEqualTo(ours.srtp().orElseThrow().toExported());

            // and application data flows through the 1.2 connection
            clientIo.enterCallerMode();
            byte[] hello = "hi".getBytes(StandardCharsets.UTF_8);
            client.send(hello, 0, hello.length);
            byte[] d = clientIo.pollOutbound();
            pair.server.handleInput(0, d, 0, d.length);
            assertThat(pair.server.pollEvent()).isEqualTo(new DtlsEvent.ApplicationData(hello));
        } finally {
            peerThread.shutdownNow();
        }
    }

    @Test
    void aChromiumShapedDtls13ClientHelloGetsADtls12ServerHello() throws Exception {
        // Take our own ClientHello and add what a DTLS 1.3 capable Chromium adds: supported_versions
        // {1.3, 1.2}, psk_key_exchange_modes and an x25519 key_share.
        byte[] hello;
        try (DtlsPair source = new DtlsPair(CLIENT_CERT, SERVER_CERT, DtlsConfig.defaults())) {
            source.client.start(0);
            hello = awaitTransmit(source.client);
        }
        byte[] keyShare = new byte[2 + 2 + 2 + 32];
        keyShare[1] = 36;      // client_shares length
        keyShare[3] = 0x1D;    // x25519
        keyShare[5] = 32;
        new SecureRandom().nextBytes(keyShare);
        keyShare[0] = 0;
        keyShare[1] = 36;
        keyShare[2] = 0;
        keyShare[3] = 0x1D;
        keyShare[4] = 0;
        keyShare[5] = 32;
        byte[] crafted = withExtensions(hello,
                ext(SUPPORTED_VERSIONS, new byte[] {4, (byte) 0xFE, (byte) 0xFC, (byte) 0xFE, (byte) 0xFD}),
                ext(PSK_KEY_EXCHANGE_MODES, new byte[] {1, 1}),
                ext(KEY_SHARE, keyShare));
        assertThat(HelloMessage.parse(crafted).extensions()).containsKeys(SUPPORTED_VERSIONS, KEY_SHARE);

        try (DtlsPair pair = new DtlsPair(CLIENT_CERT, SERVER_CERT, DtlsConfig.defaults())) {
            pair.server.start(0);
            pair.server.handleInput(0, crafted, 0, crafted.length);
            byte[] reply = awaitTransmit(pair.server);
            HelloMessage serverHello = HelloMessage.parse(reply);
            assertThat(serverHello).isNotNull();
            assertThat(serverHello.type()).isEqualTo(HelloMessage.SERVER_HELLO);
            assertThat(serverHello.version()).isEqualTo(0xFEFD);
            assertThat(serverHello.extensions()).doesNotContainKeys(SUPPORTED_VERSIONS, KEY_SHARE)
                    .containsKeys(EXTENDED_MASTER_SECRET, USE_SRTP);
            assertThat(Arrays.copyOfRange(serverHello.random(), 24, 32))
                    .isNotEqualTo("DOWNGRD\u0001".getBytes(StandardCharsets.ISO_8859_1));
            assertThat(pair.server.pollEvent()).isNull();   // no failure
        }
    }

    private static byte[] awaitTransmit(DtlsTransport t) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        byte[] d;
        while ((d = t.pollTransmit()) == null) {
            assertThat(System.nanoTime() - deadline).isNegative();
            Thread.sleep(2);
        }
        return d;
    }

    private static byte[] ext(int type, byte[] body) {
        byte[] e = new byte[4 + body.length];
        e[0] = (byte) (type >> 8);
        e[1] = (byte) type;
        e[2] = (byte) (body.length >> 8);
        e[3] = (byte) body.length;
        System.arraycopy(body, 0, e, 4, body.length);
        return e;
    }

    /** Appends extensions to a single-record, unfragmented ClientHello, fixing all lengths. */
    private static byte[] withExtensions(byte[] d, byte[]... exts) {
        int add = 0;
        for (byte[] e : exts) {
            add += e.length;
        }
        HelloMessage h = HelloMessage.parse(d);
        int recordLen = HelloMessage.u16(d, 11);
        assertThat(d.length).isEqualTo(13 + recordLen);
        byte[] out = Arrays.copyOf(d, d.length + add);
        int p = d.length;
        for (byte[] e : exts) {
            System.arraycopy(e, 0, out, p, e.length);
            p += e.length;
        }
        putU16(out, 11, recordLen + add);
        int bodyLen = recordLen - HelloMessage.HANDSHAKE_HEADER + add;
        putU24(out, 14, bodyLen);          // handshake length
        putU24(out, 22, bodyLen);          // fragment_length (offset stays 0)
        putU16(out, h.extensionsOffset(), HelloMessage.u16(d, h.extensionsOffset()) + add);
        return out;
    }

    private static void putU16(byte[] b, int p, int v) {
        b[p] = (byte) (v >> 8);
        b[p + 1] = (byte) v;
    }

    private static void putU24(byte[] b, int p, int v) {
        b[p] = (byte) (v >> 16);
        b[p + 1] = (byte) (v >> 8);
        b[p + 2] = (byte) v;
    }
}
