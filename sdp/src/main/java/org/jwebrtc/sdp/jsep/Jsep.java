package org.jwebrtc.sdp.jsep;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.jwebrtc.sdp.Attribute;
import org.jwebrtc.sdp.Connection;
import org.jwebrtc.sdp.Direction;
import org.jwebrtc.sdp.Extmap;
import org.jwebrtc.sdp.Fingerprint;
import org.jwebrtc.sdp.Group;
import org.jwebrtc.sdp.IceOptions;
import org.jwebrtc.sdp.IcePwd;
import org.jwebrtc.sdp.IceUfrag;
import org.jwebrtc.sdp.MaxMessageSize;
import org.jwebrtc.sdp.MediaDescription;
import org.jwebrtc.sdp.Mid;
import org.jwebrtc.sdp.PropertyAttribute;
import org.jwebrtc.sdp.Rtcp;
import org.jwebrtc.sdp.SctpPort;
import org.jwebrtc.sdp.SessionDescription;
import org.jwebrtc.sdp.Setup;

/**
 * JSEP (RFC 8829) offer/answer generation on the SDP model. Pure functions: no state, no I/O.
 * Ports are the placeholder 9 with {@code c=IN IP4 0.0.0.0} (RFC 8829 §5.2.1; real addresses
 * travel as candidates). Bundled answer sections keep their port and carry no bundle-only, as
 * JSEP and browsers do (RFC 8829 §1.3 notes the divergence from RFC 8843 §7.3).
 */
public final class Jsep {
    /** RFC 8829 §5.2.1 proto for RTP media and data channels. */
    public static final String RTP_PROTO = "UDP/TLS/RTP/SAVPF";
    public static final String SCTP_PROTO = "UDP/DTLS/SCTP";
    public static final String DATACHANNEL_FORMAT = "webrtc-datachannel";
    static final int DISCARD_PORT = 9;

    private Jsep() {}

    /** An offer for the given transceivers and data channel (RFC 8829 §5.2.1). */
    public static SessionDescription createOffer(OfferOptions o) {
        List<MediaDescription> media = new ArrayList<>();
        List<String> mids = new ArrayList<>();
        for (TransceiverSpec t : o.transceivers()) {
            List<Attribute> a = new ArrayList<>();
            transport(a, o.transport(), Setup.ACTPASS);
            a.add(new Mid(t.mid()));
            a.addAll(t.headerExtensions());
            a.add(t.direction());
            t.msid().ifPresent(a::add);
            a.add(PropertyAttribute.RTCP_MUX);
            if (t.kind() == MediaKind.VIDEO) {
                a.add(PropertyAttribute.RTCP_RSIZE);   // RFC 8829 §5.2.1 + RFC 5506
            }
            for (Codec c : t.codecs()) {
                a.addAll(c.attributes());
            }
            a.addAll(t.extraAttributes());
            candidates(a, o.transport());
            media.add(rtpSection(t.kind().token(), DISCARD_PORT, formats(t.codecs()), a));
            mids.add(t.mid());
        }
        if (o.dataChannel().isPresent()) {
            DataChannelSpec d = o.dataChannel().get();
            media.add(dataSection(DISCARD_PORT, d, o.transport(), Setup.ACTPASS));
            mids.add(d.mid());
        }
        List<Attribute> session = new ArrayList<>();
        if (o.bundle() && !mids.isEmpty()) {
            session.add(new Group(Group.BUNDLE, mids));
        }
        if (o.transport().iceLite()) {
            session.add(PropertyAttribute.ICE_LITE);   // RFC 8839 §5.3: session level only
        }
        return SessionDescription.of(o.origin(), session, media);
    }

    /** An answer to {@code offer} (RFC 8829 §5.3.1, RFC 3264 §6). */
    public static SessionDescription createAnswer(SessionDescription offer, AnswerOptions a) {
        List<MediaDescription> media = new ArrayList<>();
        List<String> accepted = new ArrayList<>();
        for (MediaDescription m : offer.media()) {
            MediaDescription answer = answerSection(offer, m, a);
            media.add(answer);
            if (answer.port() != 0) {
                answer.mid().ifPresent(accepted::add);
            }
        }
        List<Attribute> session = new ArrayList<>();
        // RFC 8829 §5.3.1: one BUNDLE group per offered group, with its mids not rejected; the first
        // accepted mid is the tag (RFC 8843 §7.3.1)
        for (Group g : offer.groups()) {
            if (g.isBundle()) {
                List<String> mids = new ArrayList<>();
                for (String mid : g.mids()) {
                    if (accepted.contains(mid)) {
                        mids.add(mid);
                    }
                }
                if (!mids.isEmpty()) {
                    session.add(new Group(Group.BUNDLE, mids));
                }
            }
        }
        if (a.transport().iceLite()) {
            session.add(PropertyAttribute.ICE_LITE);
        }
        return SessionDescription.of(a.origin(), session, media);
    }

