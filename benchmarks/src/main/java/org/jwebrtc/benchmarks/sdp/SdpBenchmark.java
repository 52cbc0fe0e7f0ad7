package org.jwebrtc.benchmarks.sdp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.jwebrtc.sdp.Candidate;
import org.jwebrtc.sdp.Sdp;
import org.jwebrtc.sdp.SdpException;
import org.jwebrtc.sdp.SessionDescription;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parse and write of the Chromium 120 audio+video offer (vectors/sdp/chromium_audio_video.sdp,
 * 157 lines, 6.3 KB) as Pion's {@code BenchmarkUnmarshal} does for its own capture
 * (13.6 µs, 83 allocs there). {@code parseLf} is the file as browsers hand it over (LF, lenient);
 * {@code parseCrlf} the canonical CRLF form.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SdpBenchmark {
    static final String OFFER_LF = load();
    static final String OFFER_CRLF = OFFER_LF.replace("\n", "\r\n");
    static final String CANDIDATE = "candidate:1467250027 1 udp 2122260223 192.168.0.196 46243 typ host "
            + "generation 0 ufrag EsAw network-id 1 network-cost 10";

    private final SessionDescription parsed = parseOrThrow();

    private static String load() {
        try (InputStream in = SdpBenchmark.class.getResourceAsStream("chromium_audio_video.sdp")) {
            if (in == null) {
                throw new IllegalStateException("chromium_audio_video.sdp missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SessionDescription parseOrThrow() {
        try {
            return Sdp.parse(OFFER_CRLF, Sdp.Mode.STRICT);
        } catch (SdpException e) {
            throw new IllegalStateException(e);
        }
    }

    @Benchmark
    public SessionDescription parseLf() throws SdpException {
        return Sdp.parse(OFFER_LF);
    }

    @Benchmark
    public SessionDescription parseCrlf() throws SdpException {
        return Sdp.parse(OFFER_CRLF, Sdp.Mode.STRICT);
    }

    @Benchmark
    public String write() {
        return Sdp.write(parsed);
    }

    @Benchmark
    public Candidate parseCandidate() throws SdpException {
        return Candidate.parse(CANDIDATE);
    }
}
