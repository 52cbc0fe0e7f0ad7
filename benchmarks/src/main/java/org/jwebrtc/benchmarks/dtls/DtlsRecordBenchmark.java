package org.jwebrtc.benchmarks.dtls;

import java.security.GeneralSecurityException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jwebrtc.dtls.DtlsCertificate;
import org.jwebrtc.dtls.DtlsConfig;
import org.jwebrtc.dtls.DtlsEvent;
import org.jwebrtc.dtls.DtlsRole;
import org.jwebrtc.dtls.DtlsTransport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * DTLS application data after a handshake, through {@code DtlsTransport}: {@code encrypt} is
 * {@code send} + {@code pollTransmit} of a 1200-byte record (TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
 * what Chromium negotiates with us); {@code roundTrip} additionally feeds that datagram to the
 * peer's {@code handleInput} and takes the {@code ApplicationData} event, so decrypt =
 * roundTrip - encrypt (a fixed record cannot be decrypted twice: the replay window drops it).
 * MTU 1280 so 1200 bytes fit in one record.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DtlsRecordBenchmark {
    static final int PAYLOAD = 1200;

    private final byte[] payload = new byte[PAYLOAD];
    private ExecutorService executor;
    private DtlsTransport client;
    private DtlsTransport server;
    private Cipher rawCipher;
    private final SecretKeySpec rawKey = new SecretKeySpec(new byte[16], "AES");
    private final byte[] rawNonce = new byte[12];
    private final byte[] rawAad = new byte[13];
    private final byte[] rawOut = new byte[PAYLOAD + 16];
    private final byte[] rawPlain = new byte[PAYLOAD];
    private Cipher rawDecipher;

    @Setup(Level.Trial)
    public void handshake() throws InterruptedException {
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "dtls-handshake");
            t.setDaemon(true);
            return t;
        });
        Semaphore wake = new Semaphore(0);
        DtlsCertificate a = DtlsCertificate.generate();
        DtlsCertificate b = DtlsCertificate.generate();
        DtlsConfig config = DtlsConfig.defaults().withMtu(1280).withOnOutputReady(wake::release);
        client = new DtlsTransport(DtlsRole.CLIENT, a, b.fingerprint(), config, executor);
        server = new DtlsTransport(DtlsRole.SERVER, b, a.fingerprint(), config, executor);
        server.start(System.nanoTime());
        client.start(System.nanoTime());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        boolean c = false;
        boolean s = false;
        while (!(c && s)) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("handshake did not finish");
            }
            byte[] d;
            while ((d = client.pollTransmit()) != null) {
                server.handleInput(System.nanoTime(), d, 0, d.length);
            }
            while ((d = server.pollTransmit()) != null) {
                client.handleInput(System.nanoTime(), d, 0, d.length);
            }
            c |= connected(client);
            s |= connected(server);
            wake.tryAcquire(5, TimeUnit.MILLISECONDS);
        }
        for (int i = 0; i < PAYLOAD; i++) {
            payload[i] = (byte) i;
        }
        try {
            rawCipher = Cipher.getInstance("AES/GCM/NoPadding");
            rawDecipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean connected(DtlsTransport t) {
        for (DtlsEvent e; (e = t.pollEvent()) != null; ) {
            if (e instanceof DtlsEvent.Failed f) {
                throw new IllegalStateException(f.reason());
            }
            if (e instanceof DtlsEvent.Connected) {
                return true;
            }
        }
        return false;
    }

    @TearDown(Level.Trial)
    public void stop() {
        executor.shutdownNow();
    }

    /**
     * Baseline: the bare JCE AES-128-GCM seal of 1200 bytes with a fresh nonce, as one record
     * needs, into a preallocated buffer (no DTLS header, sequence numbers or copies).
     */
    @Benchmark
    public int rawAesGcm() throws GeneralSecurityException {
        rawNonce[11]++;
        rawCipher.init(Cipher.ENCRYPT_MODE, rawKey, new GCMParameterSpec(128, rawNonce));
        rawCipher.updateAAD(rawAad);
        return rawCipher.doFinal(payload, 0, PAYLOAD, rawOut, 0);
    }

    /** Baseline for {@link #roundTrip}: the bare JCE AES-128-GCM seal and open of one 1200-byte record. */
    @Benchmark
    public int rawAesGcmRoundTrip() throws GeneralSecurityException {
        rawNonce[11]++;
        GCMParameterSpec nonce = new GCMParameterSpec(128, rawNonce);
        rawCipher.init(Cipher.ENCRYPT_MODE, rawKey, nonce);
        rawCipher.updateAAD(rawAad);
        int sealed = rawCipher.doFinal(payload, 0, PAYLOAD, rawOut, 0);
        rawDecipher.init(Cipher.DECRYPT_MODE, rawKey, nonce);
        rawDecipher.updateAAD(rawAad);
        return rawDecipher.doFinal(rawOut, 0, sealed, rawPlain, 0);
    }

    @Benchmark
    public byte[] encrypt() {
        client.send(payload, 0, PAYLOAD);
        return client.pollTransmit();
    }

    @Benchmark
    public DtlsEvent roundTrip() {
        client.send(payload, 0, PAYLOAD);
        byte[] d = client.pollTransmit();
        server.handleInput(0, d, 0, d.length);
        return server.pollEvent();
    }
}
