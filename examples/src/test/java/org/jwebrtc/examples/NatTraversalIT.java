package org.jwebrtc.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jwebrtc.testsupport.ExternalProcess;
import org.jwebrtc.testsupport.NatLab;
import org.jwebrtc.testsupport.NatLab.NatType;
import org.jwebrtc.testsupport.NatLab.Site;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code webrtc} CLI across real Linux NATs ({@link NatLab}: network namespaces, nftables masquerade, addresses
 * in 198.18.0.0/15 only; nothing leaves the namespaces). In the public namespace run {@code signaling-server} (which
 * hands out the TURN server through GetIceServerConfig) and {@code turn-server} (which also answers STUN Binding);
 * each scenario is a {@code master} behind one NAT and a {@code viewer} behind another, on its own channel:
 * <ul>
 *   <li>port-restricted cone NATs, STUN only ({@code --no-relay}): the peers meet on server-reflexive candidates;</li>
 *   <li>symmetric NATs, STUN only: no candidate pair works, ICE fails (after its check timeouts, ~35 s) and the viewer
 *       says so and exits 1;</li>
 *   <li>symmetric NATs with TURN: ICE finds that only the relay works and the video flows through it.</li>
 * </ul>
 * The three scenarios run at once (the failing one mostly waits), so the class takes about as long as the ICE failure.
 * Skipped (assumption) unless run as root with iproute2 and nftables, as CI does.
 */
class NatTraversalIT {
    private static final Duration START = Duration.ofSeconds(120);   // JVM start + signaling, on a loaded machine
    private static final String SIGNALING = "http://" + NatLab.PUBLIC_ADDRESS + ":8080";
    private static final String STUN = NatLab.PUBLIC_ADDRESS + ":3478";
    private static final String TURN_SECRET = "nat-lab-secret";

    private static NatLab lab;
    private static final List<ExternalProcess> processes = new ArrayList<>();
    private static final Map<String, Scenario> scenarios = new ConcurrentHashMap<>();

    private record Scenario(Site masterSite, Site viewerSite, ExternalProcess master, ExternalProcess viewer) {}

    @BeforeAll
    static void startTheLab() throws Exception {
        NatLab.assumeAvailable();
        lab = NatLab.create();
        ExternalProcess turn = cli("turn-server", lab.publicNamespace(), "turn-server", "--listen", STUN,
                "--secret", TURN_SECRET, "--relay-ip", NatLab.PUBLIC_ADDRESS);
        ExternalProcess signaling = cli("signaling-server", lab.publicNamespace(), "signaling-server",
                "--bind", NatLab.PUBLIC_ADDRESS, "--port", "8080",
                "--turn", "turn:" + STUN + "?transport=udp", "--turn-secret", TURN_SECRET);
        // the failing scenario first: it has the longest wait ahead
        Map<String, Site[]> sites = new LinkedHashMap<>();
        sites.put("fail", new Site[] {lab.addSite("cam-b", NatType.SYMMETRIC),
                lab.addSite("view-b", NatType.SYMMETRIC)});
        sites.put("srflx", new Site[] {lab.addSite("cam-a", NatType.PORT_RESTRICTED),
                lab.addSite("view-a", NatType.PORT_RESTRICTED)});
        sites.put("relay", new Site[] {lab.addSite("cam-c", NatType.SYMMETRIC),
                lab.addSite("view-c", NatType.SYMMETRIC)});
        turn.awaitLine(l -> l.startsWith("TURN server on"), START);
        signaling.awaitLine(l -> l.startsWith("KVS-compatible signaling on"), START);

        // Sanity of the lab, and a warm STUN server (peers give a STUN server 1 s): a Binding from behind a
        // port-restricted NAT comes back with the router's public address and the host's own port.
        Site probe = sites.get("srflx")[1];
        ExternalProcess binding = cli("binding", probe.hostNamespace(), "stun", "binding", STUN);
        assertThat(binding.waitFor(START)).as("%s", binding.output()).isZero();
        assertThat(binding.output()).anyMatch(l -> l.startsWith(probe.publicAddress() + ":"));

        Map<String, ExternalProcess> masters = new ConcurrentHashMap<>();
        for (var e : sites.entrySet()) {
            List<String> args = new ArrayList<>(List.of("master", "--channel", "nat-" + e.getKey(), "--endpoint",
                    SIGNALING, "--create-channel", "--host", e.getValue()[0].hostAddress(), "--stun", STUN));
            if (!e.getKey().equals("relay")) {
                args.add("--no-relay");
            }
            masters.put(e.getKey(), cli("master-" + e.getKey(), e.getValue()[0].hostNamespace(),
                    args.toArray(String[]::new)));
        }
        for (var e : sites.entrySet()) {
            masters.get(e.getKey()).awaitLine(l -> l.startsWith("master connected to signaling"), START);
            List<String> args = new ArrayList<>(List.of("viewer", "--channel", "nat-" + e.getKey(), "--endpoint",
                    SIGNALING, "--host", e.getValue()[1].hostAddress(), "--stun", STUN, "--seconds", "3",
                    "--connect-timeout", "90"));
            if (!e.getKey().equals("relay")) {
                args.add("--no-relay");
            }
            ExternalProcess viewer = cli("viewer-" + e.getKey(), e.getValue()[1].hostNamespace(),
                    args.toArray(String[]::new));
            scenarios.put(e.getKey(), new Scenario(e.getValue()[0], e.getValue()[1], masters.get(e.getKey()), viewer));
            // one viewer gathering at a time: a cold JVM's STUN and TURN exchanges then have the CPU to themselves
            viewer.awaitLine(l -> l.startsWith("viewer: connection ") || l.startsWith("viewer: gave up"), START);
        }
    }

