package org.jwebrtc.sdp.jsep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jwebrtc.sdp.Candidate;
import org.jwebrtc.sdp.CandidateType;
import org.jwebrtc.sdp.Direction;
import org.jwebrtc.sdp.Extmap;
import org.jwebrtc.sdp.Fingerprint;
import org.jwebrtc.sdp.Group;
import org.jwebrtc.sdp.MediaDescription;
import org.jwebrtc.sdp.Msid;
import org.jwebrtc.sdp.Origin;
import org.jwebrtc.sdp.PropertyAttribute;
import org.jwebrtc.sdp.Sdp;
import org.jwebrtc.sdp.SdpException;
import org.jwebrtc.sdp.SessionDescription;
import org.jwebrtc.sdp.Setup;
import org.jwebrtc.sdp.Ssrc;
import org.jwebrtc.testsupport.SharedFiles;
import org.junit.jupiter.api.Test;

/** Offer and answer generation (RFC 8829 §5.2.1, §5.3.1; RFC 3264 §6.1; RFC 8843). */
class JsepTest {
    static final Fingerprint FP = Fingerprint.of("sha-256", new byte[32]);
    static final TransportParameters LOCAL = new TransportParameters("ufrA", "passwordpasswordpassword", FP);
    static final Origin ORIGIN = new Origin("-", "4611731400430051336", 2, "IN", "IP4", "127.0.0.1");
    static final String MID_EXT = "urn:ietf:params:rtp-hdrext:sdes:mid";

    static final List<Codec> AUDIO = List.of(Codec.audio(111, "opus", 48000, 2)
            .withFmtp("minptime=10;useinbandfec=1").withFeedback("transport-cc"), Codec.of(0, "PCMU", 8000));
    static final List<Codec> VIDEO = List.of(
            Codec.of(96, "VP8", 90000).withFeedback("goog-remb", "transport-cc", "ccm fir", "nack", "nack pli"),
            Codec.rtx(97, 96, 90000),
            CodecNegotiationTest.h264(102, "level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f")
                    .withFeedback("nack", "nack pli"),
            Codec.rtx(103, 102, 90000));

    static OfferOptions offerOptions() {
        return new OfferOptions(ORIGIN, LOCAL, List.of(
                new TransceiverSpec(MediaKind.AUDIO, "0", Direction.SENDRECV, AUDIO, List.of(new Extmap(4, MID_EXT)),
                        Optional.of(new Msid("stream", "track-a")), List.of(new Ssrc(1234, "cname", "c"))),
                new TransceiverSpec(MediaKind.VIDEO, "1", Direction.RECVONLY, VIDEO)),
                Optional.of(new DataChannelSpec("2")), true);
    }

    @Test
    void offerHasJsepShape() throws SdpException {
        SessionDescription offer = Jsep.createOffer(offerOptions());
        assertThat(offer.bundleGroup()).contains(new Group("BUNDLE", List.of("0", "1", "2")));
        assertThat(offer.media()).extracting(MediaDescription::media).containsExactly("audio", "video", "application");
        MediaDescription audio = offer.media().get(0);
        assertThat(audio.port()).isEqualTo(9);
        assertThat(audio.protocol()).isEqualTo("UDP/TLS/RTP/SAVPF");
        assertThat(audio.payloadTypes()).containsExactly(111, 0);
        assertThat(audio.setup()).contains(Setup.ACTPASS);
        assertThat(audio.iceUfrag()).contains("ufrA");
        assertThat(audio.fingerprints()).containsExactly(FP);
        assertThat(audio.has(PropertyAttribute.RTCP_MUX)).isTrue();
        assertThat(audio.has(PropertyAttribute.RTCP_RSIZE)).isFalse();
        assertThat(audio.msids()).containsExactly(new Msid("stream", "track-a"));
        assertThat(audio.ssrcs()).hasSize(1);
        assertThat(audio.fmtp(111).orElseThrow().parameters()).isEqualTo("minptime=10;useinbandfec=1");
        MediaDescription video = offer.media().get(1);
        assertThat(video.direction()).isEqualTo(Direction.RECVONLY);
        assertThat(video.has(PropertyAttribute.RTCP_RSIZE)).isTrue();
        assertThat(video.rtcpFeedback(96)).hasSize(5);
        assertThat(video.fmtp(97).orElseThrow().parameters()).isEqualTo("apt=96");
        MediaDescription data = offer.media().get(2);
        assertThat(data.protocol()).isEqualTo("UDP/DTLS/SCTP");
        assertThat(data.formats()).containsExactly("webrtc-datachannel");
        assertThat(data.sctpPort()).hasValue(5000);
        assertThat(data.maxMessageSize()).hasValue(262144);
        // the text is strict RFC 8866 and parses back to the same model
        assertThat(Sdp.parse(offer.write(), Sdp.Mode.STRICT)).isEqualTo(offer);
    }

