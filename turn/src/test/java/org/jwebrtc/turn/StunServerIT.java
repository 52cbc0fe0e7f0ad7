package org.jwebrtc.turn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jwebrtc.testsupport.ExternalProcess;
import org.jwebrtc.testsupport.Loopback;
import org.junit.jupiter.api.Test;

/** coturn's own STUN client against our StunServer. */
class StunServerIT {

    @Test
    void coturnStunClientSeesItsMappedAddress() throws Exception {
        Path client = ExternalProcess.which("turnutils_stunclient").orElse(null);
        assumeTrue(client != null, "coturn's turnutils_stunclient is not installed");
        try (StunServer server = StunServer.start(new InetSocketAddress(Loopback.ipv4(), 0))) {
            int port = Loopback.require(server.localAddress()).getPort();
            try (ExternalProcess p = ExternalProcess.start("turnutils_stunclient",
                    List.of(client.toString(), "-p", Integer.toString(port), "127.0.0.1"))) {
                String line = p.awaitLine(l -> l.contains("reflexive addr"), Duration.ofSeconds(20));
                assertThat(line).containsPattern("UDP reflexive addr: 127\\.0\\.0\\.1:\\d+");
                assertThat(p.waitFor(Duration.ofSeconds(20))).isZero();
            }
            assertThat(server.stats().successes()).isPositive();
        }
    }
}
