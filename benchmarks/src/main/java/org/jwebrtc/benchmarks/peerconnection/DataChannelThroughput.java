package org.jwebrtc.benchmarks.peerconnection;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.jwebrtc.testsupport.Chromium;
import org.jwebrtc.testsupport.LocalWebServer;

/**
 * Issue 10's data-channel throughput run: one reliable ordered channel per pair over loopback, 64 KiB messages,
 * for Java → Java, Java → Chromium, Chromium → Java and Chromium → Chromium (the reference) in one process, and
 * the connection setup time (the sender's createOffer → its channel open, offer/answer passed through this JVM)
 * next to each. Every pair is a fresh connection; the sender is the offerer and keeps at most 4 MiB buffered (as
 * a browser application must: Chromium closes a channel whose queue overflows 16 MiB). The time runs from the
 * first send to the receiver's "done" (sent once it counted every byte), on the sender's clock. Not a JMH
 * benchmark: it measures whole systems, once. Chromium is headless and must run in a loopback-only network
 * namespace:
 *
 * <pre>unshare -n sh -c 'ip link set lo up &amp;&amp; java -cp benchmarks/target/benchmarks.jar \
 *     org.jwebrtc.benchmarks.peerconnection.DataChannelThroughput [MiB, default 128]'</pre>
 *
 * With a second argument {@code java} only Java → Java runs (no Chromium, no namespace needed; for profiling).
 */
public final class DataChannelThroughput {
    /** Issue 10: 64 KiB messages. */
    public static final int MESSAGE_SIZE = 64 * 1024;
    static final String REFERENCE = "Chromium -> Chromium";

    /** One measured pair. */
    public record Result(String pair, long bytes, double seconds, double setupMillis) {
        public double mbitPerSecond() {
            return bytes * 8 / seconds / 1e6;
        }
    }

    private DataChannelThroughput() {}

    public static void main(String[] args) throws Exception {
        int mib = args.length > 0 ? Integer.parseInt(args[0]) : 128;
        PrintStream out = System.out;
        out.printf(Locale.ROOT, "data-channel throughput, %d MiB of %d KiB messages per pair; JDK %s; load average "
                + "%s%n", mib, MESSAGE_SIZE / 1024, Runtime.version(), loadAverage());
        if (args.length > 1 && args[1].equals("java")) {
            Supplier<Endpoint> java = JavaEndpoint::new;
            measure("warm-up Java -> Java", java, java, 16L << 20, out);
            long cpu = processCpuNanos();
            Result r = measure("Java -> Java", java, java, (long) mib << 20, out);
            // both peers live in this process: bits per CPU-second survive a loaded machine better than Mbit/s
            out.printf(Locale.ROOT, "process CPU %.2f s (setup and transfer) = %.0f Mbit per CPU-second%n",
                    (processCpuNanos() - cpu) / 1e9, r.bytes() * 8 / ((processCpuNanos() - cpu) / 1e9) / 1e6);
            out.printf(Locale.ROOT, "load average after: %s%n", loadAverage());
            return;
        }
        List<Result> results = run(mib, mib >= 64 ? 16 : 0, out);
        out.print(table(results));
        out.printf(Locale.ROOT, "load average after: %s%n", loadAverage());
    }

    /**
     * Launches Chromium and measures the four pairs, {@code mib} MiB each, after an unreported Java → Java warm-up
     * of {@code warmupMib} MiB (0 = none) so the JIT has compiled the hot path. Progress goes to {@code log}.
     */
    public static List<Result> run(int mib, int warmupMib, PrintStream log) throws Exception {
        long bytes = (long) mib * 1024 * 1024;
        try (LocalWebServer web = LocalWebServer.start(Map.of(
                "/index.html", "<!doctype html><script src=/throughput.js></script>",
                "/throughput.js", resource("throughput.js")));
             Chromium chromium = Chromium.launch(Chromium.options())) {
            log.println("Chromium " + chromium.version());
            Supplier<Endpoint> browser = () -> new ChromiumEndpoint(chromium.newPage(), web.uri("/index.html"));
            Supplier<Endpoint> java = JavaEndpoint::new;
            if (warmupMib > 0) {
                measure("warm-up Java -> Java", java, java, (long) warmupMib * 1024 * 1024, log);
            }
            List<Result> results = new ArrayList<>();
            results.add(measure(REFERENCE, browser, browser, bytes, log));
            results.add(measure("Java -> Java", java, java, bytes, log));
            results.add(measure("Java -> Chromium", java, browser, bytes, log));
            results.add(measure("Chromium -> Java", browser, java, bytes, log));
            return results;
        }
    }

    /** Connects a fresh sender (offerer) and receiver (answerer), then moves {@code bytes} from one to the other. */
    static Result measure(String pair, Supplier<Endpoint> senders, Supplier<Endpoint> receivers, long bytes,
                          PrintStream log) throws Exception {
        try (Endpoint sender = senders.get(); Endpoint receiver = receivers.get()) {
            String offer = sender.offer();
            String answer = receiver.answer(offer);
            sender.accept(answer);
            double setupMillis = sender.awaitOpen();
            receiver.expect(bytes);
            long dropsBefore = udpReceiveBufferErrors();
            double millis = sender.send(bytes, MESSAGE_SIZE);
            long dropsAfter = udpReceiveBufferErrors();
            long drops = dropsBefore < 0 || dropsAfter < 0 ? -1 : dropsAfter - dropsBefore;
            Result r = new Result(pair, bytes, millis / 1e3, setupMillis);
            log.printf(Locale.ROOT, "%-22s %6.1f MiB in %6.2f s = %7.1f Mbit/s, setup %6.1f ms, datagrams dropped "
                    + "by full receive buffers %s%n", pair, bytes / 1048576.0, r.seconds(), r.mbitPerSecond(),
                    setupMillis, drops < 0 ? "unknown" : Long.toString(drops));
            String why = sender.diagnostics();
            if (!why.isEmpty()) {
                log.println("    sender " + why);
            }
            return r;
        }
    }

    /** The table: pair | MiB sent | seconds | Mbit/s | setup ms | ratios against Chromium → Chromium. */
    public static String table(List<Result> results) {
        Result ref = results.stream().filter(r -> r.pair().equals(REFERENCE)).findFirst().orElseThrow();
        StringBuilder sb = new StringBuilder();
        sb.append("| pair | MiB sent | seconds | Mbit/s | setup ms | ratio vs Chromium↔Chromium | setup vs Chromium↔Chromium |\n");
        sb.append("|---|---|---|---|---|---|---|\n");
        for (Result r : results) {
            sb.append(String.format(Locale.ROOT, "| %s | %.0f | %.2f | %.0f | %.0f | %.2f | %.2f |%n",
                    r.pair().replace("->", "→"), r.bytes() / 1048576.0, r.seconds(), r.mbitPerSecond(),
                    r.setupMillis(), r.mbitPerSecond() / ref.mbitPerSecond(), r.setupMillis() / ref.setupMillis()));
        }
        return sb.toString();
    }

    /**
     * The kernel's UDP RcvbufErrors (datagrams dropped because a socket's receive buffer was full), for this
     * network namespace: inside the benchmark's own namespace only these sockets count. -1 if unreadable.
     */
    static long udpReceiveBufferErrors() {
        try {
            List<String> udp = Files.readAllLines(Path.of("/proc/net/snmp")).stream()
                    .filter(l -> l.startsWith("Udp: ")).toList();
            List<String> names = List.of(udp.get(0).split(" "));
            return Long.parseLong(udp.get(1).split(" ")[names.indexOf("RcvbufErrors")]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long processCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = DataChannelThroughput.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