    /** Runs {@code webrtc ARGS} in {@code namespace}: the shaded jar when packaged, else this test's class path. */
    private static ExternalProcess cli(String name, String namespace, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx256m"));   // eight JVMs on two cores
        Path jar = Path.of("target", "jwebrtc-examples.jar");
        if (Files.isRegularFile(jar)) {
            cmd.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        } else {
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), WebrtcCli.class.getName()));
        }
        cmd.addAll(List.of(args));
        ExternalProcess p = ExternalProcess.start(name, NatLab.inNamespace(namespace, cmd));
        synchronized (processes) {
            processes.add(p);
        }
        return p;
    }

    /** The viewer's exit code once it is done (connected and watched, or gave up). */
    private static int finish(Scenario s) throws InterruptedException {
        int code = s.viewer().waitFor(Duration.ofSeconds(180));
        System.out.println("NatTraversalIT " + s.masterSite().type() + " -> " + s.viewerSite().type() + ": exit "
                + code + ", " + s.viewer().output().stream().filter(l -> l.startsWith("viewer: connected ")
                || l.startsWith("viewer: gave up") || l.startsWith("viewer: no connection")).findFirst().orElse("-")
                + ", pair " + lastPair(s));
        return code;
    }

    private static String describe(Scenario s) {
        return "viewer:\n" + String.join("\n", s.viewer().output()) + "\nmaster:\n"
                + String.join("\n", s.master().output());
    }

    private static String lastPair(Scenario s) {
        String pair = null;
        for (String l : s.viewer().output()) {
            int i = l.indexOf("| pair ");
            if (i >= 0) {
                pair = l.substring(i + 7).trim();
            }
        }
        return pair;
    }

    @Test
    void portRestrictedNatsMeetOnServerReflexiveCandidates() throws Exception {
        Scenario s = scenarios.get("srflx");
        int code = finish(s);
        assertThat(code).as(describe(s)).isZero();
        assertThat(s.viewer().output()).as(describe(s))
                .contains("viewer: local candidate srflx " + s.viewerSite().publicAddress() + ":"
                        + port(s, s.viewerSite().hostAddress()) + " udp")
                .anyMatch(l -> l.startsWith("viewer: connected "));
        // the viewer's mapping towards the camera is the one the STUN server saw, and the camera is reached at its
        // router's public address: the pair the viewer reports is server-reflexive on its side (the remote may be
        // learnt as peer-reflexive when the camera's check beats its trickled candidate)
        assertThat(lastPair(s)).as(describe(s)).matches("srflx " + Pattern.quote(s.viewerSite().publicAddress())
                + ":\\d+ -> (srflx|prflx) " + Pattern.quote(s.masterSite().publicAddress()) + ":\\d+");
    }

    @Test
    void symmetricNatsFailWithStunOnly() throws Exception {
        Scenario s = scenarios.get("fail");
        int code = finish(s);
        assertThat(code).as(describe(s)).isEqualTo(1);
        assertThat(s.viewer().output()).as(describe(s))
                .anyMatch(l -> l.startsWith("viewer: local candidate srflx " + s.viewerSite().publicAddress() + ":"))
                .noneMatch(l -> l.startsWith("viewer: connected "))
                .noneMatch(l -> l.contains("no connection within"));
        // ICE itself declared failure (every check timed out, end-of-candidates from both sides), in bounded time:
        // 7 requests with the RTO doubling from 500 ms to 8 s, then 16 RTOs of waiting, is about 31.5 s per pair
        String gaveUp = s.viewer().output().stream().filter(l -> l.startsWith("viewer: gave up: ICE failed"))
                .findFirst().orElseThrow(() -> new AssertionError(describe(s)));
        Matcher m = Pattern.compile("ICE failed (\\d+) ms after the offer").matcher(gaveUp);
        assertThat(m.find()).isTrue();
        assertThat(Long.parseLong(m.group(1))).as(describe(s)).isLessThan(75_000);
    }

    @Test
    void symmetricNatsConnectThroughTheRelay() throws Exception {
        Scenario s = scenarios.get("relay");
        int code = finish(s);
        assertThat(code).as(describe(s)).isZero();
        assertThat(s.viewer().output()).as(describe(s))
                .anyMatch(l -> l.startsWith("viewer: local candidate relay " + NatLab.PUBLIC_ADDRESS + ":"))
                .anyMatch(l -> l.startsWith("viewer: connected "));
        assertThat(lastPair(s)).as(describe(s)).contains("relay " + NatLab.PUBLIC_ADDRESS + ":");
    }

    /** The host port behind the viewer's candidates (a port-restricted NAT keeps it). */
    private static String port(Scenario s, String hostAddress) {
        for (String l : s.viewer().output()) {
            String prefix = "viewer: local candidate host " + hostAddress + ":";
            if (l.startsWith(prefix)) {
                return l.substring(prefix.length()).split(" ")[0];
            }
        }
        throw new AssertionError("no host candidate on " + hostAddress + "\n" + describe(s));
    }

    @AfterAll
    static void stopTheLab() {
        synchronized (processes) {
            for (ExternalProcess p : processes) {
                p.close();
            }
            processes.clear();
        }
        scenarios.clear();
        if (lab != null) {
            lab.close();
            lab = null;
        }
    }
}
