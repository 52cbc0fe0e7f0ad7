package org.jwebrtc.sctp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** RFC 6525 Outgoing SSN Reset: data before the reset arrives first, SSNs restart at 0 afterwards. */
class StreamResetSimulationTest {
    private static VirtualNetwork connected(long seed) {
        SctpConfig cfg = HandshakeSimulationTest.config();
        var net = new VirtualNetwork(new SctpAssociation(cfg, new Random(seed)),
                new SctpAssociation(cfg, new Random(seed + 1)), seed);
        net.a.connect(0);
        assertThat(net.runUntil(net::connected, VirtualNetwork.seconds(5))).isTrue();
        return net;
    }

    @Test
    void resetAfterQueuedDataUnderLoss() {
        for (long seed = 0; seed < 10; seed++) {
            var net = connected(seed);
            net.lossy(0.15, 0.05, 0.3);
            for (int i = 0; i < 50; i++) {
                assertThat(net.a.send(1, 51, new byte[] {(byte) i}, 0, 1, SendOptions.RELIABLE)).isTrue();
            }
            net.a.resetStreams(1);
            assertThatThrownBy(() -> net.a.send(1, 51, new byte[] {1}, 0, 1, SendOptions.RELIABLE))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(net.runUntil(() -> net.eventsB.stream().anyMatch(e -> e instanceof SctpEvent.StreamReset),
                    VirtualNetwork.seconds(120))).as("seed " + seed).isTrue();
            int messages = 0;
            for (SctpEvent e : net.eventsB) {
                if (e instanceof SctpEvent.StreamReset r) {
                    assertThat(r.streamIds()).containsExactly(1);
                    break;
                }
                if (e instanceof SctpEvent.MessageReceived m) {
                    assertThat(m.data()[0]).isEqualTo((byte) messages++);
                }
            }
            assertThat(messages).as("all data before the reset event").isEqualTo(50);
            // once the response is in, the stream is usable again with SSN 0
            assertThat(net.runUntil(() -> {
                try {
                    return net.a.send(1, 51, new byte[] {99}, 0, 1, SendOptions.RELIABLE);
                } catch (IllegalStateException stillResetting) {
                    return false;
                }
            }, net.now + VirtualNetwork.seconds(120))).isTrue();
            assertThat(net.runUntil(() -> net.receivedB == 51, net.now + VirtualNetwork.seconds(120))).isTrue();
        }
    }

    @Test
    void bothSidesResetTheSameStream() {
        var net = connected(3);
        net.a.resetStreams(5);
        net.b.resetStreams(5);
        assertThat(net.runUntil(() -> net.eventsA.stream().anyMatch(e -> e instanceof SctpEvent.StreamReset)
                && net.eventsB.stream().anyMatch(e -> e instanceof SctpEvent.StreamReset),
                VirtualNetwork.seconds(10))).isTrue();
    }
}
