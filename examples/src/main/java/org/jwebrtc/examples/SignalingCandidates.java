package org.jwebrtc.examples;

import java.util.Optional;
import org.jwebrtc.peerconnection.IceCandidateInit;
import org.jwebrtc.signaling.kvs.IceCandidatePayload;
import org.jwebrtc.signaling.kvs.InboundMessage;
import org.jwebrtc.signaling.kvs.SignalingException;

/** ICE candidates between peer connections and KVS signaling payloads. */
final class SignalingCandidates {
    private SignalingCandidates() {}

    /** An empty candidate string stands for end-of-candidates, as browsers send it. */
    static IceCandidatePayload toPayload(Optional<IceCandidateInit> c) {
        return c.map(i -> new IceCandidatePayload(i.candidate(), i.sdpMid(), i.sdpMLineIndex(), Optional.empty()))
                .orElse(new IceCandidatePayload("", Optional.of("0"), Optional.of(0), Optional.empty()));
    }

    static IceCandidateInit fromPayload(InboundMessage m) throws SignalingException {
        IceCandidatePayload p = IceCandidatePayload.parse(m.payloadJson().orElseThrow(
                () -> new SignalingException("ICE_CANDIDATE without payload")));
        return new IceCandidateInit(p.candidate(), p.sdpMid(), p.sdpMLineIndex());
    }
}
