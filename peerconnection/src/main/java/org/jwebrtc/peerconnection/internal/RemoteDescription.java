package org.jwebrtc.peerconnection.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jwebrtc.dtls.DtlsException;
import org.jwebrtc.dtls.Fingerprint;
import org.jwebrtc.ice.Candidate;
import org.jwebrtc.ice.CandidateType;
import org.jwebrtc.ice.IceCredentials;
import org.jwebrtc.ice.TcpType;
import org.jwebrtc.peerconnection.PeerLimits;
import org.jwebrtc.sdp.MediaDescription;
import org.jwebrtc.sdp.PropertyAttribute;
import org.jwebrtc.sdp.Sdp;
import org.jwebrtc.sdp.SdpException;
import org.jwebrtc.sdp.SessionDescription;
import org.jwebrtc.sdp.Setup;

/** What a peer connection needs from the remote SDP's data-channel m-section (RFC 8841, RFC 8839, RFC 8842). */
public record RemoteDescription(SessionDescription sdp, IceCredentials iceCredentials, Fingerprint fingerprint,
                                Optional<Setup> setup, int sctpPort, long maxMessageSize, List<Candidate> candidates,
                                boolean endOfCandidates, boolean dataChannel) {

    public boolean answerSetupActive() {
        return setup.orElse(Setup.ACTIVE) == Setup.ACTIVE;
    }

    public static RemoteDescription parse(String text) {
        if (text.length() > PeerLimits.MAX_SDP_CHARS) {
            throw new IllegalArgumentException("remote SDP of " + text.length() + " chars exceeds the limit of "
                    + PeerLimits.MAX_SDP_CHARS);
        }
        SessionDescription sd;
        try {
            sd = Sdp.parse(text, Sdp.Mode.LENIENT);
        } catch (SdpException e) {
            throw new IllegalArgumentException("remote SDP: " + e.getMessage(), e);
        }
        Optional<MediaDescription> data = findApplication(sd);
        MediaDescription app = data.orElseGet(() -> firstAccepted(sd));
        String ufrag = sd.iceUfrag(app).orElseThrow(() -> new IllegalArgumentException("remote SDP has no ice-ufrag"));
        String pwd = sd.icePwd(app).orElseThrow(() -> new IllegalArgumentException("remote SDP has no ice-pwd"));
        if (sd.fingerprints(app).isEmpty()) {
            throw new IllegalArgumentException("remote SDP has no a=fingerprint (RFC 8827 §6.5)");
        }
        org.jwebrtc.sdp.Fingerprint f = sd.fingerprints(app).get(0);
        Fingerprint fingerprint;
        try {
            fingerprint = Fingerprint.parse(f.hashFunction() + " " + f.fingerprint());
        } catch (DtlsException e) {
            throw new IllegalArgumentException("remote fingerprint: " + e.getMessage(), e);
        }
        List<Candidate> candidates = new ArrayList<>();
        for (org.jwebrtc.sdp.Candidate c : app.candidates()) {
            iceCandidate(c).ifPresent(candidates::add);
        }
        if (candidates.size() > PeerLimits.MAX_REMOTE_CANDIDATES) {
            throw new IllegalArgumentException("remote SDP carries " + candidates.size()
                    + " candidates, more than the limit of " + PeerLimits.MAX_REMOTE_CANDIDATES);
        }
        return new RemoteDescription(sd, new IceCredentials(ufrag, pwd), fingerprint, sd.setup(app),
                app.sctpPort().orElse(5000), app.maxMessageSize().orElse(65_536), candidates,
                app.has(PropertyAttribute.END_OF_CANDIDATES), data.isPresent());
    }

    static Optional<MediaDescription> findApplication(SessionDescription sd) {
        for (MediaDescription m : sd.media()) {
            if (m.media().equals("application") && !m.isRejected()) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** The BUNDLE transport: ICE and DTLS parameters of the first accepted m-section (RFC 8843 §7). */
    static MediaDescription firstAccepted(SessionDescription sd) {
        for (MediaDescription m : sd.media()) {
            if (!m.isRejected()) {
                return m;
            }
        }
        throw new IllegalArgumentException("remote SDP has no accepted m-section");
    }

    /**
     * The m-section our candidates are signalled for: the BUNDLE tag, i.e. the first mid of the BUNDLE group with an
     * accepted m-section (RFC 8843 §10.2: candidates go in the tagged m-section only), else the first accepted one.
     * Chromium keeps a trickled candidate for a bundled-away mid in the description but never pairs it: only
     * peer-reflexive discovery then saves the connection, which relay-only ICE cannot use.
     */
    public static String bundleTagMid(SessionDescription sd) {
        if (sd.bundleGroup().isPresent()) {
            for (String mid : sd.bundleGroup().get().mids()) {
                for (MediaDescription m : sd.media()) {
                    if (!m.isRejected() && m.mid().filter(mid::equals).isPresent()) {
                        return mid;
                    }
                }
            }
        }
        return firstAccepted(sd).mid().orElse("0");
    }

    /** The index of the m-section with {@code mid} (sdpMLineIndex), 0 when there is none. */
    public static int mLineIndex(SessionDescription sd, String mid) {
        for (int i = 0; i < sd.media().size(); i++) {
            if (sd.media().get(i).mid().filter(mid::equals).isPresent()) {
                return i;
            }
        }
        return 0;
    }

    public static String applicationMid(SessionDescription sd) {
        return findApplication(sd).flatMap(MediaDescription::mid).orElse(firstAccepted(sd).mid().orElse("0"));
    }

    /** A trickled {@code candidate:...} string as an ICE candidate; empty for unusable addresses or transports. */
    public static Optional<Candidate> candidate(String text) {
        try {
            return iceCandidate(org.jwebrtc.sdp.Candidate.parse(text));
        } catch (SdpException e) {
            return Optional.empty();
        }
    }

    static Optional<Candidate> iceCandidate(org.jwebrtc.sdp.Candidate c) {
        String transport = c.transport().toLowerCase(Locale.ROOT);
        boolean tcp = transport.equals("tcp");
        if (!tcp && !transport.equals("udp")) {
            return Optional.empty();
        }
        if (tcp && c.tcpType().isEmpty()) {
            return Optional.empty();   // RFC 6544 §4.5: a TCP candidate without tcptype is unusable
        }
        Optional<InetSocketAddress> address = address(c.address(), c.port());
        if (address.isEmpty()) {
            return Optional.empty();
        }
        Optional<InetSocketAddress> related = Optional.empty();
        if (c.relatedAddress().isPresent() && c.relatedPort().isPresent()) {
            related = address(c.relatedAddress().get(), c.relatedPort().getAsInt());
        }
        if (tcp) {
            if (address.get().isUnresolved()) {
                return Optional.empty();   // mDNS TCP candidates are not resolved here
            }
            TcpType tcpType = TcpType.valueOf(c.tcpType().get().name());
            return Optional.of(Candidate.remoteTcp(CandidateType.fromSdpName(c.type().token()), c.foundation(),
                    c.component(), c.priority(), address.get(), related, tcpType));
        }
        return Optional.of(Candidate.remote(CandidateType.fromSdpName(c.type().token()), c.foundation(),
                c.component(), c.priority(), address.get(), related));
    }

    /** IP literals only: no DNS lookups on the loop; mDNS names stay unresolved for the ICE agent. */
    private static Optional<InetSocketAddress> address(String host, int port) {
        if (host.toLowerCase(Locale.ROOT).endsWith(".local")) {
            return Optional.of(InetSocketAddress.createUnresolved(host, port));
        }
        if (!host.matches("[0-9.]+") && !host.contains(":")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (UnknownHostException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static Optional<org.jwebrtc.sdp.Candidate> sdpCandidate(Candidate c) {
        try {
            return Optional.of(org.jwebrtc.sdp.Candidate.parse("candidate:" + c.toSdp()));
        } catch (SdpException e) {
            return Optional.empty();
        }
    }
}
