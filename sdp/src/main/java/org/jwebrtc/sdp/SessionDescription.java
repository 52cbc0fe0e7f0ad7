package org.jwebrtc.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jwebrtc.sdp.internal.Check;
import org.jwebrtc.sdp.internal.SdpWriter;

/**
 * A parsed session description (RFC 8866 §5), immutable. Session-level fields in RFC order, then
 * session attributes and media sections in input order. {@link #write()} gives CRLF text.
 */
public record SessionDescription(int version, Origin origin, String sessionName, Optional<String> information,
                                 Optional<String> uri, List<String> emails, List<String> phones,
                                 Optional<Connection> connection, List<Bandwidth> bandwidths, List<Timing> timings,
                                 Optional<String> timeZones, Optional<String> key, List<Attribute> attributes,
                                 List<MediaDescription> media) {

    public SessionDescription {
        Check.range(version, 0, Integer.MAX_VALUE, "version");
        if (origin == null || information == null || uri == null || connection == null || timeZones == null
                || key == null) {
            throw new IllegalArgumentException("components must not be null (use Optional.empty())");
        }
        Check.text(sessionName, "session name");
        information.ifPresent(i -> Check.text(i, "i="));
        uri.ifPresent(u -> Check.text(u, "u="));
        emails = Check.list(emails, "emails");
        emails.forEach(e -> Check.text(e, "e="));
        phones = Check.list(phones, "phones");
        phones.forEach(p -> Check.text(p, "p="));
        bandwidths = Check.list(bandwidths, "bandwidths");
        timings = Check.list(timings, "timings");
        timeZones.ifPresent(z -> Check.text(z, "z="));
        key.ifPresent(k -> Check.text(k, "k="));
        attributes = Check.list(attributes, "attributes");
        media = Check.list(media, "media");
    }

    /** The JSEP shape (RFC 8829 §5.2.1): {@code v=0}, {@code s=-}, {@code t=0 0}, no c= at session level. */
    public static SessionDescription of(Origin origin, List<Attribute> attributes, List<MediaDescription> media) {
        return new SessionDescription(0, origin, "-", Optional.empty(), Optional.empty(), List.of(), List.of(),
                Optional.empty(), List.of(), List.of(Timing.UNBOUNDED), Optional.empty(), Optional.empty(),
                attributes, media);
    }

    /** CRLF text (RFC 8866 §5); {@code Sdp.parse(write())} equals this. */
    public String write() {
        return SdpWriter.write(this);
    }

    public SessionDescription withOrigin(Origin o) {
        return new SessionDescription(version, o, sessionName, information, uri, emails, phones, connection,
                bandwidths, timings, timeZones, key, attributes, media);
    }

    public SessionDescription withMedia(List<MediaDescription> newMedia) {
        return new SessionDescription(version, origin, sessionName, information, uri, emails, phones, connection,
                bandwidths, timings, timeZones, key, attributes, newMedia);
    }

    public SessionDescription withAttributes(List<Attribute> newAttributes) {
        return new SessionDescription(version, origin, sessionName, information, uri, emails, phones, connection,
                bandwidths, timings, timeZones, key, newAttributes, media);
    }

    /** Session-level attributes of one variant, in order. */
    public <T extends Attribute> List<T> attributes(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Attribute a : attributes) {
            if (type.isInstance(a)) {
                out.add(type.cast(a));
            }
        }
        return out;
    }

    public <T extends Attribute> Optional<T> first(Class<T> type) {
        for (Attribute a : attributes) {
            if (type.isInstance(a)) {
                return Optional.of(type.cast(a));
            }
        }
        return Optional.empty();
    }

    public boolean has(PropertyAttribute flag) {
        return attributes.contains(flag);
    }

    public List<Group> groups() {
        return attributes(Group.class);
    }

    /** The first {@code a=group:BUNDLE} (RFC 8843 §7.1). */
    public Optional<Group> bundleGroup() {
        for (Attribute a : attributes) {
            if (a instanceof Group g && g.isBundle()) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }

    public boolean iceLite() {
        return has(PropertyAttribute.ICE_LITE);
    }

    public Optional<MediaDescription> mediaByMid(String mid) {
        for (MediaDescription m : media) {
            if (m.mid().filter(mid::equals).isPresent()) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** The media-level value, else the session-level one (RFC 8839 §5.4 allows both levels). */
    public Optional<String> iceUfrag(MediaDescription m) {
        return m.iceUfrag().or(() -> first(IceUfrag.class).map(IceUfrag::ufrag));
    }

    public Optional<String> icePwd(MediaDescription m) {
        return m.icePwd().or(() -> first(IcePwd.class).map(IcePwd::password));
    }

    public List<Fingerprint> fingerprints(MediaDescription m) {
        List<Fingerprint> own = m.fingerprints();
        return own.isEmpty() ? attributes(Fingerprint.class) : own;
    }

    public Optional<Setup> setup(MediaDescription m) {
        return m.setup().or(() -> first(Setup.class));
    }

    /** Media direction, falling back to the session-level attribute (RFC 8866 §6.7). */
    public Direction direction(MediaDescription m) {
        Optional<Direction> own = m.first(Direction.class);
        return own.or(() -> first(Direction.class)).orElse(Direction.SENDRECV);
    }
}
