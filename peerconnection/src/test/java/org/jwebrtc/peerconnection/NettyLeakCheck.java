package org.jwebrtc.peerconnection;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * After every test of this module (registered for all of them through META-INF/services and
 * junit-platform.properties): collects garbage, lets Netty's leak detector look at what was collected, and fails
 * the test if a buffer was leaked. Reports land in {@link LeakRecordingDetector}.
 */
public final class NettyLeakCheck implements AfterEachCallback {
    private static final int ROUNDS = 3;

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        List<String> leaks = collect();
        if (!leaks.isEmpty()) {
            throw new AssertionError(leaks.size() + " Netty buffer leak(s) during " + context.getDisplayName()
                    + ":\n" + String.join("\n\n", leaks));
        }
    }

    /** Runs GC a few times and has the detector poll its reference queue (it does so on each new tracked buffer). */
    static List<String> collect() throws InterruptedException {
        for (int i = 0; i < ROUNDS; i++) {
            System.gc();
            Thread.sleep(20);
            ByteBuf probe = PooledByteBufAllocator.DEFAULT.directBuffer(1);
            probe.release();
        }
        return LeakRecordingDetector.drain();
    }
}
