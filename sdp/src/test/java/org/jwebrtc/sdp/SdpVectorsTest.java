package org.jwebrtc.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jwebrtc.testsupport.SharedFiles;
import org.junit.jupiter.api.Test;

/** Concrete facts of every file in vectors/sdp, checked against the text by hand. */
class SdpVectorsTest {

    private static SessionDescription load(String name) throws SdpException {
        return Sdp.parse(SharedFiles.text(SharedFiles.vectors("sdp", name)));
    }

    @Test
    void chromiumAudioVideoOffer() throws SdpException {
        SessionDescription sd = load("chromium_audio_video.sdp");
        assertThat(sd.origin()).isEqualTo(new Origin("-", "7169721126327183323", 3, "IN", "IP4", "127.0.0.1"));
        assertThat(sd.sessionName()).isEqualTo("-");
        assertThat(sd.timings()).containsExactly(Timing.UNBOUNDED);
        assertThat(sd.bundleGroup()).contains(new Group("BUNDLE", List.of("0", "1")));
        assertThat(sd.has(PropertyAttribute.EXTMAP_ALLOW_MIXED)).isTrue();
        assertThat(sd.attributes()).contains(new UnknownAttribute("msid-semantic: WMS"));
        assertThat(sd.media()).hasSize(2);

        MediaDescription audio = sd.media().get(0);
        assertThat(audio.media()).isEqualTo("audio");
        assertThat(audio.port()).isEqualTo(9);
        assertThat(audio.protocol()).isEqualTo("UDP/TLS/RTP/SAVPF");
        assertThat(audio.payloadTypes()).containsExactly(111, 63, 9, 0, 8, 13, 110, 126);
        assertThat(audio.mid()).contains("0");
        assertThat(audio.connections()).containsExactly(Connection.IP4_ANY);
        assertThat(audio.first(Rtcp.class)).contains(new Rtcp(9, Optional.of(Connection.IP4_ANY)));
        assertThat(audio.iceUfrag()).contains("nWnq");
        assertThat(audio.icePwd()).contains("DTdCVj00s9nGkNgWra0P30A2");
        assertThat(audio.first(IceOptions.class).orElseThrow().has("trickle")).isTrue();
        Fingerprint fp = audio.fingerprints().get(0);
        assertThat(fp.hashFunction()).isEqualTo("sha-256");
        assertThat(fp.bytes()).hasSize(32).startsWith((byte) 0xA4, (byte) 0x67);
        assertThat(audio.setup()).contains(Setup.ACTPASS);
        assertThat(audio.direction()).isEqualTo(Direction.SENDRECV);
        assertThat(audio.has(PropertyAttribute.RTCP_MUX)).isTrue();
        assertThat(audio.has(PropertyAttribute.RTCP_RSIZE)).isFalse();
        assertThat(audio.rtpMaps()).hasSize(8);
        assertThat(audio.rtpMap(111)).contains(new RtpMap(111, "opus", 48000, OptionalInt.of(2)));
        assertThat(audio.rtpMap(0)).contains(new RtpMap(0, "PCMU", 8000));
        assertThat(audio.fmtp(111).orElseThrow().parameterMap())
                .containsEntry("minptime", "10").containsEntry("useinbandfec", "1");
        assertThat(audio.fmtp(63)).contains(new Fmtp(63, "111/111"));
        assertThat(audio.rtcpFeedback(111)).containsExactly(new RtcpFb(111, "transport-cc"));
        assertThat(audio.extmaps()).extracting(Extmap::id).containsExactly(1, 2, 3, 4);
        assertThat(audio.extmaps().get(3).uri()).isEqualTo("urn:ietf:params:rtp-hdrext:sdes:mid");
        assertThat(audio.msids()).containsExactly(new Msid("-", "06574f1e-f4bf-4b6d-b66c-3493cd7ab50f"));
        assertThat(audio.ssrcs()).containsExactly(
                new Ssrc(3262661846L, "cname", "yFbnkIWTHwPXy6MO"),
                new Ssrc(3262661846L, "msid", "- 06574f1e-f4bf-4b6d-b66c-3493cd7ab50f"));
        assertThat(audio.candidates()).isEmpty();

        MediaDescription video = sd.media().get(1);
        assertThat(video.mid()).contains("1");
        assertThat(video.payloadTypes()).hasSize(23).startsWith(96, 97, 102).endsWith(112, 113, 114);
        assertThat(video.rtpMaps()).hasSize(23);
        assertThat(video.attributes(RtcpFb.class)).hasSize(50);
        assertThat(video.attributes(Fmtp.class)).hasSize(19);
        assertThat(video.rtcpFeedback(96)).extracting(RtcpFb::text).containsExactly(
                "rtcp-fb:96 goog-remb", "rtcp-fb:96 transport-cc", "rtcp-fb:96 ccm fir", "rtcp-fb:96 nack",
                "rtcp-fb:96 nack pli");
        assertThat(video.rtcpFeedback(97)).isEmpty();   // rtx has no feedback
        assertThat(video.fmtp(102).orElseThrow().parameterMap()).containsExactly(
                java.util.Map.entry("level-asymmetry-allowed", "1"), java.util.Map.entry("packetization-mode", "1"),
                java.util.Map.entry("profile-level-id", "42001f"));
        assertThat(video.fmtp(97).orElseThrow().parameter("apt")).contains("96");
        assertThat(video.rtpMap(45).orElseThrow().encodingName()).isEqualTo("AV1");
        assertThat(video.rtpMaps().stream().filter(r -> r.encodingName().equals("H264")).count()).isEqualTo(6);
        assertThat(video.rtpMaps().stream().filter(r -> r.encodingName().equals("rtx")).count()).isEqualTo(11);
        assertThat(video.extmaps()).hasSize(11);
        assertThat(video.extmaps().get(0)).isEqualTo(new Extmap(14, "urn:ietf:params:rtp-hdrext:toffset"));
        assertThat(video.has(PropertyAttribute.RTCP_RSIZE)).isTrue();
        assertThat(video.ssrcGroups()).containsExactly(new SsrcGroup("FID", List.of(1862494604L, 1112104850L)));
        assertThat(video.ssrcs()).hasSize(4);
        assertThat(video.msids()).containsExactly(new Msid("-", "0a874693-9ca3-44a4-8c95-d8f2e26a7179"));
        assertThat(sd.attributes().size() + audio.attributes().size() + video.attributes().size()).isEqualTo(149);
        assertThat(sd.mediaByMid("1")).contains(video);
        // no line fell back to the raw variant except msid-semantic
        assertThat(video.attributes(UnknownAttribute.class)).isEmpty();
        assertThat(audio.attributes(UnknownAttribute.class)).isEmpty();
    }

