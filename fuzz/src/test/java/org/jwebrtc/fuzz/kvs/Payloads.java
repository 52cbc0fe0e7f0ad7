package org.jwebrtc.fuzz.kvs;

import org.jwebrtc.fuzz.Contract;
import org.jwebrtc.signaling.kvs.IceCandidatePayload;
import org.jwebrtc.signaling.kvs.SessionDescriptionPayload;
import org.jwebrtc.signaling.kvs.SignalingException;

/** The decoded messagePayload JSON: a W3C RTCSessionDescriptionInit or RTCIceCandidateInit. */
final class Payloads {
    private Payloads() {}

    static void exercise(String json) {
        try {
            SessionDescriptionPayload sd = SessionDescriptionPayload.parse(json);
            Contract.sameAfterRoundTrip(sd, SessionDescriptionPayload.parse(sd.toJson()), "session description payload");
        } catch (SignalingException expected) {
            // not an SDP payload, or malformed
        }
        try {
            IceCandidatePayload c = IceCandidatePayload.parse(json);
            Contract.sameAfterRoundTrip(c, IceCandidatePayload.parse(c.toJson()), "candidate payload");
        } catch (SignalingException expected) {
            // not a candidate payload, or malformed
        }
    }
}
