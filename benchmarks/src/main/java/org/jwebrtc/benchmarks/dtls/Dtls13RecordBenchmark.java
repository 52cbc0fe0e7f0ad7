package org.jwebrtc.benchmarks.dtls;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jwebrtc.dtls.DtlsCertificate;
import org.jwebrtc.dtls.DtlsConfig;
import org.jwebrtc.dtls.DtlsEvent;
import org.jwebrtc.dtls.DtlsRole;
import org.jwebrtc.dtls.DtlsTransport;
import org.jwebrtc.dtls.DtlsVersion;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * DTLS 1.3 (our sans-IO engine, TLS_AES_128_GCM_SHA256) through {@code DtlsTransport}, the same
 * shape as {@link DtlsRecordBenchmark} for 1.2: {@code encrypt} = {@code send} + {@code pollTransmit}
 * of a 1200-byte record; {@code roundTrip} also decrypts it at the peer. {@code handshake} is a
 * whole in-memory 1-RTT handshake (X25519MLKEM768, two ECDSA signatures and verifications).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class Dtls13RecordBenchmark {
    static final int PAYLOAD = 1200;
    private static final DtlsCertificate A = DtlsCertificate.generate();
    private static final DtlsCertificate B = DtlsCertificate.generate();
    private static final DtlsConfig CONFIG = DtlsConfig.defaults().withMtu(1280).withMaxVersion(DtlsVersion.DTLS_1_3);

    private final byte[] payload = new byte[PAYLOAD];
    private DtlsTransport client;
    private DtlsTransport server;

    /**
     * Thread for the client's bctls task: a 1.3-capable client lets bctls write its ClientHello (so
     * that it can fall back to 1.2); the task ends once the server answers in 1.3.
     */
    private static final ExecutorService CLIENT_HELLO = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "dtls13-bench-hello");
        t.setDaemon(true);
        return t;
    });

    /** Runs a handshake to completion in memory; returns {client, server}. */
    static DtlsTransport[] connect() {
        Semaphore wake = new Semaphore(0);
        DtlsConfig config = CONFIG.withOnOutputReady(wake::release);
        DtlsTransport c = new DtlsTransport(DtlsRole.CLIENT, A, B.fingerprint(), config, CLIENT_HELLO);
        DtlsTransport s = new DtlsTransport(DtlsRole.SERVER, B, A.fingerprint(), config, r -> {
            throw new IllegalStateException("the DTLS 1.3 server engine needs no executor");
        });
        long now = 0;
        s.start(now);
        c.start(now);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!(c.isConnected() && s.isConnected()) && System.nanoTime() - deadline < 0) {
            boolean moved = false;
            for (byte[] d; (d = c.pollTransmit()) != null; moved = true) {
                s.handleInput(now, d, 0, d.length);
            }
            for (byte[] d; (d = s.pollTransmit()) != null; moved = true) {
                c.handleInput(now, d, 0, d.length);
            }
            if (!moved) {
                try {
                    wake.tryAcquire(1, TimeUnit.MILLISECONDS);   // the ClientHello comes from the bctls thread
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        if (!(c.isConnected() && s.isConnected())) {
            throw new IllegalStateException("handshake did not finish");
        }
        for (byte[] d; (d = c.pollTransmit()) != null; ) {
            s.handleInput(now, d, 0, d.length);
        }
        for (byte[] d; (d = s.pollTransmit()) != null; ) {
            c.handleInput(now, d, 0, d.length);
        }
        while (c.pollEvent() != null) { }
        while (s.pollEvent() != null) { }
        return new DtlsTransport[] {c, s};
    }

    @Setup(Level.Trial)
    public void setUp() {
        DtlsTransport[] pair = connect();
        client = pair[0];
        server = pair[1];
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

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public DtlsTransport handshake() {
        return connect()[0];
    }
}
