package org.jwebrtc.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Shapes other browsers and stacks send that the shared vectors do not show: Firefox-style
 * offers (braced msids, csrc extmap with direction, DTMF range fmtp, TCP candidates), simulcast
 * with rids and a paused layer, legacy data channel m-lines and old simulcast syntax.
 */
class BrowserVariantsTest {
    static final String FIREFOX_STYLE = String.join("\r\n",
            "v=0",
            "o=mozilla...THIS_IS_SDPARTA-99.0 3146427346178627330 0 IN IP4 0.0.0.0",
            "s=-",
            "t=0 0",
            "a=fingerprint:sha-256 2F:AC:06:42:A6:B7:30:0A:7F:8E:5F:48:67:34:C2:7D:A1:AD:83:F9:2E:65:72:A5:1E:2E:BD:3A:76:C4:DD:A2",
            "a=group:BUNDLE 0 1 2",
            "a=ice-options:trickle",
            "a=msid-semantic:WMS *",
            "m=audio 9 UDP/TLS/RTP/SAVPF 109 9 0 8 101",
            "c=IN IP4 0.0.0.0",
            "a=sendrecv",
            "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level",
            "a=extmap:2/recvonly urn:ietf:params:rtp-hdrext:csrc-audio-level",
            "a=extmap:3 urn:ietf:params:rtp-hdrext:sdes:mid",
            "a=fmtp:109 maxplaybackrate=48000;stereo=1;useinbandfec=1",
            "a=fmtp:101 0-15",
            "a=ice-pwd:6c6e1c7a4b4f7e0f4a2b0f5c1d3e2a1b",
            "a=ice-ufrag:8f2a1b3c",
            "a=mid:0",
            "a=msid:{5a1d3e2c-1b2a-4c3d-9e8f-7a6b5c4d3e2f} {0b1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e}",
            "a=rtcp-mux",
            "a=rtpmap:109 opus/48000/2",
            "a=rtpmap:9 G722/8000/1",
            "a=rtpmap:0 PCMU/8000",
            "a=rtpmap:8 PCMA/8000",
            "a=rtpmap:101 telephone-event/8000/1",
            "a=setup:actpass",
            "a=ssrc:3004354218 cname:{4f2e1d3c-2b1a-4c5d-8e9f-1a2b3c4d5e6f}",
            "a=candidate:0 1 UDP 2122252543 192.168.1.2 49349 typ host",
            "a=candidate:1 1 TCP 2105524479 192.168.1.2 9 typ host tcptype active",
            "a=candidate:2 1 UDP 1686052863 198.51.100.4 49349 typ srflx raddr 192.168.1.2 rport 49349",
            "a=end-of-candidates",
            "m=video 9 UDP/TLS/RTP/SAVPF 120 124",
            "c=IN IP4 0.0.0.0",
            "a=sendonly",
            "a=extmap:3 urn:ietf:params:rtp-hdrext:sdes:mid",
            "a=extmap:10 urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id",
            "a=fmtp:120 max-fs=12288;max-fr=60",
            "a=fmtp:124 apt=120",
            "a=mid:1",
            "a=rid:h send pt=120;max-width=1280;max-height=720",
            "a=rid:m send",
            "a=rid:l send",
            "a=simulcast:send h;m;~l",
            "a=rtcp-fb:120 nack",
            "a=rtcp-fb:120 nack pli",
            "a=rtcp-fb:120 ccm fir",
            "a=rtcp-fb:120 goog-remb",
            "a=rtcp-mux",
            "a=rtcp-rsize",
            "a=rtpmap:120 VP8/90000",
            "a=rtpmap:124 rtx/90000",
            "a=setup:actpass",
            "a=ssrc-group:SIM 1 2 3",
            "m=application 9 UDP/DTLS/SCTP webrtc-datachannel",
            "c=IN IP4 0.0.0.0",
            "a=sendrecv",
            "a=mid:2",
            "a=setup:actpass",
            "a=sctp-port:5000",
            "a=max-message-size:1073741823",
            "");

    @Test
    void firefoxStyleOfferIsFullyTypedAndCanonical() throws SdpException {
        SessionDescription sd = Sdp.parse(FIREFOX_STYLE, Sdp.Mode.STRICT);
        assertThat(sd.write()).isEqualTo(FIREFOX_STYLE);
        assertThat(sd.origin().username()).isEqualTo("mozilla...THIS_IS_SDPARTA-99.0");
        assertThat(sd.bundleGroup().orElseThrow().mids()).containsExactly("0", "1", "2");
        MediaDescription audio = sd.media().get(0);
        assertThat(sd.fingerprints(audio)).hasSize(1);   // session-level
        assertThat(audio.rtpMap(9).orElseThrow().channels()).hasValue(1);
        assertThat(audio.fmtp(101).orElseThrow().parameters()).isEqualTo("0-15");
        assertThat(audio.extmaps().get(1).direction()).contains(Direction.RECVONLY);
        assertThat(audio.msids().get(0).streamId()).startsWith("{5a1d");
        assertThat(audio.candidates()).extracting(Candidate::transport).containsExactly("UDP", "TCP", "UDP");
        assertThat(audio.candidates().get(1).tcpType()).contains(TcpType.ACTIVE);
        assertThat(audio.candidates().get(2).relatedPort()).hasValue(49349);
        MediaDescription video = sd.media().get(1);
        assertThat(video.direction()).isEqualTo(Direction.SENDONLY);
        assertThat(video.rids()).extracting(Rid::id).containsExactly("h", "m", "l");
        assertThat(video.rids().get(0).payloadTypes()).containsExactly(120);
        assertThat(video.simulcast().orElseThrow().send()).containsExactly(List.of(new Simulcast.Id("h", false)),
                List.of(new Simulcast.Id("m", false)), List.of(new Simulcast.Id("l", true)));
        assertThat(video.ssrcGroups().get(0).ssrcs()).containsExactly(1L, 2L, 3L);
        MediaDescription data = sd.media().get(2);
        assertThat(data.maxMessageSize()).hasValue(1073741823L);
        for (MediaDescription m : sd.media()) {
            assertThat(m.attributes(UnknownAttribute.class)).isEmpty();
        }
    }

    @Test
    void legacyDataChannelAndOldSimulcastStayRaw() throws SdpException {
        String s = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
                + "m=application 9 DTLS/SCTP 5000\r\nc=IN IP4 0.0.0.0\r\na=sctpmap:5000 webrtc-datachannel 1024\r\n"
                + "m=video 9 UDP/TLS/RTP/SAVPF 96\r\na=simulcast: send rid=1;2\r\na=rtpmap:96 VP8/90000\r\n";
        SessionDescription sd = Sdp.parse(s);
        assertThat(sd.write()).isEqualTo(s);
        assertThat(sd.media().get(0).formats()).containsExactly("5000");
        assertThat(sd.media().get(0).unknown("sctpmap")).hasSize(1);
        assertThat(sd.media().get(1).simulcast()).isEmpty();
        assertThat(sd.media().get(1).unknown("simulcast")).hasSize(1);
    }
}
