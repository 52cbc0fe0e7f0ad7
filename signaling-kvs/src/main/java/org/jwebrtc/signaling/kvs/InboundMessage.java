package org.jwebrtc.signaling.kvs;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.jwebrtc.signaling.kvs.internal.JsonText;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * A frame the service delivers (PROTOCOL.md §5). {@code payloadJson} is the decoded JSON text of the W3C
 * object (absent for GO_AWAY, RECONNECT_ICE_SERVER and STATUS_RESPONSE).
 */
public record InboundMessage(MessageType type, Optional<String> senderClientId, Optional<String> payloadJson,
                             Optional<StatusResponse> statusResponse) {
    public InboundMessage {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(senderClientId, "senderClientId");
        Objects.requireNonNull(payloadJson, "payloadJson");
        Objects.requireNonNull(statusResponse, "statusResponse");
    }

    public static InboundMessage parse(String text) throws SignalingException {
        Map<String, JsonNode> obj = JsonText.object(text, "message");
        MessageType type = MessageType.of(JsonText.string(obj, "messageType")
                .orElseThrow(() -> new SignalingException("message has no messageType")));
        Optional<String> payload = Optional.empty();
        Optional<String> b64 = JsonText.string(obj, "messagePayload");
        if (b64.isPresent()) {
            try {
                payload = Optional.of(new String(Base64.getDecoder().decode(b64.get()), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new SignalingException("messagePayload is not base64: " + e.getMessage());
            }
        }
        Optional<StatusResponse> status = Optional.empty();
        Optional<Map<String, JsonNode>> s = JsonText.child(obj, "statusResponse");
        if (s.isPresent()) {
            int code;
            try {
                code = Integer.parseInt(JsonText.string(s.get(), "statusCode").orElse("0"));
            } catch (NumberFormatException e) {
                throw new SignalingException("statusCode is not a number");
            }
            status = Optional.of(new StatusResponse(JsonText.string(s.get(), "correlationId"),
                    JsonText.string(s.get(), "errorType"), code, JsonText.string(s.get(), "description")));
        }
        return new InboundMessage(type, JsonText.string(obj, "senderClientId"), payload, status);
    }

    public String toJson() {
        Map<String, Object> f = JsonText.fields();
        f.put("senderClientId", senderClientId.orElse(null));
        f.put("messageType", type.name());
        f.put("messagePayload", payloadJson.map(p -> Base64.getEncoder()
                .encodeToString(p.getBytes(StandardCharsets.UTF_8))).orElse(null));
        statusResponse.ifPresent(st -> {
            Map<String, Object> sf = JsonText.fields();
            sf.put("correlationId", st.correlationId().orElse(null));
            sf.put("errorType", st.errorType().orElse(null));
            sf.put("statusCode", Integer.toString(st.statusCode()));
            sf.put("description", st.description().orElse(null));
            f.put("statusResponse", sf);
        });
        return JsonText.write(f);
    }
}