    @Test
    void offerWithCandidatesAndIceLiteAndNoBundle() {
        Candidate host = new Candidate("1", 1, "udp", 2130706431L, "127.0.0.1", 50000, CandidateType.HOST);
        TransportParameters t = new TransportParameters("ufrA", "passwordpasswordpassword", List.of(FP), true, false,
                List.of(host), true);
        SessionDescription offer = Jsep.createOffer(new OfferOptions(ORIGIN, t,
                List.of(new TransceiverSpec(MediaKind.AUDIO, "a", Direction.SENDONLY, AUDIO)), Optional.empty(), false));
        assertThat(offer.bundleGroup()).isEmpty();
        assertThat(offer.iceLite()).isTrue();
        MediaDescription m = offer.media().get(0);
        assertThat(m.candidates()).containsExactly(host);
        assertThat(m.has(PropertyAttribute.END_OF_CANDIDATES)).isTrue();
        assertThat(m.first(org.jwebrtc.sdp.IceOptions.class)).isEmpty();
        assertThatThrownBy(() -> new OfferOptions(ORIGIN, t, List.of(new TransceiverSpec(MediaKind.AUDIO, "a",
                Direction.SENDONLY, AUDIO)), Optional.of(new DataChannelSpec("a")), true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static AnswerOptions answerOptions(Map<String, Direction> directions, Optional<DataChannelSpec> data) {
        return new AnswerOptions(new Origin("-", "99", 1, "IN", "IP4", "127.0.0.1"),
                new TransportParameters("ufrB", "passwordpasswordpasswordB", FP), Setup.ACTIVE,
                Map.of(MediaKind.AUDIO, new MediaCapabilities(List.of(Codec.audio(109, "opus", 48000, 2)
                                .withFeedback("transport-cc")), List.of(new Extmap(1, MID_EXT))),
                        MediaKind.VIDEO, new MediaCapabilities(List.of(
                                CodecNegotiationTest.h264(120, "packetization-mode=1;profile-level-id=42e01f")
                                        .withFeedback("nack", "nack pli", "transport-cc"),
                                Codec.rtx(121, 120, 90000)),
                                List.of(new Extmap(7, MID_EXT), new Extmap(8, "urn:3gpp:video-orientation")))),
                directions, Map.of("0", List.of(new Msid("s", "t"))), data);
    }

    @Test
    void answerToChromiumOffer() throws SdpException {
        SessionDescription offer = Sdp.parse(SharedFiles.text(SharedFiles.vectors("sdp", "chromium_audio_video.sdp")));
        SessionDescription answer = Jsep.createAnswer(offer, answerOptions(Map.of(), Optional.empty()));
        assertThat(answer.bundleGroup()).contains(new Group("BUNDLE", List.of("0", "1")));
        MediaDescription audio = answer.media().get(0);
        assertThat(audio.mid()).contains("0");
        assertThat(audio.payloadTypes()).containsExactly(111);
        assertThat(audio.rtcpFeedback(111)).extracting(f -> f.type()).containsExactly("transport-cc");
        assertThat(audio.extmaps()).containsExactly(new Extmap(4, MID_EXT));   // offered id kept
        assertThat(audio.setup()).contains(Setup.ACTIVE);
        assertThat(audio.direction()).isEqualTo(Direction.SENDRECV);
        assertThat(audio.msids()).containsExactly(new Msid("s", "t"));
        assertThat(audio.has(PropertyAttribute.BUNDLE_ONLY)).isFalse();
        MediaDescription video = answer.media().get(1);
        // 42e01f packetization-mode=1 is offered as PT 106, its RTX as 107
        assertThat(video.payloadTypes()).containsExactly(106, 107);
        assertThat(video.fmtp(106).orElseThrow().parameters()).isEqualTo("packetization-mode=1;profile-level-id=42e01f");
        assertThat(video.fmtp(107).orElseThrow().parameters()).isEqualTo("apt=106");
        assertThat(video.rtcpFeedback(106)).extracting(f -> f.text())
                .containsExactly("rtcp-fb:106 transport-cc", "rtcp-fb:106 nack", "rtcp-fb:106 nack pli");
        assertThat(video.extmaps()).containsExactly(new Extmap(13, "urn:3gpp:video-orientation"),
                new Extmap(4, MID_EXT));
        assertThat(video.has(PropertyAttribute.RTCP_RSIZE)).isTrue();
        assertThat(Sdp.parse(answer.write(), Sdp.Mode.STRICT)).isEqualTo(answer);

        List<NegotiatedMedia> n = Jsep.negotiated(answer);
        assertThat(n).extracting(x -> x.mid().orElseThrow()).containsExactly("0", "1");
        assertThat(n.get(1).codecs()).extracting(Codec::name).containsExactly("H264", "rtx");
        assertThat(n.get(0).direction(true)).isEqualTo(Direction.SENDRECV);
    }

    @Test
    void answerDirectionsFollowRfc3264() {
        SessionDescription offer = Jsep.createOffer(new OfferOptions(ORIGIN, LOCAL, List.of(
                new TransceiverSpec(MediaKind.AUDIO, "so", Direction.SENDONLY, AUDIO),
                new TransceiverSpec(MediaKind.AUDIO, "ro", Direction.RECVONLY, AUDIO),
                new TransceiverSpec(MediaKind.AUDIO, "sr", Direction.SENDRECV, AUDIO),
                new TransceiverSpec(MediaKind.AUDIO, "in", Direction.INACTIVE, AUDIO),
                new TransceiverSpec(MediaKind.AUDIO, "sr2", Direction.SENDRECV, AUDIO)), Optional.empty(), true));
        SessionDescription answer = Jsep.createAnswer(offer,
                answerOptions(Map.of("sr2", Direction.RECVONLY), Optional.empty()));
        assertThat(answer.media()).extracting(MediaDescription::direction).containsExactly(Direction.RECVONLY,
                Direction.SENDONLY, Direction.SENDRECV, Direction.INACTIVE, Direction.RECVONLY);
        List<NegotiatedMedia> n = Jsep.negotiated(answer);
        assertThat(n.get(0).direction(true)).isEqualTo(Direction.SENDONLY);   // offerer's view
        assertThat(n.get(0).direction(false)).isEqualTo(Direction.RECVONLY);  // answerer's view
    }

    @Test
    void rejectionsLeaveTheBundleGroupAndKeepTheMid() throws SdpException {
        // video offers only VP8, the answerer only H.264: no common codec → rejected
        SessionDescription offer = Jsep.createOffer(new OfferOptions(ORIGIN, LOCAL, List.of(
                new TransceiverSpec(MediaKind.VIDEO, "v", Direction.SENDRECV, VIDEO.subList(0, 2)),
                new TransceiverSpec(MediaKind.AUDIO, "a", Direction.SENDRECV, AUDIO)),
                Optional.of(new DataChannelSpec("d")), true));
        SessionDescription answer = Jsep.createAnswer(offer, answerOptions(Map.of(), Optional.empty()));
        assertThat(answer.media()).extracting(MediaDescription::port).containsExactly(0, 9, 0);
        assertThat(answer.media().get(0).mid()).contains("v");
        assertThat(answer.media().get(0).formats()).containsExactly("96", "97");
        // the offerer-tagged "v" was rejected, so "a" becomes the tag (RFC 8843 §7.3.1)
        assertThat(answer.bundleGroup()).contains(new Group("BUNDLE", List.of("a")));
        assertThat(Jsep.negotiated(answer)).extracting(NegotiatedMedia::rejected).containsExactly(true, false, true);
        assertThat(Sdp.parse(answer.write(), Sdp.Mode.STRICT)).isEqualTo(answer);
    }

    @Test
    void dataChannelAnswerAndSetupRoles() {
        SessionDescription offer = Jsep.createOffer(new OfferOptions(ORIGIN, LOCAL, List.of(),
                Optional.of(new DataChannelSpec("data", 5000, 65536)), true));
        SessionDescription answer = Jsep.createAnswer(offer,
                answerOptions(Map.of(), Optional.of(new DataChannelSpec("ignored", 5001, 1 << 20))));
        MediaDescription d = answer.media().get(0);
        assertThat(d.mid()).contains("data");
        assertThat(d.sctpPort()).hasValue(5001);
        assertThat(d.maxMessageSize()).hasValue(1 << 20);
        assertThat(d.setup()).contains(Setup.ACTIVE);
        assertThat(answer.bundleGroup()).contains(new Group("BUNDLE", List.of("data")));
        assertThat(Jsep.negotiated(answer).get(0).sctpPort()).hasValue(5001);
        // RFC 4145 §4.1: active ⇄ passive, actpass → answerer's choice
        assertThat(Jsep.answerSetup(Setup.ACTIVE, Setup.ACTIVE)).isEqualTo(Setup.PASSIVE);
        assertThat(Jsep.answerSetup(Setup.PASSIVE, Setup.PASSIVE)).isEqualTo(Setup.ACTIVE);
        assertThat(Jsep.answerSetup(Setup.ACTPASS, Setup.PASSIVE)).isEqualTo(Setup.PASSIVE);
    }

    @Test
    void unknownKindsAndPortZeroAreRejected() throws SdpException {
        SessionDescription offer = Sdp.parse(SharedFiles.text(SharedFiles.vectors("sdp", "bfcp.sdp")));
        SessionDescription answer = Jsep.createAnswer(offer, answerOptions(Map.of(), Optional.empty()));
        // audio G722 and video H.264 High (64001f) have no common codec; UDP/BFCP is no RTP
        assertThat(answer.media()).extracting(MediaDescription::port).containsExactly(0, 0, 0, 0);
        assertThat(answer.media().get(2).formats()).containsExactly("*");
        assertThat(answer.bundleGroup()).isEmpty();
    }
}
