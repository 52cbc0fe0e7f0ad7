package org.jwebrtc.sdp.jsep;

import java.util.List;
import org.jwebrtc.sdp.Candidate;
import org.jwebrtc.sdp.Fingerprint;
import org.jwebrtc.sdp.IcePwd;
import org.jwebrtc.sdp.IceUfrag;

/**
 * Local ICE and DTLS parameters written into every m-section (RFC 8829 §5.2.1: ice-ufrag,
 * ice-pwd, ice-options, fingerprint; candidates gathered so far, end-of-candidates when done).
 */
public record TransportParameters(String iceUfrag, String icePwd, List<Fingerprint> fingerprints, boolean iceLite,
                                  boolean trickle, List<Candidate> candidates, boolean endOfCandidates) {
    public TransportParameters {
        new IceUfrag(iceUfrag);
        new IcePwd(icePwd);
        fingerprints = List.copyOf(fingerprints);
        if (fingerprints.isEmpty()) {
            throw new IllegalArgumentException("DTLS-SRTP needs at least one fingerprint (RFC 8827 §6.5)");
        }
        candidates = List.copyOf(candidates);
    }

    /** Full ICE with trickle, no candidates yet. */
    public TransportParameters(String iceUfrag, String icePwd, Fingerprint fingerprint) {
        this(iceUfrag, icePwd, List.of(fingerprint), false, true, List.of(), false);
    }

    @Override
    public String toString() {
        return "TransportParameters[iceUfrag=" + iceUfrag + ", icePwd=<redacted>, fingerprints=" + fingerprints
                + ", iceLite=" + iceLite + ", trickle=" + trickle + ", candidates=" + candidates.size()
                + ", endOfCandidates=" + endOfCandidates + "]";
    }
}
