package org.jwebrtc.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.jwebrtc.rtp.HeaderExtensions;
import org.jwebrtc.rtp.RtpHeader;
import org.jwebrtc.rtp.RtpPacket;
import org.jwebrtc.rtp.codec.Av1Packetizer;
import org.jwebrtc.rtp.codec.AnnexB;
import org.jwebrtc.rtp.codec.G711Packetizer;
import org.jwebrtc.rtp.codec.H264Packetizer;
import org.jwebrtc.rtp.codec.H265Packetizer;
import org.jwebrtc.rtp.codec.OpusPacketizer;
import org.jwebrtc.rtp.codec.Vp8Packetizer;
import org.jwebrtc.rtp.codec.Vp9Packetizer;
import org.jwebrtc.rtp.rtcp.ApplicationDefined;
import org.jwebrtc.rtp.rtcp.ExtendedReport;
import org.jwebrtc.rtp.rtcp.FirEntry;
import org.jwebrtc.rtp.rtcp.FullIntraRequest;
import org.jwebrtc.rtp.rtcp.GenericNack;
import org.jwebrtc.rtp.rtcp.Goodbye;
import org.jwebrtc.rtp.rtcp.PictureLossIndication;
import org.jwebrtc.rtp.rtcp.ReceiverEstimatedMaxBitrate;
import org.jwebrtc.rtp.rtcp.ReceiverReferenceTime;
import org.jwebrtc.rtp.rtcp.ReceiverReport;
import org.jwebrtc.rtp.rtcp.ReportBlock;
import org.jwebrtc.rtp.rtcp.RtcpCompound;
import org.jwebrtc.rtp.rtcp.RtcpPacket;
import org.jwebrtc.rtp.rtcp.SdesChunk;
import org.jwebrtc.rtp.rtcp.SdesItem;
import org.jwebrtc.rtp.rtcp.SenderReport;
import org.jwebrtc.rtp.rtcp.SourceDescription;
import org.jwebrtc.rtp.rtcp.TransportWideFeedback;
import org.jwebrtc.sctp.DataChannelInit;
import org.jwebrtc.sctp.DataChannelManager;
import org.jwebrtc.sctp.SctpAssociation;
import org.jwebrtc.sctp.SctpConfig;
import org.jwebrtc.signaling.kvs.IceCandidatePayload;
import org.jwebrtc.signaling.kvs.InboundMessage;
import org.jwebrtc.signaling.kvs.MessageType;
import org.jwebrtc.signaling.kvs.OutboundFrame;
import org.jwebrtc.signaling.kvs.SessionDescriptionPayload;
import org.jwebrtc.signaling.kvs.StatusResponse;
import org.jwebrtc.srtp.SrtpContext;
import org.jwebrtc.srtp.SrtpProfile;
import org.jwebrtc.testsupport.Json;
import org.jwebrtc.testsupport.SharedFiles;

/**
 * Writes the seed corpora under src/test/resources from ../shared/vectors (SDPs, RFC 5769 and
 * browser STUN, SRTP vectors, media files put through our packetizers, KVS captures) and from small
 * messages built with our own encoders. Findings are added by hand next to them (named
 * {@code finding-*}) and are never overwritten. Run again after a format change:
 * <pre>java -cp target/test-classes:$(cat target/cp.txt) org.jwebrtc.fuzz.SeedCorpus src/test/resources</pre>
 */
public final class SeedCorpus {
    private final Path root;
    private int written;

    private SeedCorpus(Path root) {
        this.root = root;
    }

    public static void main(String[] args) throws Exception {
        SeedCorpus s = new SeedCorpus(Path.of(args.length > 0 ? args[0] : "src/test/resources"));
        // optional further arguments name the sections to write (DTLS seeds differ on every run: fresh keys)
        java.util.Set<String> only = new java.util.HashSet<>(Arrays.asList(args).subList(Math.min(1, args.length), args.length));
        Map<String, Section> sections = new java.util.LinkedHashMap<>();
        sections.put("sdp", s::sdp);
        sections.put("stun", s::stun);
        sections.put("rtp", s::rtp);
        sections.put("rtcp", s::rtcp);
        sections.put("media", s::media);
        sections.put("sctp", s::sctp);
        sections.put("srtp", s::srtp);
        sections.put("kvs", s::kvs);
        sections.put("dtls", s::dtls);
        sections.put("turn", s::turn);
        for (Map.Entry<String, Section> e : sections.entrySet()) {
            if (only.isEmpty() || only.contains(e.getKey())) {
                e.getValue().write();
            }
        }
        System.out.println(s.written + " seed files written");
    }

