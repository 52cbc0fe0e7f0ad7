package org.jwebrtc.signaling.kvs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Round trips of the signaling frames and their payload JSON; hostile text gives SignalingException only. */
class FrameProperties {
    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.strings().withChars("abcXYZ019_.-").ofMinLength(1).ofMaxLength(64);
    }

    @Property
    void outboundFramesRoundTrip(@ForAll("sendable") MessageType action, @ForAll("payloads") String payload,
                                 @ForAll("ids") String recipient, @ForAll("ids") String correlation,
                                 @ForAll boolean withRecipient, @ForAll boolean withCorrelation) throws Exception {
        OutboundFrame f = new OutboundFrame(action, payload, withRecipient ? Optional.of(recipient) : Optional.empty(),
                withCorrelation ? Optional.of(correlation) : Optional.empty());
        OutboundFrame back = OutboundFrame.parse(f.toJson());
        assertThat(back.action()).isEqualTo(f.action());
        assertThat(back.recipientClientId()).isEqualTo(f.recipientClientId());
        assertThat(back.correlationId()).isEqualTo(f.correlationId());
        // payloads go through UTF-8: lone surrogates cannot survive, everything else must
        if (payload.codePoints().noneMatch(c -> Character.getType(c) == Character.SURROGATE)) {
            assertThat(back.payloadJson()).isEqualTo(payload);
        }
    }

    /** KVS frames always carry a payload: an empty messagePayload is refused as missing. */
    @Provide
    Arbitrary<String> payloads() {
        return Arbitraries.strings().ofMinLength(1).ofMaxLength(200);
    }

    @Provide
    Arbitrary<MessageType> sendable() {
        return Arbitraries.of(MessageType.SDP_OFFER, MessageType.SDP_ANSWER, MessageType.ICE_CANDIDATE);
    }

    @Property
    void inboundMessagesRoundTrip(@ForAll MessageType type, @ForAll("ids") String sender, @ForAll boolean withSender,
                                  @ForAll("ids") String payload, @ForAll int status) throws Exception {
        Optional<StatusResponse> st = type == MessageType.STATUS_RESPONSE
                ? Optional.of(new StatusResponse(Optional.of(payload), Optional.of("InvalidArgumentException"),
                        Math.floorMod(status, 600), Optional.of("d")))
                : Optional.empty();
        InboundMessage m = new InboundMessage(type, withSender ? Optional.of(sender) : Optional.empty(),
                st.isPresent() ? Optional.empty() : Optional.of(payload), st);
        assertThat(InboundMessage.parse(m.toJson())).isEqualTo(m);
    }

    @Property
    void sessionDescriptionsAndCandidatesRoundTrip(@ForAll("ids") String sdp, @ForAll("ids") String cand,
                                                   @ForAll int index) throws Exception {
        SessionDescriptionPayload d = new SessionDescriptionPayload("offer", "v=0\r\n" + sdp + "\r\n");
        assertThat(SessionDescriptionPayload.parse(d.toJson())).isEqualTo(d);
        IceCandidatePayload c = new IceCandidatePayload("candidate:" + cand, Optional.of("0"),
                Optional.of(Math.floorMod(index, 100)), Optional.empty());
        assertThat(IceCandidatePayload.parse(c.toJson())).isEqualTo(c);
    }

    @Property
    void anyTextGivesAFrameOrSignalingException(@ForAll String text) {
        for (ThrowingParse p : new ThrowingParse[] {OutboundFrame::parse, InboundMessage::parse,
                SessionDescriptionPayload::parse, IceCandidatePayload::parse}) {
            try {
                p.parse(text);
            } catch (SignalingException expected) {
                // the one allowed failure
            }
        }
    }

    @Property
    void mutatedFramesGiveAFrameOrSignalingException(@ForAll("ids") String payload, @ForAll int cut,
                                                     @ForAll char junk) {
        String json = new OutboundFrame(MessageType.SDP_OFFER, payload, Optional.of("v"), Optional.empty()).toJson();
        int at = Math.floorMod(cut, json.length());
        for (String bad : new String[] {json.substring(0, at), json.substring(0, at) + junk + json.substring(at)}) {
            try {
                OutboundFrame.parse(bad);
                InboundMessage.parse(bad);
            } catch (SignalingException expected) {
                // fine
            }
        }
    }

    interface ThrowingParse {
        Object parse(String s) throws SignalingException;
    }
}
