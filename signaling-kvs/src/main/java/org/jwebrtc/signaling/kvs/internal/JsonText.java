package org.jwebrtc.signaling.kvs.internal;

import org.jwebrtc.signaling.kvs.SignalingException;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonWriter;

/** JSON through the AWS SDK's own json-utils (already on the class path), so the module adds no JSON library. */
public final class JsonText {
    private JsonText() {}

    public static Map<String, JsonNode> object(String text, String what) throws SignalingException {
        JsonNode node;
        try {
            node = JsonNode.parser().parse(text);
        } catch (RuntimeException e) {
            throw new SignalingException(what + " is not JSON: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {   // the SDK's parser returns null for empty input
            throw new SignalingException(what + " is not a JSON object");
        }
        return node.asObject();
    }

    /**
     * A string field matched case-insensitively (the C SDK sends PascalCase keys); empty strings count as absent
     * (PROTOCOL.md §4).
     */
    public static Optional<String> string(Map<String, JsonNode> obj, String key) throws SignalingException {
        for (Map.Entry<String, JsonNode> e : obj.entrySet()) {
            if (e.getKey().toLowerCase(Locale.ROOT).equals(key.toLowerCase(Locale.ROOT))) {
                JsonNode v = e.getValue();
                if (v.isNull()) {
                    return Optional.empty();
                }
                if (!v.isString() && !v.isNumber()) {
                    throw new SignalingException("field " + key + " is not a string");
                }
                String s = v.isString() ? v.asString() : v.asNumber();
                return s.isEmpty() ? Optional.empty() : Optional.of(s);
            }
        }
        return Optional.empty();
    }

    public static Optional<Map<String, JsonNode>> child(Map<String, JsonNode> obj, String key) {
        for (Map.Entry<String, JsonNode> e : obj.entrySet()) {
            if (e.getKey().equalsIgnoreCase(key) && e.getValue().isObject()) {
                return Optional.of(e.getValue().asObject());
            }
        }
        return Optional.empty();
    }

    /** Writes a flat object of string, number and boolean values, skipping nulls, in insertion order. */
    public static String write(Map<String, ?> fields) {
        try (JsonWriter w = JsonWriter.create()) {
            writeObject(w, fields);
            return new String(w.getBytes(), StandardCharsets.UTF_8);
        }
    }

    @SuppressWarnings("unchecked")
    private static void writeObject(JsonWriter w, Map<String, ?> fields) {
        w.writeStartObject();
        for (Map.Entry<String, ?> e : fields.entrySet()) {
            Object v = e.getValue();
            if (v == null) {
                continue;
            }
            w.writeFieldName(e.getKey());
            writeValue(w, v);
        }
        w.writeEndObject();
    }

    @SuppressWarnings("unchecked")
    private static void writeValue(JsonWriter w, Object v) {
        if (v instanceof String s) {
            w.writeValue(s);
        } else if (v instanceof Integer i) {
            w.writeValue(i.intValue());
        } else if (v instanceof Long l) {
            w.writeValue(l.longValue());
        } else if (v instanceof Boolean b) {
            w.writeValue(b.booleanValue());
        } else if (v instanceof RawNumber n) {
            w.writeNumber(n.text());
        } else if (v instanceof Map<?, ?> m) {
            writeObject(w, (Map<String, ?>) m);
        } else if (v instanceof Iterable<?> it) {
            w.writeStartArray();
            for (Object o : it) {
                writeValue(w, o);
            }
            w.writeEndArray();
        } else {
            throw new IllegalArgumentException("cannot write " + v.getClass());
        }
    }

    /** A number written exactly as given (e.g. epoch seconds with a fraction). */
    public interface RawNumber {
        String text();
    }

    public static Map<String, Object> fields() {
        return new LinkedHashMap<>();
    }
}
