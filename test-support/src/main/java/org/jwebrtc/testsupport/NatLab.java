package org.jwebrtc.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small Internet in network namespaces, for NAT tests: a "public" namespace with a bridge on 198.18.0.1/24 (where a
 * test runs its signaling, STUN and TURN servers) and any number of sites, each a NAT router namespace (public side
 * 198.18.0.N on the bridge) in front of a private host namespace (198.19.I.2/24 behind 198.19.I.1). Routers translate
 * with nftables masquerade:
 * <ul>
 *   <li>{@link NatType#PORT_RESTRICTED}: plain masquerade keeps the source port, so one socket keeps one mapping
 *       for every destination (endpoint-independent mapping, RFC 4787 §4.1), and conntrack lets in only replies from
 *       the exact address and port the host sent to (address-and-port-dependent filtering, §5): a port-restricted
 *       cone, where server-reflexive candidates work;</li>
 *   <li>{@link NatType#SYMMETRIC}: {@code masquerade fully-random} picks a new port for every new destination
 *       (address-and-port-dependent mapping): the mapping a STUN server saw is useless to a peer, only a relay
 *       works.</li>
 * </ul>
 * All addresses are in 198.18.0.0/15 (RFC 2544 benchmarking range) and nothing is routed out of the namespaces this
 * lab made; routers have no default route. Needs root, iproute2 and nftables: {@link #assumeAvailable()} skips the
 * test otherwise. {@link #close()} deletes every namespace, also after a failed setup.
 */
public final class NatLab implements AutoCloseable {
    /** How a site's router maps and filters UDP. */
    public enum NatType { PORT_RESTRICTED, SYMMETRIC }

    /**
     * One site: {@code hostNamespace} runs the test's process on {@code hostAddress}; the router's public address,
     * {@code publicAddress}, is what servers and peers see (the server-reflexive address).
     */
    public record Site(String name, NatType type, String routerNamespace, String hostNamespace, String hostAddress,
                       String publicAddress) {}

    /** The public namespace's address: run servers on it. */
    public static final String PUBLIC_ADDRESS = "198.18.0.1";

    private static final AtomicInteger LABS = new AtomicInteger();

    private final String prefix;
    private final String publicNamespace;
    /** Every namespace created, in creation order: close deletes them all in reverse. */
    private final List<String> namespaces = Collections.synchronizedList(new ArrayList<>());
    private int sites;

    private NatLab() {
        // unique per JVM and lab; short, as namespace names show up in `ip netns` listings
        prefix = "jwnat" + ProcessHandle.current().pid() % 100_000 + "x" + LABS.incrementAndGet();
        publicNamespace = prefix + "pub";
    }

    /** JUnit assumption: root, {@code ip} and {@code nft} (CI installs iproute2 and nftables and runs as root). */
    public static void assumeAvailable() {
        assumeTrue("root".equals(System.getProperty("user.name")),
                "NAT lab needs root for network namespaces (running as " + System.getProperty("user.name") + ")");
        assumeTrue(ExternalProcess.which("ip").isPresent(), "NAT lab needs iproute2 (`ip netns`)");
        assumeTrue(ExternalProcess.which("nft").isPresent(), "NAT lab needs nftables (apt-get install nftables)");
    }

    /** Creates the public namespace with its bridge on {@value #PUBLIC_ADDRESS}/24. */
    public static NatLab create() throws IOException, InterruptedException {
        NatLab lab = new NatLab();
        try {
            lab.addNamespace(lab.publicNamespace);
            lab.ip(lab.publicNamespace, "link", "add", "br0", "type", "bridge");
            lab.ip(lab.publicNamespace, "addr", "add", PUBLIC_ADDRESS + "/24", "dev", "br0");
            lab.ip(lab.publicNamespace, "link", "set", "br0", "up");
            return lab;
        } catch (IOException | InterruptedException | RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    public String publicNamespace() {
        return publicNamespace;
    }

    /** Adds a router and a host behind it; each site gets fresh addresses (198.18.0.10+N and 198.19.N.0/24). */
    public synchronized Site addSite(String name, NatType type) throws IOException, InterruptedException {
        int n = ++sites;
        if (n > 200) {
            throw new IllegalStateException("too many sites in one lab");
        }
        String router = prefix + "r" + n;
        String host = prefix + "h" + n;
        String publicAddress = "198.18.0." + (10 + n);
        String routerInside = "198.19." + n + ".1";
        String hostAddress = "198.19." + n + ".2";
        addNamespace(router);
        addNamespace(host);
        // router <-> public bridge
        ip(router, "link", "add", "out0", "type", "veth", "peer", "name", "s" + n, "netns", publicNamespace);
        ip(publicNamespace, "link", "set", "s" + n, "master", "br0", "up");
        ip(router, "addr", "add", publicAddress + "/24", "dev", "out0");
        ip(router, "link", "set", "out0", "up");
        // router <-> private host
        ip(router, "link", "add", "in0", "type", "veth", "peer", "name", "eth0", "netns", host);
        ip(router, "addr", "add", routerInside + "/24", "dev", "in0");
        ip(router, "link", "set", "in0", "up");
        ip(host, "addr", "add", hostAddress + "/24", "dev", "eth0");
        ip(host, "link", "set", "eth0", "up");
        ip(host, "route", "add", "default", "via", routerInside);
        run(List.of("ip", "netns", "exec", router, "sysctl", "-q", "-w", "net.ipv4.ip_forward=1"), null);
        String masquerade = type == NatType.SYMMETRIC ? "masquerade fully-random" : "masquerade";
        run(List.of("ip", "netns", "exec", router, "nft", "-f", "-"), String.join("\n",
                "table ip nat {",
                "  chain postrouting {",
                "    type nat hook postrouting priority 100; policy accept;",
                "    oifname \"out0\" " + masquerade,
                "  }",
                "}",
                // Unsolicited UDP to the router itself (a peer's check to a mapping that does not exist, or no
                // longer does) is dropped before conntrack confirms an entry for it: such an entry would clash with
                // the host's later outbound flow on that port and push the host onto another port.
                "table ip filter {",
                "  chain input {",
                "    type filter hook input priority 0; policy accept;",
                "    iifname \"out0\" meta l4proto udp drop",
                "  }",
                "}", ""));
        return new Site(name, type, router, host, hostAddress, publicAddress);
    }

    /** Deletes a site's namespaces (its router's conntrack state goes with them). */
    public void removeSite(Site site) {
        deleteNamespace(site.hostNamespace());
        deleteNamespace(site.routerNamespace());
    }

    /** {@code command} run inside {@code namespace}: prefix for {@link ExternalProcess#start}. */
    public static List<String> inNamespace(String namespace, List<String> command) {
        List<String> out = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        out.addAll(command);
        return out;
    }

    private void addNamespace(String ns) throws IOException, InterruptedException {
        run(List.of("ip", "netns", "add", ns), null);
        namespaces.add(ns);
        ip(ns, "link", "set", "lo", "up");
    }

    private void deleteNamespace(String ns) {
        if (namespaces.remove(ns)) {
            try {
                run(List.of("ip", "netns", "del", ns), null);
            } catch (IOException e) {
                System.err.println("NatLab: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void ip(String ns, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ip", "-n", ns));
        cmd.addAll(List.of(args));
        run(cmd, null);
    }

    private static void run(List<String> cmd, String stdin) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", cmd));
        }
        if (p.exitValue() != 0) {
            throw new IOException("failed (" + p.exitValue() + "): " + String.join(" ", cmd) + "\n" + out);
        }
    }

    /** Deletes every namespace this lab created (processes inside should be stopped first). */
    @Override
    public void close() {
        List<String> all;
        synchronized (namespaces) {
            all = new ArrayList<>(namespaces);
        }
        Collections.reverse(all);
        for (String ns : all) {
            deleteNamespace(ns);
        }
    }

    /** For messages: the namespaces that exist now. */
    @Override
    public String toString() {
        return "NatLab" + namespaces;
    }
}
