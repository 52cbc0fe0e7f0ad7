package org.jwebrtc.peerconnection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jwebrtc.sdp.MediaDescription;
import org.jwebrtc.sdp.Sdp;
import org.jwebrtc.sdp.SessionDescription;
import org.jwebrtc.sdp.jsep.MediaKind;
import org.jwebrtc.testsupport.SharedFiles;
import org.junit.jupiter.api.Test;

/**
 * RTX in offer/answer (RFC 4588 §8.6, RFC 5576 §4.2): Chromium's offer (vectors/sdp/chromium_audio_video.sdp) is
 * answered with the RTX formats of the accepted codecs and our own FID group, and its FID group maps Chromium's
 * RTX SSRC to its media SSRC.
 */
class RtxNegotiationTest {
    private static final String CHROMIUM = SharedFiles.text(SharedFiles.vectors("sdp", "chromium_audio_video.sdp"));

    @Test
    void chromiumsFidGroupNamesTheRepairSsrcOfItsVideoSsrc() throws Exception {
        SessionDescription offer = Sdp.parse(CHROMIUM, Sdp.Mode.LENIENT);
        MediaDescription video = offer.mediaByMid("1").orElseThrow();
        assertThat(MediaNegotiation.primarySsrcs(video)).containsExactly(1_862_494_604L);
        assertThat(MediaNegotiation.repairSsrcs(video)).isEqualTo(Map.of(1_112_104_850L, 1_862_494_604L));
        assertThat(MediaNegotiation.repairSsrcs(offer.mediaByMid("0").orElseThrow())).isEmpty();
    }

    @Test
    void theAnswerToChromiumKeepsRtxForTheAcceptedCodecsAndAnnouncesOurRtxSsrc() throws Exception {
        PeerConnection pc = PeerConnection.create(PeerConnectionConfig.loopback(), new PeerConnectionObserver() { });
        try {
            RtpSender video = pc.addTrack(MediaKind.VIDEO, "s");
            pc.addTrack(MediaKind.AUDIO, "s");
            pc.setRemoteDescription(new SessionDescriptionInit("offer", CHROMIUM)).get(10, TimeUnit.SECONDS);
            String answer = pc.createAnswer().get(10, TimeUnit.SECONDS).sdp();
            assertThat(answer).contains("a=rtpmap:96 VP8/90000", "a=rtpmap:97 rtx/90000", "a=fmtp:97 apt=96",
                    "a=rtcp-fb:96 nack", "a=rtcp-fb:96 nack pli",
                    "a=ssrc-group:FID " + video.ssrc() + " " + video.rtxSsrc(),
                    "a=ssrc:" + video.rtxSsrc() + " cname:");
            SessionDescription parsed = Sdp.parse(answer, Sdp.Mode.LENIENT);
            MediaDescription audio = parsed.mediaByMid("0").orElseThrow();
            assertThat(audio.ssrcGroups()).as("no RTX for audio").isEmpty();
            List<String> lines = answer.lines().filter(l -> l.startsWith("a=fmtp:") && l.contains("apt=")).toList();
            for (String l : lines) {   // every RTX format repairs a codec the answer accepted
                String apt = l.substring(l.indexOf("apt=") + 4);
                assertThat(answer).contains("a=rtpmap:" + apt + " ");
            }
            assertThat(video.rtxSsrc()).isNotEqualTo(video.ssrc());
        } finally {
            pc.close();
        }
    }
}
