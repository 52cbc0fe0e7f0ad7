package org.jwebrtc.peerconnection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jwebrtc.sdp.Direction;
import org.jwebrtc.sdp.jsep.MediaKind;
import org.jwebrtc.testsupport.Chromium;
import org.jwebrtc.testsupport.ChromiumPage;
import org.jwebrtc.testsupport.Json;
import org.jwebrtc.testsupport.LocalWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Media between our PeerConnection and headless Chromium over DTLS-SRTP, loopback only, in the test's network
 * namespace. (1) Java sends the VP8 and H.264 samples; Chromium decodes them (getStats framesDecoded, a
 * {@code <video>} element's requestVideoFrameCallback with the sample's size). (2) Chromium sends its fake camera
 * (VP8 or H.264) and microphone (Opus); Java writes the frames to IVF / Annex-B / Ogg Opus and ffmpeg decodes
 * each file without an error.
 */
class ChromiumMediaIT {
    static Chromium chromium;
    static LocalWebServer web;
    ChromiumPage page;
    PeerConnection java;
    final JavaToJavaMediaTest.Events events = new JavaToJavaMediaTest.Events();

    @BeforeAll
    static void launch() throws IOException {
        try (InputStream js = ChromiumMediaIT.class.getResourceAsStream("media.js")) {
            web = LocalWebServer.start(Map.of("/index.html", "<!doctype html><body><script src=/media.js></script>",
                    "/media.js", new String(js.readAllBytes(), StandardCharsets.UTF_8)));
        }
        chromium = Chromium.launch(Chromium.options().flags("--autoplay-policy=no-user-gesture-required"));
    }

    @AfterAll
    static void shutdown() {
        if (chromium != null) {
            chromium.close();
        }
        if (web != null) {
            web.close();
        }
    }

    @BeforeEach
    void open() {
        page = chromium.newPage();
        page.navigate(web.uri("/index.html"));
        events.captureTracks = false;   // the tests set their own frame listeners
        java = PeerConnection.create(PeerConnectionConfig.loopback(), events);
    }

    @AfterEach
    void close() {
        java.close();
        page.close();
    }

    private static String call(String function, String arg) {
        return function + "(" + Json.write(arg) + ")";
    }

    @ParameterizedTest
    @ValueSource(strings = {"VP8", "H264"})
    void chromiumDecodesWhatJavaSends(String codec) throws Exception {
        sendToChromiumAndCheck(codec);
    }

    /** Issue 13: Chromium negotiates DTLS 1.3 with our engine (FEFC in both getStats) and decodes SRTP video keyed by it. */
    @org.junit.jupiter.api.Test
    void chromiumDecodesVp8OverDtls13() throws Exception {
        java.close();
        java = PeerConnection.create(PeerConnectionConfig.loopback().withMaxDtlsVersion(
                org.jwebrtc.dtls.DtlsVersion.DTLS_1_3), events);
        sendToChromiumAndCheck("VP8");
        Map<String, Object> transport = Json.object(Json.array(Json.parse((String) page.evaluate(
                "rtpStats('transport')", Duration.ofSeconds(10)))).get(0));
        System.out.println("Chromium transport over DTLS 1.3: tlsVersion=" + transport.get("tlsVersion")
                + " dtlsCipher=" + transport.get("dtlsCipher") + " srtpCipher=" + transport.get("srtpCipher"));
        assertThat(transport.get("tlsVersion")).isEqualTo("FEFC");
        assertThat(java.getStats().get(5, TimeUnit.SECONDS).ofType("transport").get(0).getString("tlsVersion"))
                .isEqualTo("FEFC");
    }

