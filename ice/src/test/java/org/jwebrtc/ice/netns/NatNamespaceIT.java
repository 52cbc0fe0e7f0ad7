package org.jwebrtc.ice.netns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jwebrtc.testsupport.ExternalProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Real sockets through real Linux NATs: five network namespaces (peer A, NAT A, a "public" bridge with a STUN server,
 * NAT B, peer B), addresses from 198.18.0.0/15 only, NAT by nftables masquerade (conntrack: endpoint-independent
 * mapping, address-and-port-dependent filtering, i.e. port-restricted) or masquerade {@code fully-random}
 * (a new port per destination: symmetric). Nothing leaves the machine. Skipped unless run as root with {@code ip}
 * and {@code nft} installed.
 */
class NatNamespaceIT {
    private static final String STUN = "198.18.0.1:3478";
    private final String prefix = "jwice" + ProcessHandle.current().pid() % 100000;
    private final List<ExternalProcess> processes = new ArrayList<>();
    private final List<String> namespaces = new ArrayList<>();
    /** Signalling lines of A and B already relayed. */
    private int seenA;
    private int seenB;

    private String ns(String name) {
        return prefix + name;
    }

    private static void sh(String script) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sh", "-ec", script).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("setup failed: " + script + "\n" + out);
        }
    }

    private void requireRootWithNft() {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root for network namespaces");
        assumeTrue(ExternalProcess.which("ip").isPresent(), "needs iproute2");
        assumeTrue(ExternalProcess.which("nft").isPresent(), "needs nftables (apt-get install nftables)");
    }

    /** Builds the topology; {@code symmetric} selects fully-random masquerade on both NATs. */
    private void topology(boolean symmetric) throws Exception {
        for (String n : List.of("a", "na", "pub", "nb", "b")) {
            sh("ip netns add " + ns(n) + " && ip -n " + ns(n) + " link set lo up");
            namespaces.add(ns(n));
        }
        sh("ip -n " + ns("pub") + " link add br0 type bridge && ip -n " + ns("pub")
                + " addr add 198.18.0.1/24 dev br0 && ip -n " + ns("pub") + " link set br0 up");
        String masquerade = symmetric ? "masquerade fully-random" : "masquerade";
        int i = 0;
        for (String side : List.of("a", "b")) {
            i++;
            String nat = ns("n" + side);
            String peer = ns(side);
            sh("ip -n " + nat + " link add out0 type veth peer name p" + side + " netns " + ns("pub")
                    + " && ip -n " + ns("pub") + " link set p" + side + " master br0 up"
                    + " && ip -n " + nat + " addr add 198.18.0.1" + i + "/24 dev out0 && ip -n " + nat
                    + " link set out0 up"
                    + " && ip -n " + nat + " link add in0 type veth peer name eth0 netns " + peer
                    + " && ip -n " + nat + " addr add 198.18." + i + ".1/24 dev in0 && ip -n " + nat
                    + " link set in0 up"
                    + " && ip -n " + peer + " addr add 198.18." + i + ".2/24 dev eth0 && ip -n " + peer
                    + " link set eth0 up && ip -n " + peer + " route add default via 198.18." + i + ".1"
                    + " && ip netns exec " + nat + " sysctl -q -w net.ipv4.ip_forward=1"
                    + " && ip netns exec " + nat + " nft add table ip nat"
                    + " && ip netns exec " + nat
                    + " nft 'add chain ip nat postrouting { type nat hook postrouting priority 100 ; }'"
                    + " && ip netns exec " + nat + " nft add rule ip nat postrouting oifname out0 " + masquerade
                    // Unsolicited UDP for the router itself is dropped before conntrack confirms an entry for it:
                    // such an entry would make the peer's later outbound flow clash and get another port.
                    + " && ip netns exec " + nat + " nft add table ip filter"
                    + " && ip netns exec " + nat
                    + " nft 'add chain ip filter input { type filter hook input priority 0 ; }'"
                    + " && ip netns exec " + nat + " nft add rule ip filter input iifname out0 meta l4proto udp drop");
        }
    }

    private ExternalProcess java(String name, String namespace, Class<?> main, String... args) {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", namespace,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(List.of(args));
        ExternalProcess p = ExternalProcess.start(name, cmd);
        processes.add(p);
        return p;
    }

    /** Runs two peers and relays their signalling lines until both report {@code until} (or the timeout). */
    private void exchange(ExternalProcess a, ExternalProcess b, String until, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        OutputStream toA = a.process().getOutputStream();
        OutputStream toB = b.process().getOutputStream();
        while (System.nanoTime() < end) {
            seenA = relay(a.output(), seenA, toB);
            seenB = relay(b.output(), seenB, toA);
            if (a.output().stream().anyMatch(l -> l.startsWith(until))
                    && b.output().stream().anyMatch(l -> l.startsWith(until))) {
                return;
            }
            Thread.sleep(20);
        }
    }

    private static int relay(List<String> lines, int seen, OutputStream to) throws IOException {
        for (; seen < lines.size(); seen++) {
            String l = lines.get(seen);
            if (l.startsWith("CREDS ") || l.startsWith("CAND ") || l.equals("EOC")) {
                to.write((l + "\n").getBytes(StandardCharsets.UTF_8));
                to.flush();
            }
        }
        return seen;
    }

    private void startStun() throws Exception {
        ExternalProcess stun = java("stun", ns("pub"), NetnsStunServer.class, "198.18.0.1", "3478");
        stun.awaitLine(l -> l.equals("READY"), Duration.ofSeconds(20));
    }

    @Test
    void portRestrictedNatsConnectThroughServerReflexiveCandidates() throws Exception {
        requireRootWithNft();
        topology(false);
        startStun();
        ExternalProcess a = java("peerA", ns("a"), NetnsPeer.class, "controlling", "198.18.1.2", "10000", STUN);
        ExternalProcess b = java("peerB", ns("b"), NetnsPeer.class, "controlled", "198.18.2.2", "20000", STUN);
        exchange(a, b, "SELECTED", Duration.ofSeconds(30));
        exchange(a, b, "DATA", Duration.ofSeconds(10)); // the controlled side may see data before A's nomination ends
        assertThat(a.output()).as("A: %s%nB: %s", a.output(), b.output())
                .anyMatch(l -> l.startsWith("CAND ") && l.contains("typ srflx"))
                .anyMatch(l -> l.startsWith("SELECTED ") && l.contains("198.18.0.12"))
                .contains("DATA hello from controlled");
        assertThat(b.output()).contains("DATA hello from controlling");
    }

    @Test
    void symmetricNatsOnBothSidesFailWithoutARelay() throws Exception {
        requireRootWithNft();
        topology(true);
        startStun();
        ExternalProcess a = java("peerA", ns("a"), NetnsPeer.class, "controlling", "198.18.1.2", "10000", STUN);
        ExternalProcess b = java("peerB", ns("b"), NetnsPeer.class, "controlled", "198.18.2.2", "20000", STUN);
        exchange(a, b, "STATE FAILED", Duration.ofSeconds(40));
        assertThat(a.output()).as("A: %s%nB: %s", a.output(), b.output())
                .anyMatch(l -> l.startsWith("CAND ") && l.contains("typ srflx"))
                .contains("STATE FAILED").noneMatch(l -> l.startsWith("SELECTED "));
        assertThat(b.output()).contains("STATE FAILED");
    }

    @AfterEach
    void tearDown() throws Exception {
        for (ExternalProcess p : processes) {
            p.close();
        }
        for (String n : namespaces) {
            new ProcessBuilder("ip", "netns", "del", n).start().waitFor();
        }
    }
}
