package org.jwebrtc.peerconnection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jwebrtc.sdp.Direction;
import org.jwebrtc.sdp.jsep.MediaKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two Java peer connections on loopback with audio + video + data in one BUNDLE over DTLS-SRTP: A sends VP8 and
 * Opus, B sends H.264 and PCMA; every frame arrives byte for byte, in order, and the stats of both ends agree.
 */
class JavaToJavaMediaTest {
    private final List<PeerConnection> open = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll() {
        open.forEach(PeerConnection::close);
    }

    static final class Events implements PeerConnectionObserver {
        final BlockingQueue<PeerConnectionState> states = new LinkedBlockingQueue<>();
        final BlockingQueue<RtpTransceiver> tracks = new LinkedBlockingQueue<>();
        final Map<String, List<EncodedFrame>> frames = new ConcurrentHashMap<>();
        volatile PeerConnection peer;
        volatile boolean captureTracks = true;
        final List<IceCandidateInit> signalled = new CopyOnWriteArrayList<>();

        @Override
        public void onIceCandidate(Optional<IceCandidateInit> c) {
            c.ifPresent(signalled::add);
            PeerConnection p = peer;
            if (p != null) {
                p.addIceCandidate(c.orElse(new IceCandidateInit("", Optional.of("0"), Optional.of(0))));
            }
        }

        @Override
        public void onTrack(RtpTransceiver t) {
            if (!captureTracks) {
                tracks.add(t);
                return;
            }
            List<EncodedFrame> list = frames.computeIfAbsent(t.kind().token(), k -> new CopyOnWriteArrayList<>());
            t.receiver().setFrameListener(list::add);
            tracks.add(t);
        }

        @Override
        public void onConnectionStateChange(PeerConnectionState state) {
            states.add(state);
        }

