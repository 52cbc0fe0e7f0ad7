package org.jwebrtc.signaling.kvs;

import java.util.Map;
import org.jwebrtc.signaling.kvs.internal.JsonText;
import java.util.Objects;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/** The JSON of an RTCSessionDescriptionInit: {@code {"type":"offer|answer","sdp":"..."}}. */
public record SessionDescriptionPayload(String type, String sdp) {
    public SessionDescriptionPayload {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sdp, "sdp");
    }

    public String toJson() {
        Map<String, Object> f = JsonText.fields();
        f.put("type", type);
        f.put("sdp", sdp);
        return JsonText.write(f);
    }

    public static SessionDescriptionPayload parse(String json) throws SignalingException {
        Map<String, JsonNode> o = JsonText.object(json, "session description");
        return new SessionDescriptionPayload(
                JsonText.string(o, "type").orElseThrow(() -> new SignalingException("no type")),
                JsonText.string(o, "sdp").orElseThrow(() -> new SignalingException("no sdp")));
    }
}
