package org.jwebrtc.fuzz.kvs;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.jwebrtc.fuzz.Contract;
import org.jwebrtc.signaling.kvs.OutboundFrame;
import org.jwebrtc.signaling.kvs.SignalingException;

/**
 * A client's WebSocket frame as LocalKvsServer reads it (action, base64 messagePayload, recipient,
 * correlation id; either key casing): SignalingException or a frame that reads back from its JSON.
 */
class OutboundFrameFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void parse(byte[] input) {
        OutboundFrame f;
        try {
            f = OutboundFrame.parse(new String(input, StandardCharsets.UTF_8));
        } catch (SignalingException expected) {
            return;
        }
        try {
            Contract.sameAfterRoundTrip(f, OutboundFrame.parse(f.toJson()), "outbound frame");
        } catch (SignalingException e) {
            throw Contract.unreadableOwnOutput("OutboundFrame.toJson", e);
        }
        Payloads.exercise(f.payloadJson());
    }
}
