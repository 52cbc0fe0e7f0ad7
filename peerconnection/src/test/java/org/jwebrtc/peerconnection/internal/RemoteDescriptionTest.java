package org.jwebrtc.peerconnection.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.jwebrtc.sdp.Sdp;
import org.jwebrtc.sdp.SessionDescription;
import org.junit.jupiter.api.Test;

/** Which m-section our trickled candidates name (RFC 8843 §10.2: the BUNDLE tag). */
class RemoteDescriptionTest {
    private static final String TRANSPORT = "a=ice-ufrag:abcd\r\na=ice-pwd:0123456789012345678901\r\n"
            + "a=fingerprint:sha-256 AB:CD\r\na=setup:actpass\r\n";

    private static SessionDescription sdp(String bundle, String... sections) throws Exception {
        StringBuilder b = new StringBuilder("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n");
        if (!bundle.isEmpty()) {
            b.append("a=group:BUNDLE ").append(bundle).append("\r\n");
        }
        for (String s : sections) {
            b.append(s);
        }
        return Sdp.parse(b.toString());
    }

    private static String video(String mid, int port) {
        return "m=video " + port + " UDP/TLS/RTP/SAVPF 96\r\nc=IN IP4 0.0.0.0\r\n" + TRANSPORT + "a=mid:" + mid
                + "\r\na=recvonly\r\na=rtcp-mux\r\na=rtpmap:96 VP8/90000\r\n";
    }

    private static String audio(String mid) {
        return "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\n" + TRANSPORT + "a=mid:" + mid
                + "\r\na=recvonly\r\na=rtcp-mux\r\na=rtpmap:111 opus/48000/2\r\n";
    }

    private static String data(String mid) {
        return "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\nc=IN IP4 0.0.0.0\r\n" + TRANSPORT + "a=mid:"
                + mid + "\r\na=sctp-port:5000\r\n";
    }

    @Test
    void aBrowserViewerOfferIsTaggedByItsVideoSectionNotTheDataChannel() throws Exception {
        // the demo's browser page: video, audio, data channel in one BUNDLE group
        SessionDescription offer = sdp("0 1 2", video("0", 9), audio("1"), data("2"));
        assertThat(RemoteDescription.bundleTagMid(offer)).isEqualTo("0");
        assertThat(RemoteDescription.mLineIndex(offer, "0")).isZero();
        assertThat(RemoteDescription.applicationMid(offer)).isEqualTo("2");   // the SCTP transport, not the tag
    }

    @Test
    void theTagIsTheFirstGroupMidWithAnAcceptedSection() throws Exception {
        SessionDescription offer = sdp("v a d", video("v", 0), audio("a"), data("d"));
        assertThat(RemoteDescription.bundleTagMid(offer)).isEqualTo("a");
        assertThat(RemoteDescription.mLineIndex(offer, "a")).isEqualTo(1);
        SessionDescription reordered = sdp("d v", video("v", 9), data("d"));
        assertThat(RemoteDescription.bundleTagMid(reordered)).isEqualTo("d");
        assertThat(RemoteDescription.mLineIndex(reordered, "d")).isEqualTo(1);
    }

    @Test
    void withoutBundleTheFirstAcceptedSectionCarriesTheTransport() throws Exception {
        SessionDescription offer = sdp("", data("x"));
        assertThat(RemoteDescription.bundleTagMid(offer)).isEqualTo("x");
        assertThat(RemoteDescription.mLineIndex(offer, "x")).isZero();
        assertThat(RemoteDescription.mLineIndex(offer, "nope")).isZero();
    }
}