    private static MediaDescription answerSection(SessionDescription offer, MediaDescription m, AnswerOptions a) {
        Optional<String> mid = m.mid();
        Setup setup = answerSetup(offer.setup(m).orElse(Setup.ACTPASS), a.setupWhenOfferedActpass());
        if (m.isRejected()) {
            return rejected(m);
        }
        if (m.media().equals("application")) {
            if (a.dataChannel().isEmpty() || !m.protocol().endsWith("SCTP")
                    || !m.formats().contains(DATACHANNEL_FORMAT)) {
                return rejected(m);
            }
            DataChannelSpec local = a.dataChannel().get();
            DataChannelSpec d = new DataChannelSpec(mid.orElse(local.mid()), local.sctpPort(), local.maxMessageSize());
            return dataSection(DISCARD_PORT, d, a.transport(), setup);
        }
        Optional<MediaKind> kind = MediaKind.fromMedia(m.media());
        MediaCapabilities caps = kind.map(a.capabilities()::get).orElse(null);
        if (caps == null || !m.protocol().contains("RTP")) {
            return rejected(m);
        }
        List<Codec> codecs = CodecNegotiation.negotiate(Codec.fromMedia(m), caps.codecs());
        if (codecs.stream().allMatch(Codec::isRtx)) {
            return rejected(m);   // RFC 3264 §6: nothing in common
        }
        Direction local = mid.map(a.directions()::get).orElse(null);
        Direction dir = (local == null ? Direction.SENDRECV : local).answerTo(offer.direction(m));
        List<Attribute> attrs = new ArrayList<>();
        transport(attrs, a.transport(), setup);
        mid.ifPresent(x -> attrs.add(new Mid(x)));
        attrs.addAll(CodecNegotiation.negotiateExtensions(m.extmaps(), caps.headerExtensions()));
        attrs.add(dir);
        if (m.has(PropertyAttribute.RTCP_MUX)) {
            attrs.add(PropertyAttribute.RTCP_MUX);
        }
        if (m.has(PropertyAttribute.RTCP_RSIZE)) {
            attrs.add(PropertyAttribute.RTCP_RSIZE);
        }
        for (Codec c : codecs) {
            attrs.addAll(c.attributes());
        }
        mid.map(a.extraAttributes()::get).ifPresent(attrs::addAll);
        candidates(attrs, a.transport());
        return rtpSection(m.media(), DISCARD_PORT, formats(codecs), attrs);
    }

    /** RFC 8842 §5.3 / RFC 4145 §4.1: actpass → the answerer's choice; active ⇄ passive. */
    static Setup answerSetup(Setup offered, Setup whenActpass) {
        switch (offered) {
            case ACTIVE:
                return Setup.PASSIVE;
            case PASSIVE:
                return Setup.ACTIVE;
            default:
                return whenActpass;
        }
    }

    /** RFC 3264 §6: port 0, the offered formats; the mid stays (RFC 8843 §7.3.3). */
    private static MediaDescription rejected(MediaDescription m) {
        List<Attribute> a = new ArrayList<>();
        m.mid().ifPresent(x -> a.add(new Mid(x)));
        List<String> formats = m.formats().isEmpty() ? List.of("0") : m.formats();
        return new MediaDescription(m.media(), 0, m.protocol(), formats, Optional.of(Connection.IP4_ANY), a);
    }

    private static void transport(List<Attribute> a, TransportParameters t, Setup setup) {
        a.add(new Rtcp(DISCARD_PORT, Optional.of(Connection.IP4_ANY)));
        a.add(new IceUfrag(t.iceUfrag()));
        a.add(new IcePwd(t.icePwd()));
        if (t.trickle()) {
            a.add(new IceOptions(List.of("trickle")));
        }
        for (Fingerprint f : t.fingerprints()) {
            a.add(f);
        }
        a.add(setup);
    }

    private static void candidates(List<Attribute> a, TransportParameters t) {
        a.addAll(t.candidates());
        if (t.endOfCandidates()) {
            a.add(PropertyAttribute.END_OF_CANDIDATES);
        }
    }

    private static MediaDescription rtpSection(String media, int port, List<String> formats, List<Attribute> attrs) {
        return new MediaDescription(media, port, RTP_PROTO, formats, Optional.of(Connection.IP4_ANY), attrs);
    }

    private static MediaDescription dataSection(int port, DataChannelSpec d, TransportParameters t, Setup setup) {
        List<Attribute> a = new ArrayList<>();
        transport(a, t, setup);
        a.remove(0);   // no a=rtcp for SCTP
        a.add(new Mid(d.mid()));
        a.add(new SctpPort(d.sctpPort()));
        a.add(new MaxMessageSize(d.maxMessageSize()));
        candidates(a, t);
        return new MediaDescription("application", port, SCTP_PROTO, List.of(DATACHANNEL_FORMAT),
                Optional.of(Connection.IP4_ANY), a);
    }

    private static List<String> formats(List<Codec> codecs) {
        List<String> f = new ArrayList<>(codecs.size());
        for (Codec c : codecs) {
            f.add(Integer.toString(c.payloadType()));
        }
        return f;
    }

    /** What an answer settled, per m-section in order; usable by both offerer and answerer. */
    public static List<NegotiatedMedia> negotiated(SessionDescription answer) {
        List<NegotiatedMedia> out = new ArrayList<>();
        for (MediaDescription m : answer.media()) {
            boolean rejected = m.isRejected();
            List<Codec> codecs = rejected || !m.protocol().contains("RTP") ? List.of() : Codec.fromMedia(m);
            List<Extmap> ext = rejected ? List.of() : m.extmaps();
            out.add(new NegotiatedMedia(m.mid(), m.media(), rejected,
                    rejected ? Direction.INACTIVE : answer.direction(m), codecs, ext,
                    rejected ? OptionalInt.empty() : m.sctpPort(),
                    rejected ? OptionalLong.empty() : m.maxMessageSize()));
        }
        return out;
    }
}
