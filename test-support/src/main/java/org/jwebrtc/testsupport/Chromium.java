package org.jwebrtc.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A headless Chromium driven over the DevTools protocol, for Java ↔ browser WebRTC interop tests.
 *
 * <pre>{@code
 * try (Chromium c = Chromium.launch(Chromium.options());
 *      ChromiumPage p = c.newPage()) {
 *     p.navigate(server.uri("/index.html"));
 *     Object two = p.evaluate("1 + 1");          // 2L
 *     byte[] png = p.screenshot();
 * }
 * }</pre>
 *
 * <p>Network rule: Chromium gathers candidates on every interface of the machine (loopback is only
 * added by {@code --allow-loopback-in-peer-connection}), so it may only run where loopback is the
 * only interface: {@link #launch} refuses unless {@link Loopback#isolated()}, i.e. the JVM runs
 * inside {@code unshare -n} with {@code ip link set lo up}.
 *
 * <p>Each instance has a fresh profile in a temp dir; {@link #close} kills the browser's whole
 * process tree and deletes the profile. Thread-safe.
 */
public final class Chromium implements AutoCloseable {
    static final String NOT_ISOLATED = "Chromium may only run inside a loopback-only network"
            + " namespace (it uses every interface of the machine, even with loopback candidates)."
            + " Run the build inside one: unshare -n sh -c 'ip link set lo up && ./mvnw -o -q -pl"
            + " <module> verify' (see .ci/run).";
    static final String LOOPBACK_DOWN = "the loopback interface is down in this network namespace:"
            + " run 'ip link set lo up' first, e.g. unshare -n sh -c 'ip link set lo up && ./mvnw"
            + " -o -q -pl <module> verify' (see .ci/run).";

    private final ChromiumOptions options;
    private final ExternalProcess process;
    private final Path userDataDir;
    private final DevToolsConnection devTools;
    private final URI devToolsUri;
    private final Duration startupTime;

    private Chromium(ChromiumOptions options, ExternalProcess process, Path userDataDir,
                     DevToolsConnection devTools, URI devToolsUri, Duration startupTime) {
        this.options = options;
        this.process = process;
        this.userDataDir = userDataDir;
        this.devTools = devTools;
        this.devToolsUri = devToolsUri;
        this.startupTime = startupTime;
    }

    /** Default options: the standard flags, no mDNS hiding, 60 s startup and 30 s command timeouts. */
    public static ChromiumOptions options() {
        return new ChromiumOptions();
    }

    /**
     * Starts Chromium and connects to it. Fails with an {@link AssertionError} when the JVM is not in
     * a loopback-only network namespace, when Chromium is missing, or when it does not open its
     * DevTools port within the startup timeout (the message carries Chromium's output).
     */
    public static Chromium launch(ChromiumOptions options) {
        requireIsolated(Loopback.isolated(), loopbackUp());
        if (!Files.isExecutable(options.binary())) {
            throw new AssertionError("Chromium is not installed at " + options.binary());
        }
        long start = System.nanoTime();
        Path dir;
        try {
            dir = Files.createTempDirectory("jwebrtc-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ExternalProcess process = null;
        try {
            process = ExternalProcess.start("chromium", options.commandLine(dir), environment(dir));
            URI uri = awaitDevToolsPort(process, dir, options.startupTimeout());
            DevToolsConnection devTools = DevToolsConnection.connect(uri, options.startupTimeout());
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            return new Chromium(options, process, dir, devTools, uri, took);
        } catch (RuntimeException | Error e) {
            if (process != null) {
                process.kill(crashHandlers(dir, process.process().pid()));
            }
            deleteTree(dir);
            throw e;
        }
    }

    /** The rule behind {@link #launch}, separated so both outcomes can be tested anywhere. */
    static void requireIsolated(boolean isolated, boolean loopbackUp) {
        if (!isolated) {
            throw new AssertionError(NOT_ISOLATED);
        }
        if (!loopbackUp) {
            throw new AssertionError(LOOPBACK_DOWN);
        }
    }

    private static boolean loopbackUp() {
        try {
            return NetworkInterface.networkInterfaces().anyMatch(i -> {
                try {
                    return i.isLoopback() && i.isUp();
                } catch (SocketException e) {
                    return false;
                }
            });
        } catch (SocketException e) {
            return false;
        }
    }

    /** Opens a new tab (target) and attaches to it. */
    public ChromiumPage newPage() {
        return ChromiumPage.open(devTools, options.commandTimeout());
    }

    /** Browser product and version, e.g. {@code HeadlessChrome/156.0.8078.108}. */
    public String version() {
        return (String) devTools.call(DevToolsConnection.BROWSER, "Browser.getVersion", Map.of(),
                options.commandTimeout()).get("product");
    }

    /** From process start to DevTools connected. */
    public Duration startupTime() {
        return startupTime;
    }

    /** Chromium's stdout and stderr lines so far, for diagnostics. */
    public List<String> output() {
        return process.output();
    }

    public long pid() {
        return process.process().pid();
    }

    public Path userDataDir() {
        return userDataDir;
    }

    /** The browser target's WebSocket, {@code ws://127.0.0.1:<port>/devtools/browser/<id>}. */
    public URI devToolsUri() {
        return devToolsUri;
    }

    /**
     * Kills Chromium with its whole process tree (SIGKILL: the profile is discarded anyway, and a
     * SIGTERM shutdown takes ~2.5 s) and deletes the profile.
     */
    @Override
    public void close() {
        devTools.close();
        process.kill(crashHandlers(userDataDir, process.process().pid()));
        deleteTree(userDataDir);
    }

    /**
     * Chromium's crash handler, chrome_crashpad_handler, double-forks: it is re-parented to init,
     * so it is not among the browser's descendants. Its database lives under XDG_CONFIG_HOME,
     * which {@link #environment} points into the profile, so its command line names our profile.
     * ({@code --disable-crashpad-for-testing} would avoid it, but makes the network service
     * crash-loop with "FD ownership violation" on the first request.)
     */
    private static List<ProcessHandle> crashHandlers(Path dir, long browser) {
        String marker = dir.toString();
        return ProcessHandle.allProcesses()
                .filter(h -> h.pid() != browser)
                .filter(h -> h.info().arguments()
                        .map(args -> Arrays.stream(args).anyMatch(a -> a.contains(marker)))
                        .orElse(false))
                .toList();
    }

    /** Keeps everything Chromium writes outside the profile (crash reports, caches) inside it. */
    static Map<String, String> environment(Path dir) {
        return Map.of(
                "XDG_CONFIG_HOME", dir.resolve("xdg-config").toString(),
                "XDG_CACHE_HOME", dir.resolve("xdg-cache").toString());
    }

    private static URI awaitDevToolsPort(ExternalProcess process, Path dir, Duration timeout) {
        Path file = dir.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            URI uri = null;
            try {
                uri = parseActivePort(Files.readString(file, StandardCharsets.UTF_8));
            } catch (NoSuchFileException e) {
                // not yet written
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (uri != null) {
                return uri;
            }
            if (!process.process().isAlive()) {
                throw new AssertionError("Chromium exited with " + process.process().exitValue()
                        + " before opening its DevTools port; output:\n"
                        + tail(process.outputAfterExit(Duration.ofSeconds(5))));
            }
            if (deadline - System.nanoTime() <= 0) {
                throw new AssertionError("Chromium did not write " + file + " within " + timeout
                        + "; output:\n" + tail(process.output()));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while starting Chromium", e);
            }
        }
    }

    /**
     * Reads {@code DevToolsActivePort}: the port on the first line, the browser target's path on the
     * second. Null while the file is incomplete.
     */
    static URI parseActivePort(String content) {
        String[] lines = content.split("\n");
        if (lines.length < 2 || !lines[0].strip().matches("[0-9]{1,5}")
                || !lines[1].strip().startsWith("/devtools/browser/")) {
            return null;
        }
        int port = Integer.parseInt(lines[0].strip());
        if (port == 0 || port > 65535) {
            return null;
        }
        return URI.create("ws://127.0.0.1:" + port + lines[1].strip());
    }

    private static String tail(List<String> lines) {
        int from = Math.max(0, lines.size() - 60);
        return String.join("\n", lines.subList(from, lines.size()));
    }

    static void deleteTree(Path dir) {
        for (int attempt = 0; attempt < 3 && Files.exists(dir); attempt++) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException | UncheckedIOException e) {
                // a late writer: try again
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
