package org.jwebrtc.peerconnection;

import io.netty.util.ResourceLeakDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Netty's leak detector with the reports kept instead of logged (the tests have no logging backend, where Netty's
 * "LEAK:" error would vanish). Installed for this module's test JVM by the system property
 * {@code io.netty.customResourceLeakDetector} (pom.xml, with {@code io.netty.leakDetection.level=paranoid}: every
 * buffer tracked); {@link NettyLeakCheck} fails a test whose buffers were garbage collected unreleased.
 */
public final class LeakRecordingDetector<T> extends ResourceLeakDetector<T> {
    private static final ConcurrentLinkedQueue<String> LEAKS = new ConcurrentLinkedQueue<>();
    private static volatile boolean installed;

    public LeakRecordingDetector(Class<?> resourceType, int samplingInterval, long maxActive) {
        this(resourceType, samplingInterval);
    }

    public LeakRecordingDetector(Class<?> resourceType, int samplingInterval) {
        super(resourceType, samplingInterval);
        installed = true;
    }

    /** True once Netty created a detector of this class (the system property took effect). */
    static boolean installed() {
        return installed;
    }

    /** The leaks reported so far, removed from the record. */
    static List<String> drain() {
        List<String> out = new ArrayList<>();
        for (String s; (s = LEAKS.poll()) != null; ) {
            out.add(s);
        }
        return out;
    }

    @Override
    protected boolean needReport() {
        return true;   // whether or not a logger would print it
    }

    @Override
    protected void reportTracedLeak(String resourceType, String records) {
        LEAKS.add("LEAK: " + resourceType + ".release() was not called before it was garbage-collected." + records);
    }

    @Override
    protected void reportUntracedLeak(String resourceType) {
        LEAKS.add("LEAK: " + resourceType + ".release() was not called before it was garbage-collected.");
    }
}
