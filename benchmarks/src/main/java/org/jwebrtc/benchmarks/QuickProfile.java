package org.jwebrtc.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The {@code -Pquick} profile: runs the selected benchmarks with short settings (1 fork, 1 × 300 ms
 * warm-up, 2 × 500 ms measurement, {@code -prof gc}) and ends with one table that sets each of our
 * hot paths next to the reference measured in the same run:
 * {@code benchmark | ours | reference | ratio | B/op}. Ratio = ours / reference (below 1 = faster).
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.jwebrtc.benchmarks.QuickProfile [include-regex|default] [result.json]
 * </pre>
 * Short runs are for spotting regressions and allocation, not for publishing: use the JMH jar with
 * longer settings for figures.
 */
public final class QuickProfile {
    /** The benchmarks of the table (issue 10 set); pass {@code .*} to run every benchmark. */
    public static final String DEFAULT_INCLUDE = "org\\.jwebrtc\\.benchmarks\\.(sdp\\.SdpBenchmark|stun|srtp"
            + "|sctp\\.(Crc32c|DataChunk)Benchmark|dtls|ice|handoff)\\.";

    private static final String CM = "AES_CM_128_HMAC_SHA1_80";
    private static final String GCM = "AEAD_AES_128_GCM";

    /** label, our benchmark, reference benchmark (null = no reference in the same run). */
    private static final String[][] ROWS = {
        {"SDP parse, Chromium A/V offer (LF, lenient)", "SdpBenchmark.parseLf", null},
        {"SDP parse, same offer (CRLF, strict)", "SdpBenchmark.parseCrlf", null},
        {"SDP write, same offer", "SdpBenchmark.write", null},
        {"SDP candidate line parse", "SdpBenchmark.parseCandidate", null},
        {"STUN Binding check: decode+MI+FINGERPRINT", "StunCheckBenchmark.checkRequest", null},
        {"STUN response write: XOR-MAPPED+MI+FP", "StunCheckBenchmark.writeResponse", null},
        {"SRTP protect CM-80, 1200 B vs raw JCE", "SrtpProtectBenchmark.protect:" + CM, "SrtpProtectBenchmark.rawJce:" + CM},
        {"SRTP protect GCM-128, 1200 B vs raw JCE", "SrtpProtectBenchmark.protect:" + GCM, "SrtpProtectBenchmark.rawJce:" + GCM},
        {"SRTP unprotect CM-80, 1200 B vs raw JCE", "SrtpUnprotectBenchmark.unprotect:" + CM,
            "SrtpUnprotectBenchmark.rawJce:" + CM},
        {"SRTP unprotect GCM-128, 1200 B vs raw JCE", "SrtpUnprotectBenchmark.unprotect:" + GCM,
            "SrtpUnprotectBenchmark.rawJce:" + GCM},
        {"CRC-32C 1200 B: Crc32c vs j.u.z.CRC32C", "Crc32cBenchmark.moduleCrc32c", "Crc32cBenchmark.jdkCrc32c"},
        {"CRC-32C 1200 B: slice-by-8 table vs CRC32C", "Crc32cBenchmark.tableSliceBy8", "Crc32cBenchmark.jdkCrc32c"},
        {"SCTP DATA chunk encode", "DataChunkBenchmark.encode", null},
        {"SCTP DATA chunk decode", "DataChunkBenchmark.decode", null},
        {"DTLS record encrypt 1200 B vs raw JCE GCM", "DtlsRecordBenchmark.encrypt", "DtlsRecordBenchmark.rawAesGcm"},
        {"DTLS encrypt+decrypt 1200 B vs raw JCE", "DtlsRecordBenchmark.roundTrip", "DtlsRecordBenchmark.rawAesGcmRoundTrip"},
        {"ICE check in -> signed response out", "IceCheckBenchmark.checkInResponseOut", null},
        {"App->loop handoff: MpscArrayQueue vs CLQ", "HandoffBenchmark.handoff:MpscArrayQueue",
            "HandoffBenchmark.handoff:ConcurrentLinkedQueue"},
        {"App->loop handoff: MpscArrayQueue vs LBQ", "HandoffBenchmark.handoff:MpscArrayQueue",
            "HandoffBenchmark.handoff:LinkedBlockingQueue"},
    };

