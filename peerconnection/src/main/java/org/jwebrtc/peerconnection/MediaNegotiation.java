package org.jwebrtc.peerconnection;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.jwebrtc.peerconnection.internal.MediaCodecs;
import org.jwebrtc.peerconnection.internal.MediaSection;
import org.jwebrtc.sdp.Attribute;
import org.jwebrtc.sdp.Direction;
import org.jwebrtc.sdp.MediaDescription;
import org.jwebrtc.sdp.Msid;
import org.jwebrtc.sdp.SessionDescription;
import org.jwebrtc.sdp.Ssrc;
import org.jwebrtc.sdp.SsrcGroup;
import org.jwebrtc.sdp.jsep.Jsep;
import org.jwebrtc.sdp.jsep.MediaCapabilities;
import org.jwebrtc.sdp.jsep.MediaKind;
import org.jwebrtc.sdp.jsep.NegotiatedMedia;
import org.jwebrtc.sdp.jsep.TransceiverSpec;

/**
 * Transceivers ⇄ SDP (RFC 8829 §5.2.1, §5.3.1): the m-section each transceiver offers, what an answer accepts,
 * SSRC/msid lines for senders (RFC 5576, RFC 8830), and the negotiated {@link MediaSection}s read back from the
 * answer for both roles. Runs on the connection's loop.
 */
final class MediaNegotiation {
    private MediaNegotiation() {
    }

    static TransceiverSpec offerSpec(RtpTransceiver t, String cname) {
        String mid = t.mid().orElseThrow();
        boolean sends = t.direction().sends();
        return new TransceiverSpec(t.kind(), mid, t.direction(),
                MediaCodecs.preferred(t.kind(), t.codecPreferences()), MediaCodecs.extensions(),
                sends ? Optional.of(msid(t)) : Optional.empty(), sends ? ssrcLines(t, cname) : List.of());
    }

    private static Msid msid(RtpTransceiver t) {
        return new Msid(t.sender().streamId(), t.sender().trackId());
    }

    /** Media SSRC lines; for video also the RTX SSRC and its FID group, as Chromium writes them (RFC 5576 §4.2). */
    private static List<Attribute> ssrcLines(RtpTransceiver t, String cname) {
        long ssrc = t.sender().ssrc();
        String msid = t.sender().streamId() + " " + t.sender().trackId();
        if (t.kind() != MediaKind.VIDEO) {
            return List.of(new Ssrc(ssrc, "cname", cname), new Ssrc(ssrc, "msid", msid));
        }
        long rtx = t.sender().rtxSsrc();
        return List.of(new SsrcGroup("FID", List.of(ssrc, rtx)), new Ssrc(ssrc, "cname", cname),
                new Ssrc(ssrc, "msid", msid), new Ssrc(rtx, "cname", cname), new Ssrc(rtx, "msid", msid));
    }

    /** Per kind, the codecs we accept: the first transceiver's preferences of that kind, else all. */
    static Map<MediaKind, MediaCapabilities> capabilities(List<RtpTransceiver> ts) {
        Map<MediaKind, MediaCapabilities> caps = new EnumMap<>(MediaKind.class);
        for (MediaKind k : MediaKind.values()) {
            List<String> prefs = List.of();
            for (RtpTransceiver t : ts) {
                if (t.kind() == k && !t.codecPreferences().isEmpty()) {
                    prefs = t.codecPreferences();
                    break;
                }
            }
            caps.put(k, new MediaCapabilities(MediaCodecs.preferred(k, prefs), MediaCodecs.extensions()));
        }
        return caps;
    }

    static Map<String, Direction> directions(List<RtpTransceiver> ts) {
        Map<String, Direction> d = new HashMap<>();
        for (RtpTransceiver t : ts) {
            t.mid().ifPresent(mid -> d.put(mid, t.direction()));
        }
        return d;
    }

    /** msid and SSRC lines for the transceivers that will send (RFC 8830 §2, RFC 5576 §4.1). */
    static Map<String, List<Attribute>> answerAttributes(List<RtpTransceiver> ts, String cname) {
        Map<String, List<Attribute>> a = new HashMap<>();
        for (RtpTransceiver t : ts) {
            if (t.mid().isPresent() && t.direction().sends()) {
                List<Attribute> lines = new ArrayList<>();
                lines.add(msid(t));
                lines.addAll(ssrcLines(t, cname));
                a.put(t.mid().get(), lines);
            }
        }
        return a;
    }

