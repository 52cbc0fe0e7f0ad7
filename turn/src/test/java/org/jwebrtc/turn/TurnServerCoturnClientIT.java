package org.jwebrtc.turn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jwebrtc.testsupport.ExternalProcess;
import org.jwebrtc.testsupport.Loopback;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * coturn's own TURN client ({@code turnutils_uclient -y}: two allocations relaying to each other through
 * their relay addresses, EVEN-PORT included) against our TurnServer on 127.0.0.1, over UDP and TCP, with
 * Send/Data indications ({@code -s}). Without {@code -s} coturn 4.6 binds channels from the RFC 5766 range
 * (0x4000-0x7FFF, e.g. 0x7FDA), which RFC 8656 §11.2 narrowed to 0x4000-0x4FFF: our server answers 400.
 */
class TurnServerCoturnClientIT {

    @ParameterizedTest
    @ValueSource(strings = {"udp-send", "tcp-send", "udp-channel"})
    void coturnClientRelaysThroughOurServer(String mode) throws Exception {
        Path uclient = ExternalProcess.which("turnutils_uclient").orElse(null);
        assumeTrue(uclient != null, "coturn's turnutils_uclient is not installed");
        try (TurnServer server = TurnServer.start(TurnServerConfig.builder("jwebrtc.test").user("alice", "wonderland")
                .allowLoopbackPeers(true).build(), new InetSocketAddress(Loopback.ipv4(), 0))) {
            int port = Loopback.require(server.udpAddress()).getPort();
            List<String> cmd = new ArrayList<>(List.of(uclient.toString(), "-y", "-c", "-n", "20", "-l", "171",
                    "-z", "5", "-u", "alice", "-w", "wonderland", "-L", "127.0.0.1", "-p", Integer.toString(port)));
            if (mode.startsWith("tcp")) {
                cmd.add("-t");
            }
            if (mode.endsWith("send")) {
                cmd.add("-s");
            }
            cmd.add("127.0.0.1");
            try (ExternalProcess p = ExternalProcess.start("turnutils_uclient", cmd)) {
                if (mode.endsWith("channel")) {
                    p.awaitLine(l -> l.contains("channel bind: error 400"), Duration.ofSeconds(60));
                    return;
                }
                String lost = p.awaitLine(l -> l.contains("Total lost packets"), Duration.ofSeconds(60));
                assertThat(p.waitFor(Duration.ofSeconds(30))).isZero();
                assertThat(lost).contains("Total lost packets 0 ");
                // two clients, 20 messages each, all echoed through the other's relay
                assertThat(p.output()).anyMatch(l -> l.contains("tot_send_msgs=40, tot_recv_msgs=40"));
            }
            TurnServerStats s = server.stats();
            assertThat(s.allocationsCreated()).isGreaterThanOrEqualTo(2);
            assertThat(s.relayedToPeers()).isGreaterThanOrEqualTo(40);
            assertThat(s.relayedToClients()).isGreaterThanOrEqualTo(40);
            assertThat(s.permissionDrops()).isZero();
        }
    }
}
