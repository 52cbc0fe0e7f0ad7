package org.jwebrtc.sdp.jsep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.jwebrtc.sdp.Extmap;

/**
 * Intersection of offered and local payload formats for an answer (RFC 3264 §6.1, RFC 8829
 * §5.3.1): same encoding name, clock rate and channels, plus the format configuration
 * parameters each payload format declares (H.264 RFC 6184 §8.2.2, VP9 profile-id, AV1 profile).
 * The answer keeps the offer's payload type numbers and the answerer's preference order.
 */
public final class CodecNegotiation {
    private CodecNegotiation() {}

    /** Whether {@code offered} and {@code local} denote the same format configuration. */
    public static boolean matches(Codec offered, Codec local) {
        if (!offered.name().equalsIgnoreCase(local.name()) || offered.clockRate() != local.clockRate()
                || offered.channels().orElse(1) != local.channels().orElse(1)) {
            return false;
        }
        String name = offered.name().toUpperCase(java.util.Locale.ROOT);
        switch (name) {
            case "H264": {
                // RFC 6184 §8.2.2: profile and packetization-mode are symmetric, the level is not
                if (!offered.parameter("packetization-mode", "0").equals(local.parameter("packetization-mode", "0"))) {
                    return false;
                }
                Optional<H264ProfileLevelId> o = profileLevelId(offered);
                Optional<H264ProfileLevelId> l = profileLevelId(local);
                return o.isPresent() && l.isPresent() && o.get().sameProfile(l.get());
            }
            case "VP9":   // draft-ietf-payload-vp9 §6: profile-id defaults to 0
                return offered.parameter("profile-id", "0").equals(local.parameter("profile-id", "0"));
            case "AV1":   // AV1 RTP spec §7.2: profile defaults to 0
                return offered.parameter("profile", "0").equals(local.parameter("profile", "0"));
            default:
                return true;
        }
    }

    static Optional<H264ProfileLevelId> profileLevelId(Codec c) {
        String v = c.parameters().get("profile-level-id");
        return v == null ? Optional.of(H264ProfileLevelId.DEFAULT) : H264ProfileLevelId.parse(v);
    }

    /**
     * The answer's formats: for each local codec in local preference order, the first unused
     * matching offered codec (offered payload type, negotiated fmtp, common feedback); then every
     * offered RTX whose {@code apt} was accepted, if the local side supports RTX.
     */
    public static List<Codec> negotiate(List<Codec> offered, List<Codec> local) {
        List<Codec> out = new ArrayList<>();
        Set<Integer> used = new TreeSet<>();
        boolean localRtx = false;
        for (Codec l : local) {
            if (l.isRtx()) {
                localRtx = true;
                continue;
            }
            for (Codec o : offered) {
                if (!o.isRtx() && !used.contains(o.payloadType()) && matches(o, l)) {
                    used.add(o.payloadType());
                    out.add(new Codec(o.payloadType(), o.name(), o.clockRate(), o.channels(), answerFmtp(o, l),
                            commonFeedback(o, l)));
                    break;
                }
            }
        }
        if (localRtx) {
            List<Codec> rtx = new ArrayList<>();
            for (Codec o : offered) {
                OptionalInt apt = o.isRtx() ? o.apt() : OptionalInt.empty();
                if (apt.isPresent() && used.contains(apt.getAsInt())) {
                    rtx.add(new Codec(o.payloadType(), o.name(), o.clockRate(), o.channels(), o.fmtp(), List.of()));
                }
            }
            // place each RTX right after the codec it repairs, as browsers do
            for (Codec r : rtx) {
                int apt = r.apt().getAsInt();
                for (int i = 0; i < out.size(); i++) {
                    if (out.get(i).payloadType() == apt) {
                        out.add(i + 1, r);
                        break;
                    }
                }
            }
        }
        return out;
    }

    private static List<String> commonFeedback(Codec o, Codec l) {
        List<String> out = new ArrayList<>();
        for (String f : o.feedback()) {
            if (l.feedback().contains(f)) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * fmtp of an accepted format. H.264: the offered parameters with the negotiated level
     * (RFC 6184 §8.2.2: with level-asymmetry-allowed=1 on both sides, the answerer's own receive
     * level; otherwise the lower of both), level-asymmetry-allowed kept only if both allow it.
     * Others: the local parameters (what the answerer wants to receive), else the offered ones.
     */
    static Optional<String> answerFmtp(Codec o, Codec l) {
        if (o.name().equalsIgnoreCase("H264")) {
            H264ProfileLevelId op = profileLevelId(o).orElseThrow();
            H264ProfileLevelId lp = profileLevelId(l).orElseThrow();
            boolean asymmetry = o.parameter("level-asymmetry-allowed", "0").equals("1")
                    && l.parameter("level-asymmetry-allowed", "0").equals("1");
            H264ProfileLevelId level = asymmetry || lp.levelOrder() < op.levelOrder() ? lp : op;
            Map<String, String> p = new LinkedHashMap<>(o.parameters());
            if (!asymmetry) {
                p.remove("level-asymmetry-allowed");
            }
            p.put("profile-level-id", op.withLevelOf(level).toHex());
            StringBuilder sb = new StringBuilder();
            for (Map.Entry<String, String> e : p.entrySet()) {
                if (sb.length() > 0) {
                    sb.append(';');
                }
                sb.append(e.getKey());
                if (!e.getValue().isEmpty()) {
                    sb.append('=').append(e.getValue());
                }
            }
            return Optional.of(sb.toString());
        }
        if (o.name().equalsIgnoreCase("red")) {
            return o.fmtp();   // lists payload type numbers of the offer
        }
        return l.fmtp().isPresent() ? l.fmtp() : o.fmtp();
    }

    /** Offered header extensions the local side supports, with the offered ids (RFC 8285 §7). */
    public static List<Extmap> negotiateExtensions(List<Extmap> offered, List<Extmap> local) {
        List<Extmap> out = new ArrayList<>();
        for (Extmap o : offered) {
            for (Extmap l : local) {
                if (l.uri().equals(o.uri())) {
                    out.add(new Extmap(o.id(), o.uri()));
                    break;
                }
            }
        }
        return out;
    }
}
