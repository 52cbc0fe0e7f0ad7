package org.jwebrtc.signaling.kvs;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.jwebrtc.signaling.kvs.internal.JsonText;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * A frame a client sends (PROTOCOL.md §4): {@code {"action", "messagePayload", "recipientClientId",
 * "correlationId"}}, the payload being standard base64 of the UTF-8 JSON text of the W3C object.
 */
public record OutboundFrame(MessageType action, String payloadJson, Optional<String> recipientClientId,
                            Optional<String> correlationId) {
    public OutboundFrame {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(payloadJson, "payloadJson");
        Objects.requireNonNull(recipientClientId, "recipientClientId");
        Objects.requireNonNull(correlationId, "correlationId");
        if (!action.sendable()) {
            throw new IllegalArgumentException(action + " cannot be sent by a client");
        }
    }

    public String toJson() {
        Map<String, Object> f = JsonText.fields();
        f.put("action", action.name());
        f.put("messagePayload", Base64.getEncoder().encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8)));
        f.put("recipientClientId", recipientClientId.orElse(null));
        f.put("correlationId", correlationId.orElse(null));
        return JsonText.write(f);
    }

    /** Parses what a client sent, as a server must: keys in any case, empty strings absent, extra keys ignored. */
    public static OutboundFrame parse(String text) throws SignalingException {
        Map<String, JsonNode> obj = JsonText.object(text, "frame");
        String actionText = JsonText.string(obj, "action")
                .orElseThrow(() -> new SignalingException("frame has no action"));
        MessageType action = MessageType.of(actionText);
        if (!action.sendable()) {
            throw new SignalingException("frame action " + actionText + " is not one a client may send");
        }
        String b64 = JsonText.string(obj, "messagePayload")
                .orElseThrow(() -> new SignalingException("frame has no messagePayload"));
        String payload;
        try {
            payload = new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new SignalingException("messagePayload is not base64: " + e.getMessage());
        }
        return new OutboundFrame(action, payload, JsonText.string(obj, "recipientClientId"),
                JsonText.string(obj, "correlationId"));
    }
}
