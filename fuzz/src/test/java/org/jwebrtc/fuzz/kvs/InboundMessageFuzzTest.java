package org.jwebrtc.fuzz.kvs;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.jwebrtc.fuzz.Contract;
import org.jwebrtc.signaling.kvs.InboundMessage;
import org.jwebrtc.signaling.kvs.SignalingException;

/**
 * A WebSocket text frame from the KVS signaling service (PROTOCOL.md "inbound"): SignalingException
 * or a message that reads back from its JSON; its base64 payload then goes through the SDP and
 * candidate payload parsers the session uses.
 */
class InboundMessageFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void parse(byte[] input) {
        InboundMessage m;
        try {
            m = InboundMessage.parse(new String(input, StandardCharsets.UTF_8));
        } catch (SignalingException expected) {
            return;
        }
        try {
            Contract.sameAfterRoundTrip(m, InboundMessage.parse(m.toJson()), "inbound message");
        } catch (SignalingException e) {
            throw Contract.unreadableOwnOutput("InboundMessage.toJson", e);
        }
        m.payloadJson().ifPresent(Payloads::exercise);
    }
}
