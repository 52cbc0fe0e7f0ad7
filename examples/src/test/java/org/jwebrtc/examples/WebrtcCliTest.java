package org.jwebrtc.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jwebrtc.testsupport.SharedFiles;
import org.jwebrtc.turn.StunServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class WebrtcCliTest {
    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = new CommandLine(new WebrtcCli()).execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void sdpParsePrintsTheChromiumOfferAsJson() {
        Run r = run("sdp", "parse", SharedFiles.vectors("sdp", "chromium_audio_video.sdp").toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("{\"version\":0").contains("\"media\":\"audio\"").contains("\"media\":\"video\"")
                .contains("opus/48000/2");
    }

    @Test
    void badSdpGivesExitCodeOneAndTheLine(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.sdp");
        Files.writeString(bad, "v=0\r\no=broken\r\n");
        Run r = run("sdp", "validate", bad.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("bad.sdp").containsPattern("line \\d+");
    }

    @Test
    void stunBindingAgainstTheEmbeddedServer() {
        try (StunServer s = StunServer.start(new java.net.InetSocketAddress("127.0.0.1", 0))) {
            Run r = run("stun", "binding", "127.0.0.1:" + s.localAddress().getPort());
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out().trim()).startsWith("127.0.0.1:");
        }
    }

    @Test
    void unknownCommandIsAUsageError() {
        assertThat(run("frobnicate").code()).isEqualTo(2);
    }
}