    @Test
    void jsepOffer() throws SdpException {
        SessionDescription sd = load("jsep.sdp");
        assertThat(sd.bundleGroup()).contains(new Group("BUNDLE", List.of("a1", "v1")));
        assertThat(sd.media()).extracting(m -> m.mid().orElseThrow()).containsExactly("a1", "v1");
        MediaDescription a = sd.media().get(0);
        assertThat(a.port()).isEqualTo(56500);
        assertThat(a.payloadTypes()).containsExactly(96, 0, 8, 97, 98);
        assertThat(a.rtpMap(98)).contains(new RtpMap(98, "telephone-event", 48000));
        assertThat(a.unknown("maxptime")).extracting(u -> u.value().orElseThrow()).containsExactly("120");
        assertThat(a.first(Rtcp.class)).contains(
                new Rtcp(56501, Optional.of(new Connection("IN", "IP4", "192.0.2.1"))));
        assertThat(a.candidates()).hasSize(2);
        Candidate c = a.candidates().get(1);
        assertThat(c.foundation()).isEqualTo("3348148302");
        assertThat(c.component()).isEqualTo(2);
        assertThat(c.transport()).isEqualTo("udp");
        assertThat(c.priority()).isEqualTo(2113937151L);
        assertThat(c.address()).isEqualTo("192.0.2.1");
        assertThat(c.port()).isEqualTo(56501);
        assertThat(c.type()).isEqualTo(CandidateType.HOST);
        assertThat(a.has(PropertyAttribute.END_OF_CANDIDATES)).isTrue();
        assertThat(a.ssrcs()).containsExactly(new Ssrc(1732846380L, "cname", "EocUG1f0fcg/yvY7"));
        assertThat(a.extmaps()).extracting(Extmap::id).containsExactly(1, 2);

        MediaDescription v = sd.media().get(1);
        assertThat(v.port()).isZero();
        assertThat(v.has(PropertyAttribute.BUNDLE_ONLY)).isTrue();
        assertThat(v.isRejected()).isFalse();
        assertThat(v.msids()).hasSize(2).allMatch(m -> m.trackId().orElseThrow().startsWith("f30bdb4a"));
        assertThat(v.rtcpFeedback(100)).extracting(RtcpFb::type, f -> f.parameter().orElse(""))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ccm", "fir"),
                        org.assertj.core.groups.Tuple.tuple("nack", ""),
                        org.assertj.core.groups.Tuple.tuple("nack", "pli"));
        assertThat(v.ssrcGroups()).containsExactly(new SsrcGroup("FID", List.of(1366781083L, 1366781084L)));
        assertThat(v.iceUfrag()).contains("BGKkWnG5GmiUpdIV");
        assertThat(v.candidates()).isEmpty();
    }

    @Test
    void normalChromeEraOffer() throws SdpException {
        SessionDescription sd = load("normal.sdp");
        assertThat(sd.connection()).contains(new Connection("IN", "IP4", "203.0.113.1"));
        assertThat(sd.first(IceUfrag.class)).contains(new IceUfrag("F7gI"));
        assertThat(sd.first(Fingerprint.class).orElseThrow().bytes()).hasSize(20);
        assertThat(sd.first(Setup.class)).contains(Setup.ACTPASS);
        assertThat(sd.media()).hasSize(2);
        MediaDescription a = sd.media().get(0);
        assertThat(sd.iceUfrag(a)).contains("F7gI");   // inherited from session level
        assertThat(a.protocol()).isEqualTo("RTP/SAVPF");
        assertThat(a.rtpMap(96)).contains(new RtpMap(96, "opus", 48000));
        assertThat(a.extmaps()).containsExactly(new Extmap(1, "URI-toffset"),
                new Extmap(2, Optional.of(Direction.RECVONLY), "URI-gps-string", Optional.empty()));
        assertThat(a.has(PropertyAttribute.EXTMAP_ALLOW_MIXED)).isTrue();
        assertThat(a.candidates()).hasSize(4);
        Candidate srflx = a.candidates().get(2);
        assertThat(srflx.type()).isEqualTo(CandidateType.SRFLX);
        assertThat(srflx.transport()).isEqualTo("UDP");
        assertThat(srflx.relatedAddress()).contains("192.168.1.145");
        assertThat(srflx.relatedPort()).hasValue(54402);
        assertThat(srflx.generation()).hasValue(0);
        assertThat(srflx.networkId()).hasValue(3);
        assertThat(srflx.networkCost()).hasValue(10);
        assertThat(srflx.text()).isEqualTo("candidate:2 1 UDP 1686052607 203.0.113.1 54402 typ srflx raddr "
                + "192.168.1.145 rport 54402 generation 0 network-id 3 network-cost 10");

        MediaDescription v = sd.media().get(1);
        assertThat(v.fmtp(97).orElseThrow().parameter("sprop-parameter-sets")).contains("Z0IAH5WoFAFuQA==,aM48gA==");
        assertThat(v.fmtp(98).orElseThrow().parameters()).isEqualTo("minptime=10; useinbandfec=1");
        assertThat(v.fmtp(98).orElseThrow().parameter("useinbandfec")).contains("1");
        assertThat(v.rtcpFeedback(98)).containsExactly(new RtcpFb(RtcpFb.WILDCARD, "nack"),
                new RtcpFb(98, "nack", "rpsi"), new RtcpFb(98, "trr-int", "100"));
        assertThat(v.unknown("crypto")).hasSize(1);
        assertThat(v.candidates()).hasSize(4).allMatch(c -> c.networkCost().isEmpty());
        assertThat(v.ssrcs()).containsExactly(new Ssrc(1399694169L, "foo", "bar"),
                new Ssrc(1399694169L, "baz", Optional.empty()), new Ssrc(1399694169L, "foo-bar", "baz"));
    }

    @Test
    void rtcpFeedbackWildcards() throws SdpException {
        SessionDescription sd = load("rtcp-fb.sdp");
        assertThat(sd.origin().username()).isEqualTo("alice");
        assertThat(sd.connection()).contains(new Connection("IN", "IP4", "127.0.0.1"));
        assertThat(sd.attributes()).containsExactly(
                new UnknownAttribute("rtcp-xr:rcvr-rtt=all:10000 stat-summary=loss,dup,jitt,TTL voip-metrics"));
        MediaDescription a = sd.media().get(0);
        assertThat(a.payloadTypes()).containsExactly(96, 101);
        assertThat(a.rtcpFeedback(96)).containsExactly(new RtcpFb(-1, "trr-int", "5"), new RtcpFb(-1, "ccm", "tmmbr"));
        MediaDescription v = sd.media().get(1);
        assertThat(v.attributes(RtcpFb.class)).hasSize(6);
        assertThat(v.rtcpFeedback(96)).hasSize(6).contains(new RtcpFb(96, "ack", "rpsi"));
    }

    @Test
    void tcpActiveImage() throws SdpException {
        SessionDescription sd = load("tcp-active.sdp");
        assertThat(sd.timings()).isEmpty();
        MediaDescription m = sd.media().get(0);
        assertThat(m.media()).isEqualTo("image");
        assertThat(m.protocol()).isEqualTo("TCP");
        assertThat(m.formats()).containsExactly("t38");
        assertThat(m.payloadTypes()).isEmpty();
        assertThat(m.setup()).contains(Setup.ACTIVE);
        assertThat(m.unknown("connection")).hasSize(1);
    }

    @Test
    void bfcpApplicationSection() throws SdpException {
        SessionDescription sd = load("bfcp.sdp");
        assertThat(sd.bandwidths()).containsExactly(new Bandwidth("AS", 1024));
        assertThat(sd.first(Direction.class)).contains(Direction.SENDRECV);
        assertThat(sd.media()).extracting(MediaDescription::media).containsExactly("audio", "video", "application", "video");
        assertThat(sd.media().get(2).formats()).containsExactly("*");
        assertThat(sd.media().get(2).protocol()).isEqualTo("UDP/BFCP");
        assertThat(sd.media().get(2).setup()).contains(Setup.PASSIVE);
        assertThat(sd.media().get(1).fmtp(111).orElseThrow().parameter("packetization-mode")).contains("1");
        assertThat(sd.media().get(3).fmtp(111).orElseThrow().parameter("max-fs")).contains("8192");
        assertThat(sd.media().get(3).unknown("content").get(0).value()).contains("slides");
    }

    @Test
    void alacKeepsMalformedRtpmapRaw() throws SdpException {
        SessionDescription sd = load("alac.sdp");
        assertThat(sd.origin().address()).isEqualTo("fe80::217:f2ff:fe0f:e0f6");
        MediaDescription m = sd.media().get(0);
        assertThat(m.rtpMaps()).isEmpty();
        assertThat(m.unknown("rtpmap")).containsExactly(new UnknownAttribute("rtpmap:96 AppleLossless"));
        assertThat(m.fmtp(96).orElseThrow().parameters()).isEqualTo("352 0 16 40 10 14 2 255 0 0 44100");
        assertThat(m.unknown("aesiv")).hasSize(1);
    }

    @Test
    void danteAes67() throws SdpException {
        SessionDescription sd = load("dante-aes67.sdp");
        assertThat(sd.connection()).contains(new Connection("IN", "IP4", "239.65.125.63/32"));
        MediaDescription m = sd.media().get(0);
        assertThat(m.information()).contains("2 channels: TxChan 0, TxChan 1");
        assertThat(m.direction()).isEqualTo(Direction.RECVONLY);
        assertThat(m.rtpMap(97)).contains(new RtpMap(97, "L24", 48000, OptionalInt.of(2)));
        assertThat(m.unknown("ptime").get(0).value()).contains("1");
    }

    @Test
    void mediaClockVariants() throws SdpException {
        assertThat(mediaclk("mediaclk-avbtp.sdp")).isEqualTo("IEEE1722=38-D6-6D-8E-D2-78-13-2F");
        assertThat(mediaclk("mediaclk-ptp-v2.sdp")).isEqualTo("direct=963214424");
        assertThat(mediaclk("mediaclk-ptp-v2-w-rate.sdp")).isEqualTo("direct=963214424 rate=1000/1001");
        assertThat(mediaclk("mediaclk-rtp.sdp")).isEqualTo("id=MDA6NjA6MmI6MjA6MTI6MWY= sender");
        SessionDescription sd = load("mediaclk-ptp-v2.sdp");
        assertThat(sd.connection()).contains(new Connection("IN", "IP4", "233.252.0.1/64"));   // before s=
        assertThat(sd.sessionName()).isEmpty();
        assertThat(sd.media().get(0).rtpMap(96)).contains(new RtpMap(96, "L24", 48000, OptionalInt.of(8)));
        assertThat(load("mediaclk-ptp-v2-w-rate.sdp").media().get(0).rtpMap(96).orElseThrow().clockRate())
                .isEqualTo(44100);
        assertThat(sd.media().get(0).direction()).isEqualTo(Direction.SENDONLY);
    }

    private static String mediaclk(String file) throws SdpException {
        MediaDescription m = load(file).media().get(0);
        assertThat(m.unknown("ts-refclk")).hasSize(1);
        return m.unknown("mediaclk").get(0).value().orElseThrow();
    }

    @Test
    void onvifWithoutTiming() throws SdpException {
        SessionDescription sd = load("onvif.sdp");
        assertThat(sd.timings()).isEmpty();
        assertThat(sd.media()).extracting(MediaDescription::port).containsExactly(0, 0, 0);
        assertThat(sd.media()).allMatch(MediaDescription::isRejected);
        assertThat(sd.media().get(2).rtpMap(107).orElseThrow().encodingName()).isEqualTo("vnd.onvif.metadata");
        assertThat(sd.media().get(1).unknown("control").get(0).value())
                .contains("rtsp://example.com/onvif_camera/video");
    }

    @Test
    void smpte2022And2110() throws SdpException {
        SessionDescription a = load("st2022-6.sdp");
        assertThat(a.media().get(0).rtpMap(98).orElseThrow().clockRate()).isEqualTo(27_000_000);
        assertThat(a.media().get(0).unknown("source-filter")).hasSize(1);

        SessionDescription b = load("st2110-20.sdp");
        assertThat(b.information()).contains("this example is for 720p interlaced video");
        assertThat(b.groups()).containsExactly(new Group("DUP", List.of("primary", "secondary")));
        assertThat(b.media()).extracting(m -> m.mid().orElseThrow()).containsExactly("primary", "secondary;");
        assertThat(b.media().get(0).fmtp(112).orElseThrow().parameterMap())
                .containsEntry("width", "1280").containsEntry("interlace", "").containsEntry("exactframerate", "60000/1001");
        assertThat(b.media().get(1).connections()).containsExactly(new Connection("IN", "IP4", "239.101.9.10/32"));
    }

    @Test
    void referenceClocks() throws SdpException {
        SessionDescription media = load("ts-refclk-media.sdp");
        assertThat(media.uri()).contains("http://www.example.com/seminars/sdp.pdf");
        assertThat(media.emails()).containsExactly("j.doe@example.com (Jane Doe)");
        assertThat(media.timings()).containsExactly(new Timing(2873397496L, 2873404696L, List.of()));
        assertThat(media.media().get(0).unknown("ts-refclk")).hasSize(2);
        assertThat(media.media().get(1).rtpMap(99).orElseThrow().encodingName()).isEqualTo("h263-1998");

        SessionDescription sess = load("ts-refclk-sess.sdp");
        assertThat(sess.attributes()).containsExactly(Direction.RECVONLY, new UnknownAttribute("ts-refclk:ntp=/traceable/"));
        assertThat(sess.direction(sess.media().get(0))).isEqualTo(Direction.RECVONLY);   // inherited
        assertThat(sess.media().get(0).attributes()).isEmpty();
    }
}