    /**
     * A remote offer: each audio/video m-section gets a transceiver (W3C webrtc §4.4.1.5 "process remote tracks"):
     * the one already bound to its mid, else the first unbound one of that kind (added by addTrack/addTransceiver),
     * else a new recvonly one.
     */
    static void adoptOffer(SessionDescription offer, List<RtpTransceiver> ts,
                           BiFunction<MediaKind, String, RtpTransceiver> create) {
        for (MediaDescription m : offer.media()) {
            Optional<MediaKind> kind = MediaKind.fromMedia(m.media());
            if (kind.isEmpty() || m.isRejected() || m.mid().isEmpty()) {
                continue;
            }
            String mid = m.mid().get();
            boolean bound = false;
            for (RtpTransceiver t : ts) {
                if (mid.equals(t.mid().orElse(null))) {
                    bound = true;
                    break;
                }
            }
            if (bound) {
                continue;
            }
            for (RtpTransceiver t : ts) {
                if (t.kind() == kind.get() && t.mid().isEmpty()) {
                    t.mid(mid);
                    bound = true;
                    break;
                }
            }
            if (!bound) {
                create.apply(kind.get(), mid);
            }
        }
    }

    /** The negotiated RTP sections of an answer, with the SSRCs the remote description announces. */
    static List<MediaSection> sections(SessionDescription answer, SessionDescription remote, List<RtpTransceiver> ts,
                                       boolean localIsOfferer) {
        List<MediaSection> out = new ArrayList<>();
        for (NegotiatedMedia n : Jsep.negotiated(answer)) {
            Optional<MediaKind> kind = MediaKind.fromMedia(n.media());
            if (n.rejected() || n.mid().isEmpty() || kind.isEmpty()) {
                continue;
            }
            String mid = n.mid().get();
            RtpTransceiver t = null;
            for (RtpTransceiver x : ts) {
                if (mid.equals(x.mid().orElse(null))) {
                    t = x;
                }
            }
            if (t == null) {
                continue;
            }
            Direction d = n.direction(localIsOfferer);
            long rtx = kind.get() == MediaKind.VIDEO ? t.sender().rtxSsrc() : -1;
            Optional<MediaDescription> rm = remote.mediaByMid(mid);
            out.add(new MediaSection(mid, kind.get(), n.codecs(), n.headerExtensions(), d.sends(), d.receives(),
                    t.sender().ssrc(), rm.map(MediaNegotiation::primarySsrcs).orElse(List.of()), rtx,
                    rm.map(MediaNegotiation::repairSsrcs).orElse(Map.of())));
        }
        return out;
    }

    /** Repair SSRC → media SSRC from the FID groups of an m-section (RFC 5576 §4.2: primary first). */
    static Map<Long, Long> repairSsrcs(MediaDescription m) {
        Map<Long, Long> out = new HashMap<>();
        for (SsrcGroup g : m.ssrcGroups()) {
            if (g.semantics().equalsIgnoreCase("FID") && g.ssrcs().size() > 1) {
                for (Long r : g.ssrcs().subList(1, g.ssrcs().size())) {
                    out.put(r, g.ssrcs().get(0));
                }
            }
        }
        return out;
    }

    /** The media SSRCs of an m-section: a=ssrc lines minus the repair SSRCs of FID groups (RFC 5576 §4.2). */
    static List<Long> primarySsrcs(MediaDescription m) {
        Set<Long> repair = new HashSet<>();
        for (SsrcGroup g : m.ssrcGroups()) {
            if (g.semantics().equalsIgnoreCase("FID") && g.ssrcs().size() > 1) {
                repair.addAll(g.ssrcs().subList(1, g.ssrcs().size()));
            }
        }
        List<Long> out = new ArrayList<>();
        for (Ssrc s : m.ssrcs()) {
            if (!repair.contains(s.ssrc()) && !out.contains(s.ssrc())) {
                out.add(s.ssrc());
            }
        }
        return out;
    }
}