    private interface Section {
        void write() throws IOException;
    }

    private void write(String pkg, String cls, String method, String name, byte[] data) throws IOException {
        Path dir = root.resolve("org/jwebrtc/fuzz/" + pkg + "/" + cls + "Inputs/" + method);
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), data);
        written++;
    }

    private void sdp() throws IOException {
        int candidates = 0;
        for (Path p : SharedFiles.list(SharedFiles.vectors("sdp"), ".sdp")) {
            byte[] b = SharedFiles.bytes(p);
            String name = p.getFileName().toString();
            write("sdp", "SdpParseFuzzTest", "parse", name, b);
            for (String line : new String(b, StandardCharsets.UTF_8).split("\r?\n")) {
                if (line.startsWith("a=candidate:") && candidates < 12) {
                    write("sdp", "SdpCandidateFuzzTest", "parse", "candidate-" + candidates++, utf8(line.substring(2)));
                }
                if (line.startsWith("a=fingerprint:")) {
                    write("dtls", "DtlsFingerprintFuzzTest", "parse", "fingerprint-" + name,
                            utf8(line.substring("a=fingerprint:".length())));
                }
            }
        }
        write("sdp", "SdpCandidateFuzzTest", "parse", "candidate-tcp",
                utf8("candidate:1 1 tcp 1518280447 192.0.2.1 9 typ host tcptype active generation 0"));
        write("sdp", "SdpCandidateFuzzTest", "parse", "candidate-relay",
                utf8("candidate:3 1 udp 41885439 203.0.113.7 3478 typ relay raddr 198.51.100.2 rport 61234 ufrag abcd"));
        write("sdp", "SdpCandidateFuzzTest", "parse", "candidate-mdns",
                utf8("candidate:2 1 udp 2122260223 3f1b4c2a-0d2b-4b7e-9a41-6b1d2c3e4f50.local 54321 typ host"));
        write("dtls", "DtlsFingerprintFuzzTest", "parse", "fingerprint-sha1",
                utf8("sha-1 4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AB"));
    }

    private void stun() throws IOException {
        for (String v : List.of("2_1", "2_2", "2_3", "2_4")) {
            byte[] m = SharedFiles.hexFile(SharedFiles.vectors("stun", "rfc5769-" + v + ".hex"));
            write("stun", "StunMessageFuzzTest", "parse", "rfc5769-" + v, m);
            write("stun", "StunIntegrityFuzzTest", "verify", "rfc5769-" + v, m);
        }
        byte[] chrome = SharedFiles.bytes(SharedFiles.vectors("stun", "browsers", "ex1_chrome.stun"));
        write("stun", "StunMessageFuzzTest", "parse", "chrome", chrome);
        int i = 0;
        for (String line : SharedFiles.text(SharedFiles.vectors("stun", "browsers", "frombrowsers.csv")).split("\n")) {
            String[] f = line.split(",");
            if (f.length < 4 || line.startsWith("#") || f[0].equals("ip")) {
                continue;
            }
            byte[] m = Base64.getDecoder().decode(f[1]);
            write("stun", "StunMessageFuzzTest", "parse", "browser-" + i, m);
            write("stun", "StunIntegrityFuzzTest", "verify", "browser-" + i++, m);
        }
    }

    private void rtp() throws IOException {
        byte[] payload = utf8("Opus or video payload bytes");
        RtpHeader base = RtpHeader.of(111, 4660, 0xDEADBEEFL, 0x12345678L);
        List<RtpPacket> packets = new ArrayList<>();
        packets.add(new RtpPacket(base, payload));
        packets.add(new RtpPacket(base.withMarker(true).withCsrcs(List.of(1L, 2L, 3L)), payload));
        packets.add(new RtpPacket(base.withExtension(HeaderExtensions.sdesString(1, "0"))
                .withExtension(HeaderExtensions.absSendTime(2, 0x123456))
                .withExtension(HeaderExtensions.transportSequenceNumber(3, 777))
                .withExtension(new org.jwebrtc.rtp.RtpExtension(4, new byte[] {(byte) 0x85})), payload));
        packets.add(new RtpPacket(base.withExtension(HeaderExtensions.sdesString(20, "rid-high"))
                .withExtension(new org.jwebrtc.rtp.RtpExtension(200, new byte[0])), payload));
        packets.add(new RtpPacket(base, payload, 7));
        packets.add(new RtpPacket(base, new byte[0]));
        int i = 0;
        for (RtpPacket p : packets) {
            write("rtp", "RtpPacketFuzzTest", "parse", "rtp-" + i++, p.toBytes());
        }
        // RFC 7714 §16.1.1 plaintext RTP packet
        write("rtp", "RtpPacketFuzzTest", "parse", "rfc7714-rtp",
                hex("8040f17b8041f8d35501a0b247616c6c696120657374206f6d6e69732064697669736120696e207061727465732074726573"));
    }

    static List<List<RtcpPacket>> rtcpSamples() {
        ReportBlock rb = new ReportBlock(0x2222L, 12, 345, 70000, 21, 0x11112222L, 6553);
        List<List<RtcpPacket>> out = new ArrayList<>();
        out.add(List.of(new SenderReport(0x1111L, 0xE1234567_89ABCDEFL, 3000, 10, 1000, List.of(rb), new byte[0]),
                new SourceDescription(List.of(new SdesChunk(0x1111L, List.of(SdesItem.of(SdesItem.CNAME, "cname")))))));
        out.add(List.of(new ReceiverReport(0x1111L, List.of(rb, rb)), new Goodbye(List.of(0x1111L), "bye")));
        out.add(List.of(GenericNack.of(0x1111L, 0x2222L, List.of(1, 2, 3, 40, 41, 1000))));
        out.add(List.of(new PictureLossIndication(0x1111L, 0x2222L),
                new FullIntraRequest(0x1111L, List.of(new FirEntry(0x2222L, 7)))));
        out.add(List.of(new ReceiverEstimatedMaxBitrate(0x1111L, 1_500_000, List.of(0x2222L, 0x3333L))));
        out.add(List.of(TransportWideFeedback.fromArrivals(0x1111L, 0x2222L, 100, 3,
                new long[] {1_000_000, 1_000_250, -1, 1_003_000, 1_200_000, -1, -1, 1_200_001})));
        out.add(List.of(new ExtendedReport(0x1111L, List.of(new ReceiverReferenceTime(0xE1234567_89ABCDEFL))),
                new ApplicationDefined(3, 0x1111L, "name", new byte[] {1, 2, 3, 4})));
        return out;
    }

    private void rtcp() throws IOException {
        int i = 0;
        for (List<RtcpPacket> c : rtcpSamples()) {
            write("rtp", "RtcpCompoundFuzzTest", "parse", "rtcp-" + i++, RtcpCompound.toBytes(c));
        }
    }

    private void media() throws IOException {
        byte[][] h264Files = {
            SharedFiles.bytes(SharedFiles.vectors("media", "h264", "input-10-720a.h264")),
            SharedFiles.bytes(SharedFiles.vectors("media", "h264", "input-sps-pps-non-idr-sps-pps-idr.h264")),
        };
        int i = 0;
        for (byte[] f : h264Files) {
            List<byte[]> nals = AnnexB.split(f);
            for (int mtu : new int[] {1200, 100}) {
                for (int from = 0; from < nals.size() && from < 6; from += 3) {
                    List<byte[]> au = nals.subList(from, Math.min(nals.size(), from + 3));
                    write("codec", "H264DepacketizerFuzzTest", "depacketize", "h264-" + i++,
                            frame(new H264Packetizer(1).packetizeNals(au, mtu)));
                }
            }
        }
        write("codec", "H264DepacketizerFuzzTest", "depacketize", "h264-single-nal",
                frame(List.of(SharedFiles.bytes(SharedFiles.vectors("media", "h264", "no_processing_nal.bin")))));

        List<byte[]> vp8 = ivfFrames(SharedFiles.bytes(SharedFiles.vectors("media", "vp8", "vp8_correct.ivf")));
        Vp8Packetizer vp8p = new Vp8Packetizer();
        for (int k = 0; k < 4; k++) {
            write("codec", "Vp8DepacketizerFuzzTest", "depacketize", "vp8-" + k,
                    frame(vp8p.packetize(vp8.get(k), k % 2 == 0 ? 1200 : 300)));
        }
        List<byte[]> av1 = ivfFrames(SharedFiles.bytes(SharedFiles.vectors("media", "av1", "av1_correct.ivf")));
        for (int k = 0; k < Math.min(4, av1.size()); k++) {
            write("codec", "Av1DepacketizerFuzzTest", "depacketize", "av1-" + k,
                    frame(new Av1Packetizer().packetize(av1.get(k), k % 2 == 0 ? 1200 : 100)));
        }
        List<byte[]> opus = opusPackets(SharedFiles.bytes(SharedFiles.vectors("media", "opus", "opus_correct.ogg")));
        for (int k = 0; k < 3; k++) {
            write("codec", "OpusDepacketizerFuzzTest", "depacketize", "opus-" + k,
                    frame(new OpusPacketizer().packetize(opus.get(k), 1200)));
        }
        byte[] tone = new byte[320];
        for (int k = 0; k < tone.length; k++) {
            tone[k] = (byte) (0xD5 ^ (int) (40 * Math.sin(k / 3.0)));
        }
        write("codec", "G711DepacketizerFuzzTest", "depacketize", "pcma-tone", frame(new G711Packetizer().packetize(tone, 1200)));
        // no VP9/H.265 samples in shared/: synthetic frames through our packetizers
        Random r = new Random(9);
        byte[] vp9Key = new byte[900];
        r.nextBytes(vp9Key);
        vp9Key[0] = (byte) 0x82;   // frame marker 2, profile 0, show_existing 0, key frame
        vp9Key[1] = 0x49;
        vp9Key[2] = (byte) 0x83;
        vp9Key[3] = 0x42;
        write("codec", "Vp9DepacketizerFuzzTest", "depacketize", "vp9-key", frame(new Vp9Packetizer(5).packetize(vp9Key, 400)));
        byte[] vp9Inter = Arrays.copyOf(vp9Key, 200);
        vp9Inter[0] = (byte) 0x86;
        write("codec", "Vp9DepacketizerFuzzTest", "depacketize", "vp9-inter", frame(new Vp9Packetizer(6).packetize(vp9Inter, 1200)));
        List<byte[]> hevc = new ArrayList<>();
        for (int type : new int[] {32, 33, 34, 19}) {   // VPS, SPS, PPS, IDR_W_RADL
            byte[] nal = new byte[type == 19 ? 700 : 24];
            r.nextBytes(nal);
            nal[0] = (byte) (type << 1);
            nal[1] = 1;
            hevc.add(nal);
        }
        write("codec", "H265DepacketizerFuzzTest", "depacketize", "h265-ap-fu", frame(new H265Packetizer().packetizeNals(hevc, 300)));
        write("codec", "H265DepacketizerFuzzTest", "depacketize", "h265-single", frame(new H265Packetizer().packetizeNals(hevc, 1200)));
    }

    private void sctp() throws IOException {
        SctpAssociation a = new SctpAssociation(SctpConfig.defaults(), new Random(1));
        SctpAssociation b = new SctpAssociation(SctpConfig.defaults(), new Random(2));
        DataChannelManager ca = new DataChannelManager(a, true);
        DataChannelManager cb = new DataChannelManager(b, false);
        List<byte[]> wire = new ArrayList<>();
        long now = 0;
        a.connect(now);
        int reliable = ca.open(DataChannelInit.reliable("chat"));
        int lossy = ca.open(new DataChannelInit("lossy", "proto", false, 0, -1, 256, -1));
        for (int step = 0; step < 40; step++) {
            now += 20_000_000L;
            if (step == 6) {
                ca.send(reliable, "hello");
                ca.send(lossy, new byte[3000], 0, 3000);
            }
            if (step == 12) {
                ca.close(reliable);
            }
            if (step == 20) {
                a.shutdown();
            }
            byte[] d;
            while ((d = a.pollTransmit()) != null) {
                wire.add(d);
                b.handleInput(now, d, 0, d.length);
            }
            while ((d = b.pollTransmit()) != null) {
                wire.add(d);
                a.handleInput(now, d, 0, d.length);
            }
            while (ca.pollEvent() != null) { }
            while (cb.pollEvent() != null) { }
            a.handleTimeout(now);
            b.handleTimeout(now);
        }
        int i = 0;
        int chunks = 0;
        for (byte[] d : wire) {
            write("sctp", "SctpPacketFuzzTest", "parse", "packet-" + i, d);
            write("sctp", "SctpAssociationFuzzTest", "handleInput", "chunks-" + i++, Arrays.copyOfRange(d, 12, d.length));
            int p = 12;
            while (p + 4 <= d.length) {
                int len = ((d[p + 2] & 0xFF) << 8) | (d[p + 3] & 0xFF);
                if (len < 4 || p + len > d.length) {
                    break;
                }
                byte[] chunk = Arrays.copyOfRange(d, p, p + len);
                write("sctp", "SctpChunkFuzzTest", "parse", "chunk-" + chunks++ + "-type" + (d[p] & 0xFF), chunk);
                if (d[p] == 0 && len >= 16 && ((d[p + 12] & 0xFF) << 24 | (d[p + 13] & 0xFF) << 16
                        | (d[p + 14] & 0xFF) << 8 | (d[p + 15] & 0xFF)) == 50) {
                    write("sctp", "DcepMessageFuzzTest", "parse", "dcep-" + chunks, Arrays.copyOfRange(chunk, 16, len));
                }
                p += (len + 3) & ~3;
            }
        }
        write("sctp", "DcepMessageFuzzTest", "parse", "rfc8832-open", hex("03810100000000030004000063686174"));
        write("sctp", "DcepMessageFuzzTest", "parse", "ack", new byte[] {2});
    }

    private void srtp() throws IOException {
        byte[] plainRtp = new RtpPacket(RtpHeader.of(96, 1, 3000, 0xCAFEL)
                .withExtension(HeaderExtensions.transportSequenceNumber(3, 5)), utf8("media")).toBytes();
        byte[] plainRtcp = RtcpCompound.toBytes(rtcpSamples().get(0));
        SrtpProfile[] all = SrtpProfile.values();
        for (int k = 0; k < all.length; k++) {
            SrtpContext ctx = org.jwebrtc.fuzz.srtp.SeedKeys.context(all[k]);
            byte[] b = Arrays.copyOf(plainRtp, plainRtp.length + all[k].overhead());
            int n = ctx.protectRtp(b, 0, plainRtp.length);
            write("srtp", "SrtpUnprotectFuzzTest", "unprotect", "rtp-" + all[k], prefix((byte) k, Arrays.copyOf(b, n)));
            b = Arrays.copyOf(plainRtcp, plainRtcp.length + all[k].overhead());
            n = ctx.protectRtcp(b, 0, plainRtcp.length);
            write("srtp", "SrtpUnprotectFuzzTest", "unprotect", "rtcp-" + all[k], prefix((byte) (0x80 | k), Arrays.copyOf(b, n)));
            write("srtp", "SrtpRoundTripFuzzTest", "roundTrip", "rtp-" + all[k], prefix((byte) k, prefix((byte) (13 * k), plainRtp)));
            write("srtp", "SrtpRoundTripFuzzTest", "roundTrip", "rtcp-" + all[k],
                    prefix((byte) (0x80 | k), prefix((byte) (7 * k + 1), plainRtcp)));
        }
        // the RFC vectors as received (other keys: they exercise the authentication failure path)
        for (String file : List.of("rfc7714-aead-gcm.json")) {
            Map<String, Object> json = Json.object(SharedFiles.json(SharedFiles.vectors("srtp", file)));
            int v = 0;
            for (Object o : Json.array(json.get("vectors"))) {
                Map<String, Object> vec = Json.object(o);
                if (vec.get("srtp_packet") instanceof String s) {
                    write("srtp", "SrtpUnprotectFuzzTest", "unprotect", "rfc7714-" + v++, prefix((byte) 2, hex(s)));
                }
                if (vec.get("srtcp_packet") instanceof String s) {
                    write("srtp", "SrtpUnprotectFuzzTest", "unprotect", "rfc7714-" + v++, prefix((byte) 0x82, hex(s)));
                }
            }
        }
    }

    private void kvs() throws IOException {
        String offer = new SessionDescriptionPayload("offer",
                SharedFiles.text(SharedFiles.vectors("sdp", "normal.sdp"))).toJson();
        String candidate = new IceCandidatePayload(
                "candidate:1 1 udp 2122260223 192.0.2.1 54321 typ host", Optional.of("0"), Optional.of(0),
                Optional.of("abcd")).toJson();
        write("kvs", "SignalingPayloadFuzzTest", "parse", "offer", utf8(offer));
        write("kvs", "SignalingPayloadFuzzTest", "parse", "candidate", utf8(candidate));
        int i = 0;
        for (InboundMessage m : List.of(
                new InboundMessage(MessageType.SDP_OFFER, Optional.of("viewer-1"), Optional.of(offer), Optional.empty()),
                new InboundMessage(MessageType.ICE_CANDIDATE, Optional.of("viewer-1"), Optional.of(candidate), Optional.empty()),
                new InboundMessage(MessageType.GO_AWAY, Optional.empty(), Optional.empty(), Optional.empty()),
                new InboundMessage(MessageType.RECONNECT_ICE_SERVER, Optional.empty(), Optional.empty(), Optional.empty()),
                new InboundMessage(MessageType.STATUS_RESPONSE, Optional.empty(), Optional.empty(),
                        Optional.of(new StatusResponse(Optional.of("c-1"), Optional.of("InvalidArgumentException"), 400,
                                Optional.of("bad message")))))) {
            write("kvs", "InboundMessageFuzzTest", "parse", "inbound-" + i++, utf8(m.toJson()));
        }
        write("kvs", "OutboundFrameFuzzTest", "parse", "offer",
                utf8(new OutboundFrame(MessageType.SDP_OFFER, offer, Optional.of("master"), Optional.of("c-9")).toJson()));
        write("kvs", "OutboundFrameFuzzTest", "parse", "c-sdk-casing", utf8("{\"action\":\"ICE_CANDIDATE\",\"RecipientClientId\":\"v\","
                + "\"MessagePayload\":\"" + Base64.getEncoder().encodeToString(utf8(candidate)) + "\"}"));
        int f = 0;
        for (Path p : SharedFiles.list(SharedFiles.kvs("captures", "js-sdk-2.9.0-wss"), ".jsonl")) {
            for (String line : SharedFiles.text(p).split("\n")) {
                if (line.contains("\"server-frame\"") && f < 8) {
                    Object raw = Json.object(Json.parse(line)).get("raw");
                    if (raw instanceof String s) {
                        write("kvs", "OutboundFrameFuzzTest", "parse", "js-sdk-" + f++, utf8(s));
                    }
                }
            }
        }
    }

    private void dtls() throws IOException {
        int i = 0;
        for (byte[] d : org.jwebrtc.fuzz.dtls.SeedDatagrams.capture()) {
            write("dtls", "DtlsRecordFuzzTest", "handleInput", "datagram-" + i++, d);
        }
    }

    /** A TurnClient's datagrams against TurnServerCore: Allocate, CreatePermission, ChannelBind, Send, ChannelData. */
    private void turn() throws IOException {
        java.net.InetSocketAddress server = new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 3478);
        java.net.InetSocketAddress clientAddr = new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 40000);
        java.net.InetSocketAddress peer = new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 9000);
        org.jwebrtc.turn.TurnServerCore core = new org.jwebrtc.turn.TurnServerCore(
                org.jwebrtc.turn.TurnServerConfig.builder("example.org").user("alice", "secret").allowLoopbackPeers(true)
                        .unixSeconds(() -> 1_700_000_000L).build(),
                new org.jwebrtc.turn.RelayAllocator() {
                    @Override
                    public java.net.InetSocketAddress allocate(org.jwebrtc.turn.TurnTransport t, java.net.InetSocketAddress c,
                                                              boolean evenPort) {
                        return new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 50000);
                    }

                    @Override
                    public void release(java.net.InetSocketAddress relay) { }
                }, new java.util.SplittableRandom(1));
        org.jwebrtc.turn.TurnClient client = new org.jwebrtc.turn.TurnClient(org.jwebrtc.turn.TurnClientConfig.of(server,
                org.jwebrtc.turn.TurnTransport.UDP, "alice", "secret"), new java.util.SplittableRandom(2));
        long now = 1_000_000_000L;
        List<byte[]> fromClient = new ArrayList<>();
        List<byte[]> fromServer = new ArrayList<>();
        client.start(now);
        for (int step = 0; step < 6; step++) {
            if (step == 2) {
                client.createPermission(now, peer.getAddress());
            }
            if (step == 3) {
                client.bindChannel(now, peer);
                client.send(now, new java.net.InetSocketAddress(peer.getAddress(), 9001), utf8("indication"), 0, 10);
            }
            if (step == 4) {
                client.send(now, peer, utf8("over a channel"), 0, 14);
            }
            byte[] out;
            while ((out = client.pollTransmit()) != null) {
                fromClient.add(out);
                core.handleClientInput(now, org.jwebrtc.turn.TurnTransport.UDP, clientAddr, out, 0, out.length);
            }
            org.jwebrtc.turn.ServerTransmit t;
            while ((t = core.pollTransmit()) != null) {
                fromServer.add(t.data());
                client.handleInput(now, t.data(), 0, t.data().length);
            }
            while (client.pollEvent() != null) { }
        }
        int i = 0;
        for (byte[] d : fromClient) {
            write("turn", "TurnServerFuzzTest", "handleClientInput", "signed-" + i, prefix((byte) 1, d));
            write("turn", "TurnServerFuzzTest", "handleClientInput", "raw-" + i, prefix((byte) 0, d));
            write("turn", "TurnChannelDataFuzzTest", "parse", "client-" + i++, d);
        }
        i = 0;
        for (byte[] d : fromServer) {
            write("turn", "TurnServerFuzzTest", "handleClientInput", "server-" + i++, prefix((byte) 0, d));
        }
        write("turn", "TurnChannelDataFuzzTest", "parse", "channeldata-padded", ChannelDataSeed.padded());
    }

    /** One padded ChannelData message (stream form, RFC 8656 §12.5). */
    private static final class ChannelDataSeed {
        static byte[] padded() {
            byte[] data = utf8("abcde");
            byte[] b = new byte[org.jwebrtc.turn.ChannelData.encodedLength(data.length, true)];
            org.jwebrtc.turn.ChannelData.encode(0x4001, data, 0, data.length, b, 0, true);
            return b;
        }
    }

    // --- small helpers ---

    private static byte[] frame(List<byte[]> payloads) {
        return org.jwebrtc.fuzz.codec.SeedFraming.join(payloads);
    }

    private static byte[] prefix(byte b, byte[] rest) {
        byte[] out = new byte[rest.length + 1];
        out[0] = b;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    private static List<byte[]> ivfFrames(byte[] f) {
        int headerLen = (f[6] & 0xFF) | (f[7] & 0xFF) << 8;
        List<byte[]> frames = new ArrayList<>();
        int p = headerLen;
        while (p + 12 <= f.length) {
            int size = (f[p] & 0xFF) | (f[p + 1] & 0xFF) << 8 | (f[p + 2] & 0xFF) << 16 | (f[p + 3] & 0xFF) << 24;
            p += 12;
            frames.add(Arrays.copyOfRange(f, p, p + size));
            p += size;
        }
        return frames;
    }

    /** Ogg pages (RFC 3533) to Opus packets, skipping OpusHead/OpusTags (RFC 7845 §5). */
    private static List<byte[]> opusPackets(byte[] f) {
        List<byte[]> packets = new ArrayList<>();
        ByteArrayOutputStream cur = new ByteArrayOutputStream();
        int p = 0;
        while (p + 27 <= f.length) {
            int segs = f[p + 26] & 0xFF;
            int data = p + 27 + segs;
            for (int s = 0; s < segs; s++) {
                int lace = f[p + 27 + s] & 0xFF;
                cur.write(f, data, lace);
                data += lace;
                if (lace < 255) {
                    byte[] pkt = cur.toByteArray();
                    cur.reset();
                    String magic = pkt.length >= 8 ? new String(pkt, 0, 8, StandardCharsets.US_ASCII) : "";
                    if (!magic.equals("OpusHead") && !magic.equals("OpusTags")) {
                        packets.add(pkt);
                    }
                }
            }
            p = data;
        }
        return packets;
    }
}
