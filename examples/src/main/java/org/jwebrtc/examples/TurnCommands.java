package org.jwebrtc.examples;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jwebrtc.turn.NettyTurnClient;
import org.jwebrtc.turn.TurnClientConfig;
import org.jwebrtc.turn.TurnEvent;
import org.jwebrtc.turn.TurnServer;
import org.jwebrtc.turn.TurnServerConfig;
import org.jwebrtc.turn.TurnTransport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code webrtc turn allocate} and {@code webrtc turn-server}. */
final class TurnCommands {
    private TurnCommands() {}

    @Command(name = "turn", description = "TURN tools.", subcommands = {Allocate.class})
    static final class Turn {
    }

    @Command(name = "allocate", description = "Allocate a relay on a TURN server and print the relayed address.")
    static final class Allocate implements Callable<Integer> {
        @Parameters(paramLabel = "HOST:PORT", description = "The TURN server.")
        String server;
        @Option(names = "--user", required = true)
        String user;
        @Option(names = "--password", required = true)
        String password;
        @Option(names = "--transport", defaultValue = "udp", description = "udp (default) or tcp.")
        String transport;
        @Option(names = "--timeout", defaultValue = "10", description = "Seconds to wait (default 10).")
        int timeoutSeconds;

        @Override
        public Integer call() {
            TurnTransport t;
            InetSocketAddress address;
            try {
                t = TurnTransport.valueOf(transport.toUpperCase(Locale.ROOT));
                address = HostPort.parse(server);
            } catch (IllegalArgumentException e) {
                System.err.println("turn allocate: " + e.getMessage());
                return 2;
            }
            try (NettyTurnClient client = NettyTurnClient.create(TurnClientConfig.of(address, t, user, password))) {
                TurnEvent.Allocated a = client.allocate().get(timeoutSeconds, TimeUnit.SECONDS);
                System.out.println("relayed " + a.relayed().getAddress().getHostAddress() + ":" + a.relayed().getPort()
                        + " mapped " + a.mapped().getAddress().getHostAddress() + ":" + a.mapped().getPort()
                        + " lifetime " + a.lifetimeSeconds() + " s (" + t.name().toLowerCase(Locale.ROOT) + ")");
                return 0;
            } catch (ExecutionException e) {
                System.err.println("turn allocate: " + e.getCause().getMessage());
                return 1;
            } catch (TimeoutException e) {
                System.err.println("turn allocate: no answer from " + server + " within " + timeoutSeconds + " s");
                return 1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            } catch (Exception e) {   // Netty rethrows connect failures (checked) unchecked
                System.err.println("turn allocate: " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "turn-server", description = "Run the embedded TURN server (UDP + TCP) until interrupted.")
    static final class Server implements Callable<Integer> {
        @Option(names = "--listen", defaultValue = "127.0.0.1:3478", description = "HOST:PORT (default 127.0.0.1:3478).")
        String listen;
        @Option(names = "--realm", defaultValue = "jwebrtc")
        String realm;
        @Option(names = "--user", description = "USER:PASSWORD (long-term credentials; repeatable).")
        List<String> users = new ArrayList<>();
        @Option(names = "--secret", description = "TURN REST API shared secret (time-limited credentials, as KVS).")
        String secret;
        @Option(names = "--relay-ip", defaultValue = "127.0.0.1")
        String relayIp;
        @Option(names = "--allow-loopback-peers", description = "Relay to 127.0.0.0/8 peers (tests, local demo).")
        boolean allowLoopbackPeers;
        @Option(names = "--seconds", defaultValue = "0", description = "Stop after this long (0: run until killed).")
        int seconds;

        @Override
        public Integer call() throws Exception {
            TurnServerConfig.Builder b = TurnServerConfig.builder(realm);
            try {
                for (String u : users) {
                    int colon = u.indexOf(':');
                    if (colon <= 0) {
                        throw new IllegalArgumentException("--user expects USER:PASSWORD, got '" + u + "'");
                    }
                    b.user(u.substring(0, colon), u.substring(colon + 1));
                }
                if (secret != null) {
                    b.restSecret(secret);
                }
                if (users.isEmpty() && secret == null) {
                    throw new IllegalArgumentException("give --user USER:PASSWORD or --secret SECRET");
                }
                b.relayAddress(InetAddress.getByName(relayIp)).allowLoopbackPeers(allowLoopbackPeers);
                InetSocketAddress address = HostPort.parse(listen);
                try (TurnServer server = TurnServer.start(b.build(), address)) {
                    System.out.println("TURN server on udp " + server.udpAddress() + " and tcp " + server.tcpAddress()
                            + ", realm " + realm + ", relaying from " + relayIp);
                    if (seconds > 0) {
                        Thread.sleep(Duration.ofSeconds(seconds).toMillis());
                    } else {
                        new CountDownLatch(1).await();
                    }
                    System.out.println("stats " + server.stats());
                }
                return 0;
            } catch (IllegalArgumentException e) {
                System.err.println("turn-server: " + e.getMessage());
                return 2;
            }
        }
    }
}
