package org.jwebrtc.benchmarks.sctp;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.jwebrtc.sctp.SctpAssociation;
import org.jwebrtc.sctp.SctpConfig;
import org.jwebrtc.sctp.SctpEvent;
import org.jwebrtc.sctp.SendOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Two associations in one thread, lossless: per op, two 1 KiB messages go A→B (two packets), B acks (one SACK), A
 * processes the SACK. Measures whole-stack cost per message pair; allocation here is the message copies, packets
 * returned by pollTransmit and events (the state machine API allocates by design).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AssociationBenchmark {
    private SctpAssociation a;
    private SctpAssociation b;
    private final byte[] msg = new byte[1024];
    private long now;

    @Setup
    public void setup() {
        a = new SctpAssociation(SctpConfig.defaults(), new Random(1));
        b = new SctpAssociation(SctpConfig.defaults(), new Random(2));
        a.connect(0);
        for (int i = 0; i < 10; i++) {
            shuttle();
        }
        if (!(a.pollEvent() instanceof SctpEvent.Connected)) {
            throw new AssertionError("not connected");
        }
        b.pollEvent();
    }

    private int shuttle() {
        int n = 0;
        byte[] p;
        while ((p = a.pollTransmit()) != null) {
            b.handleInput(now, p, 0, p.length);
            n++;
        }
        while ((p = b.pollTransmit()) != null) {
            a.handleInput(now, p, 0, p.length);
            n++;
        }
        return n;
    }

    @Benchmark
    public int twoMessagesAndSack() {
        now += 1000;
        a.send(1, 53, msg, 0, msg.length, SendOptions.RELIABLE);
        a.send(1, 53, msg, 0, msg.length, SendOptions.RELIABLE);
        int n = shuttle();
        n += shuttle();
        SctpEvent e;
        while ((e = b.pollEvent()) != null) {
            n += e.hashCode() & 1;
        }
        while (a.pollEvent() != null) {
            n++;
        }
        return n;
    }
}
