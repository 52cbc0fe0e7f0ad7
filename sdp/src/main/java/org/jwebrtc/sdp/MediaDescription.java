package org.jwebrtc.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.jwebrtc.sdp.internal.Check;

/**
 * One media section (RFC 8866 §5.14): {@code m=<media> <port>[/<count>] <proto> <fmt> ...}
 * followed by its {@code i= c= b= k= a=} lines. Attributes keep their input order.
 */
public record MediaDescription(String media, int port, OptionalInt portCount, String protocol,
                               List<String> formats, Optional<String> information,
                               List<Connection> connections, List<Bandwidth> bandwidths,
                               Optional<String> key, List<Attribute> attributes) {

    public MediaDescription {
        Check.word(media, "media");
        Check.range(port, 0, 65535, "port");
        if (portCount == null || information == null || key == null) {
            throw new IllegalArgumentException("optional components must not be null");
        }
        portCount.ifPresent(c -> Check.range(c, 1, 65535, "number of ports"));
        Check.word(protocol, "proto");
        formats = Check.words(formats, "fmt");
        information.ifPresent(i -> Check.text(i, "i="));
        connections = Check.list(connections, "connections");
        bandwidths = Check.list(bandwidths, "bandwidths");
        key.ifPresent(k -> Check.text(k, "k="));
        attributes = Check.list(attributes, "attributes");
    }

    /** The common shape: no i=/k=/b=, one optional c=. */
    public MediaDescription(String media, int port, String protocol, List<String> formats,
                            Optional<Connection> connection, List<Attribute> attributes) {
        this(media, port, OptionalInt.empty(), protocol, formats, Optional.empty(),
                connection.map(List::of).orElse(List.of()), List.of(), Optional.empty(), attributes);
    }

    public MediaDescription withAttributes(List<Attribute> newAttributes) {
        return new MediaDescription(media, port, portCount, protocol, formats, information, connections, bandwidths,
                key, newAttributes);
    }

    public MediaDescription withPort(int newPort) {
        return new MediaDescription(media, newPort, portCount, protocol, formats, information, connections,
                bandwidths, key, attributes);
    }

    /** All attributes of one variant, in order. */
    public <T extends Attribute> List<T> attributes(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Attribute a : attributes) {
            if (type.isInstance(a)) {
                out.add(type.cast(a));
            }
        }
        return out;
    }

    /** The first attribute of one variant. */
    public <T extends Attribute> Optional<T> first(Class<T> type) {
        for (Attribute a : attributes) {
            if (type.isInstance(a)) {
                return Optional.of(type.cast(a));
            }
        }
        return Optional.empty();
    }

    /** Unknown (raw) attributes with this name, e.g. {@code "ptime"}. */
    public List<UnknownAttribute> unknown(String name) {
        List<UnknownAttribute> out = new ArrayList<>();
        for (Attribute a : attributes) {
            if (a instanceof UnknownAttribute u && u.name().equals(name)) {
                out.add(u);
            }
        }
        return out;
    }

    public boolean has(PropertyAttribute flag) {
        return attributes.contains(flag);
    }

    public Optional<String> mid() {
        return first(Mid.class).map(Mid::id);
    }

    /** The media-level direction attribute, SENDRECV when absent (RFC 8866 §6.7). */
    public Direction direction() {
        return first(Direction.class).orElse(Direction.SENDRECV);
    }

    /** The formats parsed as RTP payload types (non-numeric formats skipped). */
    public List<Integer> payloadTypes() {
        List<Integer> out = new ArrayList<>(formats.size());
        for (String f : formats) {
            int v = 0;
            boolean ok = !f.isEmpty() && f.length() <= 3;
            for (int i = 0; ok && i < f.length(); i++) {
                char c = f.charAt(i);
                ok = c >= '0' && c <= '9';
                v = v * 10 + (c - '0');
            }
            if (ok && v <= 127) {
                out.add(v);
            }
        }
        return out;
    }

    public List<RtpMap> rtpMaps() {
        return attributes(RtpMap.class);
    }

    public Optional<RtpMap> rtpMap(int pt) {
        for (Attribute a : attributes) {
            if (a instanceof RtpMap r && r.payloadType() == pt) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    public Optional<Fmtp> fmtp(int pt) {
        for (Attribute a : attributes) {
            if (a instanceof Fmtp f && f.payloadType() == pt) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** Feedback for one payload type, including wildcard ({@code *}) entries. */
    public List<RtcpFb> rtcpFeedback(int pt) {
        List<RtcpFb> out = new ArrayList<>();
        for (Attribute a : attributes) {
            if (a instanceof RtcpFb f && (f.payloadType() == pt || f.isWildcard())) {
                out.add(f);
            }
        }
        return out;
    }

    public List<Extmap> extmaps() {
        return attributes(Extmap.class);
    }

    public List<Candidate> candidates() {
        return attributes(Candidate.class);
    }

    public List<Ssrc> ssrcs() {
        return attributes(Ssrc.class);
    }

    public List<SsrcGroup> ssrcGroups() {
        return attributes(SsrcGroup.class);
    }

    public List<Msid> msids() {
        return attributes(Msid.class);
    }

    public List<Rid> rids() {
        return attributes(Rid.class);
    }

    public Optional<Simulcast> simulcast() {
        return first(Simulcast.class);
    }

    public Optional<String> iceUfrag() {
        return first(IceUfrag.class).map(IceUfrag::ufrag);
    }

    public Optional<String> icePwd() {
        return first(IcePwd.class).map(IcePwd::password);
    }

    public List<Fingerprint> fingerprints() {
        return attributes(Fingerprint.class);
    }

    public Optional<Setup> setup() {
        return first(Setup.class);
    }

    public OptionalInt sctpPort() {
        Optional<SctpPort> p = first(SctpPort.class);
        return p.isPresent() ? OptionalInt.of(p.get().port()) : OptionalInt.empty();
    }

    public OptionalLong maxMessageSize() {
        Optional<MaxMessageSize> p = first(MaxMessageSize.class);
        return p.isPresent() ? OptionalLong.of(p.get().size()) : OptionalLong.empty();
    }

    /** Port 0 without {@code a=bundle-only} rejects the section (RFC 3264 §6, RFC 8843 §7.3.3). */
    public boolean isRejected() {
        return port == 0 && !has(PropertyAttribute.BUNDLE_ONLY);
    }
}