    private void sendToChromiumAndCheck(String codec) throws Exception {
        // the shared H.264 samples are High profile with B-frames (input-10-320x180) or 4:4:4 (input-10-720a), which
        // Chromium's WebRTC decoder does not take (it decodes the I-frames and asks for a key frame after each);
        // a Constrained Baseline stream (what profile-level-id 42e01f announces) is made with ffmpeg/libx264
        List<byte[]> frames = codec.equals("VP8") ? MediaFiles.vp8Frames() : baselineH264();
        RtpTransceiver t = java.addTransceiver(MediaKind.VIDEO, Direction.SENDONLY);
        t.setCodecPreferences(List.of(codec));
        AtomicBoolean restart = new AtomicBoolean();
        AtomicInteger keyframeRequests = new AtomicInteger();
        t.sender().setListener(() -> {
            keyframeRequests.incrementAndGet();
            restart.set(true);   // the sample's first frame is its key frame
        });
        long start = System.nanoTime();
        SessionDescriptionInit offer = java.createOffer().get(10, TimeUnit.SECONDS);
        java.setLocalDescription(offer).get(10, TimeUnit.SECONDS);
        String answer = (String) page.evaluate(call("receiveAnswer", offer.sdp()), Duration.ofSeconds(30));
        assertThat(answer).contains("a=recvonly");
        java.setRemoteDescription(new SessionDescriptionInit("answer", answer)).get(10, TimeUnit.SECONDS);
        assertThat(events.awaitConnected()).as("connected").isTrue();
        System.out.printf("Java(offerer, %s)->Chromium: createOffer -> DTLS-SRTP connected in %.1f ms%n", codec,
                (System.nanoTime() - start) / 1e6);
        assertThat(t.sender().codec().orElseThrow().name()).isEqualTo(codec);

        int sent = 0;
        long t0 = System.nanoTime();
        for (int i = 0; sent < 150; sent++) {   // 5 s at 30 frames/s, the sample looped
            if (restart.getAndSet(false) || i == frames.size()) {
                i = 0;
            }
            assertThat(t.sender().sendFrame(frames.get(i++).clone(), sent * 33_333L)).isTrue();
            long next = t0 + (sent + 1) * 33_333_333L;
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
            }
        }
        page.waitFor("seen.frames > 10", Duration.ofSeconds(20));
        List<Object> inbound = Json.array(Json.parse((String) page.evaluate("rtpStats('inbound-rtp')",
                Duration.ofSeconds(10))));
        Map<String, Object> in = Json.object(inbound.get(0));
        System.out.println("Chromium inbound-rtp (" + codec + "): framesDecoded=" + in.get("framesDecoded")
                + " framesReceived=" + in.get("framesReceived") + " keyFramesDecoded=" + in.get("keyFramesDecoded")
                + " packetsLost=" + in.get("packetsLost") + " pliCount=" + in.get("pliCount") + " nackCount="
                + in.get("nackCount") + " decoder=" + in.get("decoderImplementation") + " " + in.get("mimeType")
                + " size=" + page.evaluate("seen.width + 'x' + seen.height") + "; Java saw " + keyframeRequests.get()
                + " key-frame requests");
        assertThat(String.valueOf(in.get("mimeType"))).isEqualToIgnoringCase("video/" + codec);
        assertThat(((Number) in.get("packetsLost")).longValue()).isZero();
        assertThat(((Number) page.evaluate("seen.errors")).intValue()).isZero();
        assertThat(((Number) page.evaluate("seen.width")).intValue()).isEqualTo(codec.equals("VP8") ? 176 : 320);
        assertThat(((Number) in.get("framesDecoded")).longValue()).isGreaterThanOrEqualTo(145);
        // every key-frame request means the decoder could not go on; a healthy stream needs at most a few
        assertThat(((Number) in.get("pliCount")).longValue()).isLessThanOrEqualTo(3);