        boolean awaitConnected() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                PeerConnectionState s = states.poll(100, TimeUnit.MILLISECONDS);
                if (s == PeerConnectionState.CONNECTED) {
                    return true;
                }
                if (s == PeerConnectionState.FAILED) {
                    return false;
                }
            }
            return false;
        }

        List<EncodedFrame> frames(String kind) {
            return frames.getOrDefault(kind, List.of());
        }
    }

    @Test
    void framesSentEqualFramesReceivedBothWays() throws Exception {
        Events ae = new Events();
        Events be = new Events();
        PeerConnection a = PeerConnection.create(PeerConnectionConfig.loopback(), ae);
        PeerConnection b = PeerConnection.create(PeerConnectionConfig.loopback(), be);
        open.add(a);
        open.add(b);
        ae.peer = b;
        be.peer = a;
        RtpSender aVideo = a.addTrack(MediaKind.VIDEO, "a");
        RtpSender aAudio = a.addTrack(MediaKind.AUDIO, "a");
        aVideo.useCodec("VP8");
        aAudio.useCodec("opus");
        RtpSender bVideo = b.addTrack(MediaKind.VIDEO, "b");
        RtpSender bAudio = b.addTrack(MediaKind.AUDIO, "b");
        bVideo.useCodec("H264");
        bAudio.useCodec("PCMA");
        AtomicInteger keyframeRequests = new AtomicInteger();
        aVideo.setListener(keyframeRequests::incrementAndGet);

        long start = System.nanoTime();
        SessionDescriptionInit offer = a.createOffer().get(10, TimeUnit.SECONDS);
        assertThat(offer.sdp()).contains("a=group:BUNDLE 0 1 2", "m=video 9 UDP/TLS/RTP/SAVPF 96 97 102 103", "a=rtpmap:97 rtx/90000", "a=fmtp:97 apt=96",
                "a=ssrc-group:FID " + aVideo.ssrc() + " " + aVideo.rtxSsrc(),
                "m=audio 9 UDP/TLS/RTP/SAVPF 111 0 8", "m=application", "a=rtcp-mux", "a=rtcp-fb:96 nack pli",
                "a=fmtp:102 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f",
                "a=rtpmap:111 opus/48000/2", "a=ssrc:" + aVideo.ssrc() + " cname:", "a=msid:a ",
                "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid");
        a.setLocalDescription(offer).get(10, TimeUnit.SECONDS);
        b.setRemoteDescription(offer).get(10, TimeUnit.SECONDS);
        SessionDescriptionInit answer = b.createAnswer().get(10, TimeUnit.SECONDS);
        assertThat(answer.sdp()).contains("a=sendrecv", "a=ssrc:" + bVideo.ssrc() + " cname:");
        b.setLocalDescription(answer).get(10, TimeUnit.SECONDS);
        a.setRemoteDescription(answer).get(10, TimeUnit.SECONDS);
        assertThat(ae.awaitConnected()).isTrue();
        assertThat(be.awaitConnected()).isTrue();
        System.out.printf("Java<->Java media: createOffer -> DTLS-SRTP connected in %.1f ms%n",
                (System.nanoTime() - start) / 1e6);
        assertThat(be.tracks.poll(5, TimeUnit.SECONDS)).isNotNull();
        assertThat(ae.tracks.poll(5, TimeUnit.SECONDS)).isNotNull();
        assertThat(aVideo.codec().orElseThrow().name()).isEqualTo("VP8");
        assertThat(bVideo.codec().orElseThrow().name()).isEqualTo("H264");
        // candidates name the BUNDLE tag (mid 0, the video section), never the data channel's mid 2: Chromium does not
        // pair a candidate trickled for a bundled-away section (RFC 8843 §10.2)
        for (Events e : List.of(ae, be)) {
            assertThat(e.signalled).isNotEmpty().allSatisfy(c -> {
                assertThat(c.sdpMid()).contains("0");
                assertThat(c.sdpMLineIndex()).contains(0);
            });
        }
        // both sides answer the same mids with the same direction
        assertThat(a.getTransceivers()).allSatisfy(t -> assertThat(t.currentDirection()).contains(Direction.SENDRECV));

        List<byte[]> vp8 = MediaFiles.vp8Frames();
        List<byte[]> opus = MediaFiles.opusPackets();
        List<byte[]> h264 = MediaFiles.h264AccessUnits();
        List<byte[]> pcma = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            byte[] samples = new byte[160];
            java.util.Arrays.fill(samples, (byte) (0xD5 + i));
            pcma.add(samples);
        }
        int rounds = Math.max(Math.max(vp8.size(), opus.size()), Math.max(h264.size(), pcma.size()));
        long sendStart = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            long micros = i * 20_000L;
            if (i < vp8.size()) {
                assertThat(aVideo.sendFrame(vp8.get(i).clone(), micros)).isTrue();
            }
            if (i < opus.size()) {
                assertThat(aAudio.sendFrame(opus.get(i).clone(), micros)).isTrue();
            }
            if (i < h264.size()) {
                assertThat(bVideo.sendFrame(h264.get(i).clone(), micros)).isTrue();
            }
            if (i < pcma.size()) {
                assertThat(bAudio.sendFrame(pcma.get(i).clone(), micros)).isTrue();
            }
            Thread.sleep(2);
        }
        awaitSize(be, "video", vp8.size());
        awaitSize(be, "audio", opus.size());
        awaitSize(ae, "video", h264.size());
        awaitSize(ae, "audio", pcma.size());
        double seconds = (System.nanoTime() - sendStart) / 1e9;
        System.out.printf("Java<->Java media: %d frames each way in %.2f s (%.0f frames/s per direction)%n",
                vp8.size() + opus.size(), seconds, (vp8.size() + opus.size()) / seconds);

        assertFrames(be.frames("video"), vp8, "VP8");
        assertFrames(be.frames("audio"), opus, "opus");
        assertFrames(ae.frames("video"), h264, "H264");
        assertFrames(ae.frames("audio"), pcma, "PCMA");
        assertThat(be.frames("video").get(0).keyframe()).isTrue();
        assertThat(ae.frames("video").get(0).keyframe()).isTrue();

        // stats: A's outbound counters equal B's inbound ones, nothing lost on loopback
        StatsReport as = a.getStats().get(5, TimeUnit.SECONDS);
        long rttDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (as.ofType("remote-inbound-rtp").stream().noneMatch(r -> r.getLong("roundTripTimeMeasurements") > 0)
                && System.nanoTime() < rttDeadline) {
            Thread.sleep(100);   // an SR out and an RR with its LSR back (RFC 3550 §6.4.1): 1-3 s
            as = a.getStats().get(5, TimeUnit.SECONDS);
        }
        StatsReport bs = b.getStats().get(5, TimeUnit.SECONDS);
        System.out.println("A stats:\n" + as);
        RtcStats aOutVideo = byKind(as.ofType("outbound-rtp"), "video");
        RtcStats bInVideo = byKind(bs.ofType("inbound-rtp"), "video");
        assertThat(aOutVideo.getLong("framesSent")).isEqualTo(vp8.size());
        assertThat(bInVideo.getLong("framesReceived")).isEqualTo(vp8.size());
        assertThat(bInVideo.getLong("packetsReceived")).isEqualTo(aOutVideo.getLong("packetsSent"));
        assertThat(bInVideo.getLong("bytesReceived")).isEqualTo(aOutVideo.getLong("bytesSent"));
        assertThat(bInVideo.getLong("packetsLost")).isZero();
        assertThat(bInVideo.getLong("ssrc")).isEqualTo(aVideo.ssrc());
        RtcStats aOutAudio = byKind(as.ofType("outbound-rtp"), "audio");
        RtcStats bInAudio = byKind(bs.ofType("inbound-rtp"), "audio");
        assertThat(bInAudio.getLong("packetsReceived")).isEqualTo(aOutAudio.getLong("packetsSent")).isEqualTo(opus.size());
        assertThat(bInAudio.getDouble("jitter")).isGreaterThanOrEqualTo(0);
        RtcStats transport = as.ofType("transport").get(0);
        assertThat(transport.getString("dtlsState")).isEqualTo("connected");
        assertThat(transport.getString("tlsVersion")).isEqualTo("FEFD");
        assertThat(transport.getString("srtpCipher")).isNotNull();
        RtcStats pair = as.get(transport.getString("selectedCandidatePairId")).orElseThrow();
        assertThat(pair.type()).isEqualTo("candidate-pair");
        assertThat(pair.getLong("bytesSent")).isGreaterThan(aOutVideo.getLong("bytesSent"));
        assertThat(pair.getDouble("currentRoundTripTime")).isBetween(0.0, 1.0);
        assertThat(as.ofType("remote-inbound-rtp")).isNotEmpty();
        assertThat(keyframeRequests.get()).isZero();
    }

    @Test
    void aKeyframeRequestReachesTheSenderAsAnEvent() throws Exception {
        Events ae = new Events();
        Events be = new Events();
        PeerConnection a = PeerConnection.create(PeerConnectionConfig.loopback(), ae);
        PeerConnection b = PeerConnection.create(PeerConnectionConfig.loopback(), be);
        open.add(a);
        open.add(b);
        ae.peer = b;
        be.peer = a;
        RtpTransceiver t = a.addTransceiver(MediaKind.VIDEO, Direction.SENDONLY);
        AtomicInteger requests = new AtomicInteger();
        t.sender().setListener(requests::incrementAndGet);
        SessionDescriptionInit offer = a.createOffer().get(10, TimeUnit.SECONDS);
        a.setLocalDescription(offer).get(10, TimeUnit.SECONDS);
        b.setRemoteDescription(offer).get(10, TimeUnit.SECONDS);
        SessionDescriptionInit answer = b.createAnswer().get(10, TimeUnit.SECONDS);
        assertThat(answer.sdp()).contains("a=recvonly");
        b.setLocalDescription(answer).get(10, TimeUnit.SECONDS);
        a.setRemoteDescription(answer).get(10, TimeUnit.SECONDS);
        assertThat(ae.awaitConnected()).isTrue();
        // the DTLS server is connected a flight before the client: SRTP sent before the receiver has its keys
        // is dropped, and a lone first packet leaves no gap a NACK could name
        assertThat(be.awaitConnected()).isTrue();
        RtpTransceiver remote = be.tracks.poll(5, TimeUnit.SECONDS);
        assertThat(remote).isNotNull();
        List<byte[]> vp8 = MediaFiles.vp8Frames();
        t.sender().sendFrame(vp8.get(0).clone(), 0);
        awaitSize(be, "video", 1);
        remote.receiver().requestKeyframe();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (requests.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(requests.get()).isEqualTo(1);
        RtcStats out = a.getStats().get(5, TimeUnit.SECONDS).ofType("outbound-rtp").get(0);
        assertThat(out.getLong("pliCount")).isEqualTo(1);
        // a frame on a recvonly transceiver is refused, not sent
        assertThat(remote.sender().sendFrame(new byte[] {1, 2, 3}, 0)).isTrue();
        Thread.sleep(200);
        assertThat(b.getStats().get(5, TimeUnit.SECONDS).ofType("outbound-rtp")).isEmpty();
    }

    private static RtcStats byKind(List<RtcStats> list, String kind) {
        return list.stream().filter(s -> kind.equals(s.getString("kind"))).findFirst().orElseThrow();
    }

    private static void awaitSize(Events e, String kind, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (e.frames(kind).size() < n && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(e.frames(kind)).as(kind + " frames").hasSize(n);
    }

    private static void assertFrames(List<EncodedFrame> got, List<byte[]> sent, String codec) {
        assertThat(got).hasSize(sent.size());
        for (int i = 0; i < sent.size(); i++) {
            assertThat(got.get(i).codec()).isEqualToIgnoringCase(codec);
            assertThat(got.get(i).data()).as(codec + " frame " + i).isEqualTo(sent.get(i));
        }
    }
}
