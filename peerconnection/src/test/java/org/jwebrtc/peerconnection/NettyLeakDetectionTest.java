package org.jwebrtc.peerconnection;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The module's tests run under Netty's paranoid leak detector, and a leak is seen ({@link NettyLeakCheck} works). */
class NettyLeakDetectionTest {
    @Test
    void paranoidDetectionWithTheRecordingDetectorIsOn() {
        assertThat(ResourceLeakDetector.getLevel()).isEqualTo(ResourceLeakDetector.Level.PARANOID);
        PooledByteBufAllocator.DEFAULT.directBuffer(1).release();
        assertThat(LeakRecordingDetector.installed()).as("io.netty.customResourceLeakDetector took effect").isTrue();
    }

    @Test
    void aBufferNeverReleasedIsReported() throws Exception {
        leakOne();
        List<String> leaks = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (leaks.isEmpty() && System.nanoTime() - deadline < 0) {
            leaks.addAll(NettyLeakCheck.collect());   // taken here, so the after-each check sees none
        }
        assertThat(leaks).isNotEmpty();
        assertThat(leaks.get(0)).startsWith("LEAK: ByteBuf.release() was not called")
                .contains("leakOne");   // paranoid: the allocation's stack trace is recorded
    }

    private static void leakOne() {
        ByteBuf leaked = PooledByteBufAllocator.DEFAULT.directBuffer(64);
        leaked.writeLong(42);
    }
}
