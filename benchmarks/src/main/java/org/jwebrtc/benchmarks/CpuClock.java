package org.jwebrtc.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * This thread's CPU time, for the CPU-time companions of the JMH benchmarks: on a shared, oversubscribed machine
 * time spent descheduled is not charged to the code under test.
 */
public final class CpuClock {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuClock() {}

    public static long threadCpuNanos() {
        return THREADS.getCurrentThreadCpuTime();
    }
}
