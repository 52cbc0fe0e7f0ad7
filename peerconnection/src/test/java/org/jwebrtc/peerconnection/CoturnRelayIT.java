package org.jwebrtc.peerconnection;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jwebrtc.testsupport.ExternalProcess;
import org.jwebrtc.testsupport.Loopback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two Java peers on iceTransportPolicy RELAY through coturn's turnserver on 127.0.0.1 over UDP: allocations,
 * permissions, channel binding and the whole ICE/DTLS/SCTP exchange through a third-party TURN server.
 */
class CoturnRelayIT {
    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    @Test
    void relayPolicyPeersConnectThroughCoturnAndEcho() throws Exception {
        Path turnserver = ExternalProcess.which("turnserver").orElse(null);
        assumeTrue(turnserver != null, "coturn's turnserver is not installed");
        int port = Loopback.freeUdpPort();
        if (port > 60_000) {
            port = 40_000 + (port % 10_000);   // relays take the next 200 ports
        }
        Path dir = Files.createTempDirectory("pc-coturn");
        ExternalProcess coturn = ExternalProcess.start("turnserver", List.of(turnserver.toString(), "-n",
                "--listening-ip=127.0.0.1", "--listening-port=" + port, "--relay-ip=127.0.0.1",
                "--min-port=" + (port + 1), "--max-port=" + (port + 200),
                "--no-tls", "--no-dtls", "--no-tcp", "--no-cli", "--allow-loopback-peers", "--realm=jwebrtc.test",
                "--log-file=stdout", "--simple-log", "--pidfile=" + dir.resolve("turnserver.pid"),
                "--userdb=" + dir.resolve("turndb"), "--lt-cred-mech", "--user=alice:wonderland"));
        open.add(coturn);
        coturn.awaitLine(l -> l.contains("Total General servers"), Duration.ofSeconds(20));
        Thread.sleep(300);   // the listeners bind right after that line
        TurnRelayDataChannelTest.connectAndEcho(new InetSocketAddress(Loopback.ipv4(), port), "alice", "wonderland",
                open);
    }
}
