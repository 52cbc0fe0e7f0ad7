package org.jwebrtc.benchmarks.handoff;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jctools.queues.MpscArrayQueue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Control;

/**
 * The application → event-loop command handoff of {@code peerconnection} (DESIGN.md §2): one
 * application thread offers commands, the loop thread polls them, as a JMH {@link Group} of the two
 * threads sharing one queue. {@code queue} picks JCTools {@code MpscArrayQueue} (what
 * {@code peerconnection} and Netty's own task queue use) or the JDK's {@code ConcurrentLinkedQueue}
 * and {@code LinkedBlockingQueue} as the references.
 *
 * <p>Every queue is held to the same bound ({@link #CAPACITY} commands in flight, the loop publishes
 * how far it got every 64 polls) so the unbounded {@code ConcurrentLinkedQueue} cannot run away with
 * the heap when the loop thread is descheduled; the bounded queues never hit their own limit first.
 * Both sides spin (with {@link Thread#onSpinWait}) rather than park, as a busy event loop does, and
 * leave their spin as soon as JMH ends the iteration ({@link Control#stopMeasurement}). The score of
 * the group is the time per handed-over command; B/op shows the JDK queues' node per command.
 * Needs two hardware threads to mean anything; on a loaded 2-core machine expect wide error bars.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HandoffBenchmark {
    static final int CAPACITY = 1024;
    private static final int PUBLISH_EVERY = 64;
    private static final Object COMMAND = new Object();

    /** The queue both threads share, and the loop's progress for the common in-flight bound. */
    @State(Scope.Group)
    public static class Channel {
        @Param({"MpscArrayQueue", "ConcurrentLinkedQueue", "LinkedBlockingQueue"})
        public String queue;

        Queue<Object> q;
        final AtomicLong consumed = new AtomicLong();

        @Setup(Level.Iteration)
        public void setup() {
            q = switch (queue) {
                case "MpscArrayQueue" -> new MpscArrayQueue<>(CAPACITY * 2);
                case "ConcurrentLinkedQueue" -> new ConcurrentLinkedQueue<>();
                case "LinkedBlockingQueue" -> new LinkedBlockingQueue<>(CAPACITY * 2);
                default -> throw new IllegalArgumentException(queue);
            };
            consumed.set(0);
        }
    }

    /** The application thread's count of commands offered. */
    @State(Scope.Thread)
    public static class Producer {
        long produced;

        @Setup(Level.Iteration)
        public void reset() {
            produced = 0;
        }
    }

    /** The loop thread's count of commands taken. */
    @State(Scope.Thread)
    public static class Consumer {
        long taken;

        @Setup(Level.Iteration)
        public void reset() {
            taken = 0;
        }
    }

    @Benchmark
    @Group("handoff")
    @GroupThreads(1)
    public boolean offer(Channel ch, Producer p, Control control) {
        while (p.produced - ch.consumed.get() >= CAPACITY || !ch.q.offer(COMMAND)) {
            if (control.stopMeasurement) {
                return false;
            }
            Thread.onSpinWait();
        }
        p.produced++;
        return true;
    }

    @Benchmark
    @Group("handoff")
    @GroupThreads(1)
    public Object poll(Channel ch, Consumer c, Control control) {
        Object o;
        while ((o = ch.q.poll()) == null) {
            if (control.stopMeasurement) {
                return null;
            }
            Thread.onSpinWait();
        }
        if (++c.taken % PUBLISH_EVERY == 0) {
            ch.consumed.lazySet(c.taken);
        }
        return o;
    }
}
