package org.jwebrtc.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The README's main job, end to end on loopback: KVS signaling, ICE, DTLS-SRTP, SCTP, video, audio and stats. */
class LocalDemoTest {
    @Test
    void viewerReceivesFramesThroughKvsSignaling() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        long frames = new LocalDemo(new PrintStream(buf, true, StandardCharsets.UTF_8), Duration.ofSeconds(4), false)
                .run();
        String out = buf.toString(StandardCharsets.UTF_8);
        assertThat(frames).as(out).isPositive();
        assertThat(frames).as(out).isGreaterThan(30);   // 4 s at 30 fps, minus the connection time
        assertThat(out).contains("master connected to signaling channel arn:aws:kinesisvideo:")
                .contains("viewer: connected").contains("[ 4s] video H264").contains("done:");
        assertThat(out).containsPattern("audio +[1-9][0-9]* packets");
    }

    @Test
    void relayOnlyEverythingCrossesTheEmbeddedTurnServer() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        long frames = new LocalDemo(new PrintStream(buf, true, StandardCharsets.UTF_8), Duration.ofSeconds(4), false)
                .withRelayOnly(true).run();
        String out = buf.toString(StandardCharsets.UTF_8);
        assertThat(frames).as(out).isGreaterThan(30);
        assertThat(out).contains("(relay only)").containsPattern("pair relay 127\\.0\\.0\\.1:\\d+ -> relay ")
                .containsPattern("relayedToPeers=[1-9]\\d*").contains("authFailures=0").contains("malformed=0");
        // permissionDrops is not asserted: a peer's first check can reach our relay before our CreatePermission
        // for it has (the peer learns our relay address from signaling first); ICE retransmits, as RFC 8445 expects
        assertThat(out).doesNotContainPattern("pair host");
    }
}
