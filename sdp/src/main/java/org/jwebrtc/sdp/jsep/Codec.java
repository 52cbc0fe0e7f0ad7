package org.jwebrtc.sdp.jsep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.jwebrtc.sdp.Attribute;
import org.jwebrtc.sdp.Fmtp;
import org.jwebrtc.sdp.MediaDescription;
import org.jwebrtc.sdp.RtcpFb;
import org.jwebrtc.sdp.RtpMap;

/**
 * One RTP payload format of an m-section: rtpmap + fmtp + rtcp-fb folded together. Feedback
 * entries are written as in SDP ({@code "nack"}, {@code "nack pli"}, {@code "ccm fir"}).
 */
public record Codec(int payloadType, String name, int clockRate, OptionalInt channels, Optional<String> fmtp,
                    List<String> feedback) {

    public Codec {
        new RtpMap(payloadType, name, clockRate, channels);   // same invariants as the attribute
        fmtp.ifPresent(f -> new Fmtp(payloadType, f));
        feedback = List.copyOf(feedback);
        for (String f : feedback) {
            int sp = f.indexOf(' ');
            new RtcpFb(payloadType, sp < 0 ? f : f.substring(0, sp),
                    sp < 0 ? Optional.empty() : Optional.of(f.substring(sp + 1)));
        }
    }

    public static Codec of(int payloadType, String name, int clockRate) {
        return new Codec(payloadType, name, clockRate, OptionalInt.empty(), Optional.empty(), List.of());
    }

    public static Codec audio(int payloadType, String name, int clockRate, int channels) {
        return new Codec(payloadType, name, clockRate, OptionalInt.of(channels), Optional.empty(), List.of());
    }

    /** An RTX format (RFC 4588 §8.6) repairing {@code apt}. */
    public static Codec rtx(int payloadType, int apt, int clockRate) {
        return of(payloadType, "rtx", clockRate).withFmtp("apt=" + apt);
    }

    public Codec withFmtp(String parameters) {
        return new Codec(payloadType, name, clockRate, channels, Optional.of(parameters), feedback);
    }

    public Codec withFeedback(String... entries) {
        return new Codec(payloadType, name, clockRate, channels, fmtp, List.of(entries));
    }

    public Codec withPayloadType(int pt) {
        return new Codec(pt, name, clockRate, channels, fmtp, feedback);
    }

    /** fmtp parameters, lower-cased names; empty map without fmtp. */
    public Map<String, String> parameters() {
        return fmtp.map(f -> new Fmtp(payloadType, f).parameterMap()).orElse(Map.of());
    }

    public String parameter(String key, String defaultValue) {
        return parameters().getOrDefault(key.toLowerCase(Locale.ROOT), defaultValue);
    }

    public boolean isRtx() {
        return name.equalsIgnoreCase("rtx");
    }

    /** The associated payload type of an RTX codec. */
    public OptionalInt apt() {
        String v = parameters().get("apt");
        if (v == null || v.isEmpty() || v.length() > 3 || !v.chars().allMatch(Character::isDigit)) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(v));
    }

    /** rtpmap, then rtcp-fb lines, then fmtp (the order browsers write). */
    public List<Attribute> attributes() {
        List<Attribute> out = new ArrayList<>(2 + feedback.size());
        out.add(new RtpMap(payloadType, name, clockRate, channels));
        for (String f : feedback) {
            int sp = f.indexOf(' ');
            out.add(sp < 0 ? new RtcpFb(payloadType, f) : new RtcpFb(payloadType, f.substring(0, sp), f.substring(sp + 1)));
        }
        fmtp.ifPresent(f -> out.add(new Fmtp(payloadType, f)));
        return out;
    }

    /**
     * The formats of an RTP m-section in m= line order. Static payload types without rtpmap
     * take their RFC 3551 §6 encoding; other formats without rtpmap are skipped.
     */
    public static List<Codec> fromMedia(MediaDescription m) {
        List<Codec> out = new ArrayList<>();
        for (int pt : m.payloadTypes()) {
            Optional<RtpMap> map = m.rtpMap(pt);
            Codec c;
            if (map.isPresent()) {
                c = new Codec(pt, map.get().encodingName(), map.get().clockRate(), map.get().channels(),
                        Optional.empty(), List.of());
            } else {
                c = StaticPayloadTypes.lookup(pt);
                if (c == null) {
                    continue;
                }
            }
            List<String> fb = new ArrayList<>();
            for (RtcpFb f : m.rtcpFeedback(pt)) {
                String entry = f.parameter().map(p -> f.type() + " " + p).orElse(f.type());
                if (!fb.contains(entry)) {
                    fb.add(entry);
                }
            }
            Optional<String> fmtp = m.fmtp(pt).map(Fmtp::parameters);
            out.add(new Codec(pt, c.name(), c.clockRate(), c.channels(), fmtp, fb));
        }
        return out;
    }
}
