package org.jwebrtc.sdp.jsep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Format matching and intersection, H.264 per RFC 6184 §8.2.2. */
class CodecNegotiationTest {
    static Codec h264(int pt, String fmtp) {
        return Codec.of(pt, "H264", 90000).withFmtp(fmtp);
    }

    @Test
    void h264ProfileAndPacketizationModeMustMatchLevelMayDiffer() {
        Codec cb31 = h264(102, "level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f");
        assertThat(CodecNegotiation.matches(cb31, h264(96, "packetization-mode=1;profile-level-id=42e00a"))).isTrue();
        assertThat(CodecNegotiation.matches(cb31, h264(96, "packetization-mode=1;profile-level-id=42e034"))).isTrue();
        // packetization-mode differs (absent = 0)
        assertThat(CodecNegotiation.matches(cb31, h264(96, "profile-level-id=42e01f"))).isFalse();
        // constrained baseline (42e0) is not baseline (4200) nor main (4d00)
        assertThat(CodecNegotiation.matches(cb31, h264(96, "packetization-mode=1;profile-level-id=42001f"))).isFalse();
        assertThat(CodecNegotiation.matches(cb31, h264(96, "packetization-mode=1;profile-level-id=4d001f"))).isFalse();
        // constraint_set3_flag is part of the level for Baseline (Level 1b), so 42f00b ~ 42e01f
        assertThat(CodecNegotiation.matches(cb31, h264(96, "packetization-mode=1;profile-level-id=42f00b"))).isTrue();
        // but not for High (100), where it is a profile constraint
        assertThat(CodecNegotiation.matches(h264(1, "profile-level-id=640c1f"), h264(2, "profile-level-id=641c1f")))
                .isFalse();
        // absent profile-level-id = 42000a (RFC 6184 §8.1)
        assertThat(CodecNegotiation.matches(Codec.of(1, "H264", 90000), h264(2, "profile-level-id=420033"))).isTrue();
        // malformed never matches
        assertThat(CodecNegotiation.matches(h264(1, "profile-level-id=zz"), h264(2, "profile-level-id=42e01f")))
                .isFalse();
    }

    @Test
    void h264AnswerLevelFollowsLevelAsymmetryRule() {
        Codec offer = h264(102, "level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f");
        // both allow asymmetry: the answerer states its own receive level, even if higher
        Codec localHigh = h264(96, "level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e034");
        assertThat(CodecNegotiation.negotiate(List.of(offer), List.of(localHigh)).get(0).fmtp())
                .contains("level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e034");
        // answerer does not allow asymmetry: the lower of both levels, no upgrade
        Codec localNoAsym = h264(96, "packetization-mode=1;profile-level-id=42e034");
        assertThat(CodecNegotiation.negotiate(List.of(offer), List.of(localNoAsym)).get(0).fmtp())
                .contains("packetization-mode=1;profile-level-id=42e01f");
        Codec localLow = h264(96, "packetization-mode=1;profile-level-id=42e00a");
        assertThat(CodecNegotiation.negotiate(List.of(offer), List.of(localLow)).get(0).fmtp())
                .contains("packetization-mode=1;profile-level-id=42e00a");
        // Level 1b via constraint_set3 sorts between 1.0 and 1.1
        assertThat(H264ProfileLevelId.parse("42f00b").orElseThrow().levelOrder()).isEqualTo(105);
        assertThat(H264ProfileLevelId.parse("42e00b").orElseThrow().levelOrder()).isEqualTo(110);
        assertThat(H264ProfileLevelId.parse("640009").orElseThrow().levelOrder()).isEqualTo(105);
    }

    @Test
    void intersectionKeepsOfferedPayloadTypesLocalOrderAndRtx() {
        List<Codec> offered = List.of(
                Codec.of(96, "VP8", 90000).withFeedback("nack", "nack pli", "goog-remb"),
                Codec.rtx(97, 96, 90000),
                h264(102, "level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f")
                        .withFeedback("nack"),
                Codec.rtx(103, 102, 90000),
                Codec.of(98, "VP9", 90000).withFmtp("profile-id=0"),
                Codec.rtx(99, 98, 90000));
        List<Codec> local = List.of(
                Codec.of(100, "VP9", 90000).withFmtp("profile-id=2"),
                h264(120, "level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f")
                        .withFeedback("nack", "ccm fir"),
                Codec.of(110, "vp8", 90000).withFeedback("nack pli", "transport-cc"),
                Codec.rtx(111, 110, 90000));
        List<Codec> answer = CodecNegotiation.negotiate(offered, local);
        assertThat(answer).extracting(Codec::payloadType).containsExactly(102, 103, 96, 97);
        assertThat(answer.get(0).feedback()).containsExactly("nack");
        assertThat(answer.get(2).feedback()).containsExactly("nack pli");
        assertThat(answer.get(2).name()).isEqualTo("VP8");
        assertThat(answer.get(3).apt()).hasValue(96);
        // without local RTX, no RTX in the answer
        assertThat(CodecNegotiation.negotiate(offered, local.subList(0, 3))).extracting(Codec::name)
                .containsExactly("H264", "VP8");
    }

    @Test
    void audioMatchesOnChannelsAndClock() {
        Codec opus = Codec.audio(111, "opus", 48000, 2).withFmtp("minptime=10;useinbandfec=1");
        assertThat(CodecNegotiation.matches(opus, Codec.audio(109, "OPUS", 48000, 2))).isTrue();
        assertThat(CodecNegotiation.matches(opus, Codec.of(109, "opus", 48000))).isFalse();   // 1 channel
        assertThat(CodecNegotiation.matches(Codec.of(0, "PCMU", 8000), Codec.of(0, "PCMU", 16000))).isFalse();
        // answerer's own fmtp wins for non-H.264 formats, else the offered one is echoed
        assertThat(CodecNegotiation.negotiate(List.of(opus), List.of(Codec.audio(109, "opus", 48000, 2))).get(0).fmtp())
                .contains("minptime=10;useinbandfec=1");
        assertThat(CodecNegotiation.negotiate(List.of(opus),
                List.of(Codec.audio(109, "opus", 48000, 2).withFmtp("stereo=1"))).get(0).fmtp()).contains("stereo=1");
        assertThat(CodecNegotiation.matches(Codec.of(45, "AV1", 90000), Codec.of(46, "AV1", 90000).withFmtp("profile=1")))
                .isFalse();
        assertThat(Codec.of(1, "x", 1).withFmtp("apt=abc").apt()).isEmpty();
        assertThat(Codec.of(1, "x", 1).fmtp()).isEqualTo(Optional.empty());
    }
}