        StatsReport stats = java.getStats().get(5, TimeUnit.SECONDS);
        RtcStats out = stats.ofType("outbound-rtp").get(0);
        assertThat(out.getLong("framesSent")).isEqualTo(150);
        assertThat(out.getLong("packetsSent")).isEqualTo(((Number) in.get("packetsReceived")).longValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"VP8", "H264"})
    void javaRecordsChromiumsCameraAndMicrophoneAndFfmpegDecodesThem(String codec) throws Exception {
        RtpTransceiver video = java.addTransceiver(MediaKind.VIDEO, Direction.RECVONLY);
        video.setCodecPreferences(List.of(codec));
        RtpTransceiver audio = java.addTransceiver(MediaKind.AUDIO, Direction.RECVONLY);
        audio.setCodecPreferences(List.of("opus"));
        List<EncodedFrame> videoFrames = new CopyOnWriteArrayList<>();
        List<EncodedFrame> audioFrames = new CopyOnWriteArrayList<>();
        video.receiver().setFrameListener(videoFrames::add);
        audio.receiver().setFrameListener(audioFrames::add);

        String offer = (String) page.evaluate("sendOffer()", Duration.ofSeconds(30));
        long start = System.nanoTime();
        java.setRemoteDescription(new SessionDescriptionInit("offer", offer)).get(10, TimeUnit.SECONDS);
        SessionDescriptionInit answer = java.createAnswer().get(10, TimeUnit.SECONDS);
        java.setLocalDescription(answer).get(10, TimeUnit.SECONDS);
        assertThat(answer.sdp()).contains("a=rtpmap:", codec.equals("VP8") ? " VP8/90000" : " H264/90000");
        page.evaluate(call("acceptAnswer", answer.sdp()), Duration.ofSeconds(30));
        assertThat(events.awaitConnected()).as("connected").isTrue();
        System.out.printf("Chromium(offerer)->Java(%s): answer -> DTLS-SRTP connected in %.1f ms%n", codec,
                (System.nanoTime() - start) / 1e6);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while ((videoFrames.size() < 90 || audioFrames.size() < 150) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        long received = System.nanoTime();
        if (videoFrames.size() < 90) {
            System.out.println("answer:\n" + answer.sdp() + "\noffer:\n" + offer);
            System.out.println(java.getStats().get(5, TimeUnit.SECONDS));
            System.out.println(java.stats().get(5, TimeUnit.SECONDS));
            System.out.println(page.evaluate("rtpStats('outbound-rtp')", Duration.ofSeconds(10)));
        }
        assertThat(videoFrames).hasSizeGreaterThanOrEqualTo(90);
        assertThat(audioFrames).hasSizeGreaterThanOrEqualTo(150);
        assertThat(videoFrames.get(0).keyframe()).isTrue();
        assertThat(videoFrames.get(0).codec()).isEqualToIgnoringCase(codec);

        Path dir = Files.createDirectories(Path.of("target", "chromium-media"));
        Path videoFile = dir.resolve(codec.equals("VP8") ? "camera-vp8.ivf" : "camera.h264");
        Path audioFile = dir.resolve("microphone-" + codec.toLowerCase() + ".opus");
        List<EncodedFrame> v = List.copyOf(videoFrames);
        try (OutputStream o = Files.newOutputStream(videoFile)) {
            if (codec.equals("VP8")) {
                MediaFiles.writeIvf(o, "VP80", v);
            } else {
                for (EncodedFrame f : v) {
                    o.write(f.data());
                }
            }
        }
        try (OutputStream o = Files.newOutputStream(audioFile)) {
            MediaFiles.writeOggOpus(o, List.copyOf(audioFrames));
        }
        StatsReport stats = java.getStats().get(5, TimeUnit.SECONDS);
        System.out.println("Java stats (" + codec + "):\n" + stats);
        RtcStats inVideo = stats.ofType("inbound-rtp").stream().filter(s -> "video".equals(s.getString("kind")))
                .findFirst().orElseThrow();
        assertThat(inVideo.getLong("framesReceived")).isGreaterThanOrEqualTo(v.size());
        assertThat(inVideo.getLong("packetsLost")).isZero();
        System.out.printf("%s: %d video frames (%.1f frames/s), %d Opus packets%n", codec, v.size(),
                v.size() / ((received - start) / 1e9), audioFrames.size());

        ffmpegDecodes(videoFile);
        ffmpegDecodes(audioFile);
    }

    private static List<byte[]> baselineH264() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "chromium-media"));
        Path out = dir.resolve("baseline-320x240.h264");
        Process p = new ProcessBuilder("ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i",
                "testsrc=size=320x240:rate=30", "-frames:v", "60", "-c:v", "libx264", "-profile:v", "baseline",
                "-level", "3.1", "-bf", "0", "-g", "30", "-pix_fmt", "yuv420p", "-f", "h264", out.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("ffmpeg/libx264: " + log).isZero();
        return MediaFiles.accessUnits(Files.readAllBytes(out));
    }

    private static void ffmpegDecodes(Path file) throws Exception {
        Process p = new ProcessBuilder("ffmpeg", "-nostdin", "-v", "error", "-i", file.toString(), "-f", "null", "-")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(err).as("ffmpeg errors decoding " + file).isEmpty();
        assertThat(p.exitValue()).as("ffmpeg exit code for " + file).isZero();
    }
}