    private QuickProfile() {}

    public static void main(String[] args) throws RunnerException {
        boolean given = args.length > 0 && !args[0].isBlank() && !args[0].equals("default");
        String include = given ? args[0] : DEFAULT_INCLUDE;
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(include)
                .exclude("SdpCpuTime|SrtpCpuTime")
                .forks(1)
                .warmupIterations(1)
                .warmupTime(TimeValue.milliseconds(300))
                .measurementIterations(2)
                .measurementTime(TimeValue.milliseconds(500))
                .addProfiler(GCProfiler.class);
        if (args.length > 1) {
            options.resultFormat(ResultFormatType.JSON).result(args[1]);
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        System.out.println();
        System.out.print(table(results));
    }

    /** Scores by key {@code Class.method[:param values]}: ns/op and B/op. */
    static String table(Collection<RunResult> results) {
        Map<String, double[]> byKey = new LinkedHashMap<>();
        for (RunResult r : results) {
            Result<?> primary = r.getPrimaryResult();
            Result<?> alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
            byKey.put(key(r.getParams()), new double[] {
                nanos(primary.getScore(), primary.getScoreUnit()), alloc == null ? Double.NaN : alloc.getScore()});
        }
        StringBuilder sb = new StringBuilder();
        String row = "%-46s | %11s | %11s | %6s | %s%n";
        sb.append(String.format(Locale.ROOT, row, "benchmark", "ours ns/op", "ref ns/op", "ratio", "B/op ours (ref)"));
        sb.append("-".repeat(46)).append("-|-").append("-".repeat(11)).append("-|-").append("-".repeat(11))
                .append("-|-").append("-".repeat(6)).append("-|-").append("-".repeat(16)).append('\n');
        Set<String> shown = new TreeSet<>();
        for (String[] r : ROWS) {
            double[] ours = byKey.get(r[1]);
            if (ours == null) {
                continue;
            }
            shown.add(r[1]);
            double[] ref = r[2] == null ? null : byKey.get(r[2]);
            if (ref != null) {
                shown.add(r[2]);
            }
            sb.append(String.format(Locale.ROOT, row, r[0], ns(ours[0]), ref == null ? "-" : ns(ref[0]),
                    ref == null ? "-" : String.format(Locale.ROOT, "%.2f", ours[0] / ref[0]),
                    bytes(ours[1]) + (ref == null ? "" : " (" + bytes(ref[1]) + ")")));
        }
        List<String> others = new ArrayList<>();
        for (Map.Entry<String, double[]> e : byKey.entrySet()) {
            if (!shown.contains(e.getKey())) {
                others.add(String.format(Locale.ROOT, row, e.getKey(), ns(e.getValue()[0]), "-", "-",
                        bytes(e.getValue()[1])));
            }
        }
        others.forEach(sb::append);
        return sb.toString();
    }

    private static String key(BenchmarkParams p) {
        String name = p.getBenchmark();
        int method = name.lastIndexOf('.');
        int cls = name.lastIndexOf('.', method - 1);
        StringBuilder k = new StringBuilder(name.substring(cls + 1));
        for (String param : p.getParamsKeys()) {
            k.append(':').append(p.getParam(param));
        }
        return k.toString();
    }

    /** Time per op in ns for average-time units; throughput units (ops/s, ...) are inverted; else NaN. */
    private static double nanos(double score, String unit) {
        boolean throughput = unit.startsWith("ops/");
        String time = throughput ? unit.substring(4) : unit.endsWith("/op") ? unit.substring(0, unit.length() - 3) : "";
        double unitNanos = switch (time) {
            case "ns" -> 1;
            case "us" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "min" -> 60e9;
            default -> Double.NaN;
        };
        return throughput ? unitNanos / score : score * unitNanos;
    }

    private static String ns(double v) {
        if (Double.isNaN(v)) {
            return "?";
        }
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String bytes(double v) {
        return Double.isNaN(v) ? "?" : String.format(Locale.ROOT, "%,.0f", v);
    }
}
