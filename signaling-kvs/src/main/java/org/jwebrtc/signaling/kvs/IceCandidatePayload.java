package org.jwebrtc.signaling.kvs;

import java.util.Map;
import org.jwebrtc.signaling.kvs.internal.JsonText;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * The JSON of an RTCIceCandidateInit: {@code {"candidate","sdpMid","sdpMLineIndex","usernameFragment"}}; an
 * empty candidate string means end-of-candidates.
 */
public record IceCandidatePayload(String candidate, Optional<String> sdpMid, Optional<Integer> sdpMLineIndex,
                                  Optional<String> usernameFragment) {
    public IceCandidatePayload {
        Objects.requireNonNull(candidate, "candidate");
    }

    public String toJson() {
        Map<String, Object> f = JsonText.fields();
        f.put("candidate", candidate);
        f.put("sdpMid", sdpMid.orElse(null));
        f.put("sdpMLineIndex", sdpMLineIndex.orElse(null));
        f.put("usernameFragment", usernameFragment.orElse(null));
        return JsonText.write(f);
    }

    public static IceCandidatePayload parse(String json) throws SignalingException {
        Map<String, JsonNode> o = JsonText.object(json, "ice candidate");
        Optional<Integer> index;
        try {
            index = JsonText.string(o, "sdpMLineIndex").map(Integer::parseInt);
        } catch (NumberFormatException e) {
            throw new SignalingException("sdpMLineIndex is not a number");
        }
        return new IceCandidatePayload(JsonText.string(o, "candidate").orElse(""), JsonText.string(o, "sdpMid"),
                index, JsonText.string(o, "usernameFragment"));
    }
}
