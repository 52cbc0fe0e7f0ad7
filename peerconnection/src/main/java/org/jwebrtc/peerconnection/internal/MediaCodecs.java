package org.jwebrtc.peerconnection.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jwebrtc.rtp.HeaderExtensions;
import org.jwebrtc.rtp.codec.Depacketizer;
import org.jwebrtc.rtp.codec.G711Depacketizer;
import org.jwebrtc.rtp.codec.G711Packetizer;
import org.jwebrtc.rtp.codec.H264Depacketizer;
import org.jwebrtc.rtp.codec.H264Packetizer;
import org.jwebrtc.rtp.codec.OpusDepacketizer;
import org.jwebrtc.rtp.codec.OpusPacketizer;
import org.jwebrtc.rtp.codec.Packetizer;
import org.jwebrtc.rtp.codec.Vp8Depacketizer;
import org.jwebrtc.rtp.codec.Vp8Packetizer;
import org.jwebrtc.sdp.Extmap;
import org.jwebrtc.sdp.jsep.Codec;
import org.jwebrtc.sdp.jsep.MediaKind;

/**
 * What we offer and accept: VP8 and H.264 (packetization-mode=1, Constrained Baseline 3.1, RFC 6184 §8.1) for
 * video, each with its RTX format (RFC 4588 §8.6, payload type + 1 as Chromium numbers them), Opus/48000/2
 * (RFC 7587) and PCMU/PCMA (RFC 3551) for audio, with NACK/PLI/FIR feedback (RFC 4585, RFC 5104) and the mid,
 * abs-send-time and transport-wide-cc header extensions; and the (de)packetizer of each.
 */
public final class MediaCodecs {
    public static final int ABS_SEND_TIME_ID = 2;
    public static final int TRANSPORT_CC_ID = 3;
    public static final int MID_ID = 4;
    public static final String H264_FMTP = "level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f";

    private MediaCodecs() {
    }

    public static List<Codec> defaults(MediaKind kind) {
        if (kind == MediaKind.VIDEO) {
            String[] fb = {"goog-remb", "transport-cc", "ccm fir", "nack", "nack pli"};
            return List.of(Codec.of(96, "VP8", 90_000).withFeedback(fb), Codec.rtx(97, 96, 90_000),
                    Codec.of(102, "H264", 90_000).withFmtp(H264_FMTP).withFeedback(fb), Codec.rtx(103, 102, 90_000));
        }
        return List.of(Codec.audio(111, "opus", 48_000, 2).withFmtp("minptime=10;useinbandfec=1")
                        .withFeedback("transport-cc"),
                Codec.of(0, "PCMU", 8000), Codec.of(8, "PCMA", 8000));
    }

    /** Our codecs of {@code kind}, restricted and ordered by the application's preference (names) if any. */
    public static List<Codec> preferred(MediaKind kind, List<String> names) {
        List<Codec> all = defaults(kind);
        if (names.isEmpty()) {
            return all;
        }
        List<Codec> out = new ArrayList<>();
        for (String n : names) {
            for (Codec c : all) {
                if (!c.isRtx() && c.name().equalsIgnoreCase(n)) {
                    out.add(c);
                    for (Codec r : all) {   // its RTX format right after it, as browsers list them
                        if (r.isRtx() && r.apt().orElse(-1) == c.payloadType()) {
                            out.add(r);
                        }
                    }
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no supported codec among " + names + " for " + kind);
        }
        return out;
    }

    /**
     * The SSRC of a sender's RTX stream (RFC 4588 §8.3, announced with {@code a=ssrc-group:FID}): derived from the
     * media SSRC by an odd multiplier mod 2^32 (a bijection, so two senders never share one), never equal to it.
     */
    public static long rtxSsrc(long mediaSsrc) {
        long r = (mediaSsrc * 0x9E37_79B1L + 0x7F4A_7C15L) & 0xFFFF_FFFFL;
        return r == mediaSsrc ? r ^ 1 : r;
    }

    /** RTX payload type → original payload type ({@code a=fmtp:<rtx> apt=<original>}, RFC 4588 §8.6). */
    public static Map<Integer, Integer> aptOf(List<Codec> codecs) {
        Map<Integer, Integer> m = new HashMap<>();
        rtxPayloadTypes(codecs).forEach((orig, rtx) -> m.put(rtx, orig));
        return m;
    }

    /** Original payload type → RTX payload type, from the negotiated {@code a=fmtp:<rtx> apt=} lines. */
    public static Map<Integer, Integer> rtxPayloadTypes(List<Codec> codecs) {
        Map<Integer, Integer> m = new HashMap<>();
        for (Codec c : codecs) {
            if (c.isRtx() && c.apt().isPresent() && c.apt().getAsInt() >= 0 && c.apt().getAsInt() < 128
                    && c.payloadType() < 128) {
                m.put(c.apt().getAsInt(), c.payloadType());
            }
        }
        return m;
    }

    public static List<Extmap> extensions() {
        return List.of(new Extmap(ABS_SEND_TIME_ID, HeaderExtensions.ABS_SEND_TIME_URI),
                new Extmap(TRANSPORT_CC_ID, HeaderExtensions.TRANSPORT_CC_URI),
                new Extmap(MID_ID, HeaderExtensions.MID_URI));
    }

    /** The id the peer negotiated for {@code uri}, or -1. */
    public static int extensionId(List<Extmap> negotiated, String uri) {
        for (Extmap e : negotiated) {
            if (e.uri().equals(uri)) {
                return e.id();
            }
        }
        return -1;
    }

    public static Optional<Packetizer> packetizer(Codec c) {
        return switch (c.name().toUpperCase(Locale.ROOT)) {
            case "VP8" -> Optional.of(new Vp8Packetizer());
            case "H264" -> Optional.of(new H264Packetizer(Integer.parseInt(c.parameter("packetization-mode", "0")
                    .equals("1") ? "1" : "0")));
            case "OPUS" -> Optional.of(new OpusPacketizer());
            case "PCMU", "PCMA" -> Optional.of(new G711Packetizer(Integer.MAX_VALUE / 2));
            default -> Optional.empty();
        };
    }

    public static Optional<Depacketizer> depacketizer(Codec c) {
        return switch (c.name().toUpperCase(Locale.ROOT)) {
            case "VP8" -> Optional.of(new Vp8Depacketizer());
            case "H264" -> Optional.of(new H264Depacketizer());
            case "OPUS" -> Optional.of(new OpusDepacketizer());
            case "PCMU", "PCMA" -> Optional.of(new G711Depacketizer());
            default -> Optional.empty();
        };
    }

    public static boolean isAudio(Codec c) {
        String n = c.name().toUpperCase(Locale.ROOT);
        return n.equals("OPUS") || n.equals("PCMU") || n.equals("PCMA");
    }
}
