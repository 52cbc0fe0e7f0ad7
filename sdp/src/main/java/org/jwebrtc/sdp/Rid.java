package org.jwebrtc.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jwebrtc.sdp.internal.Check;

/**
 * {@code a=rid:<rid-id> SP <send|recv> [SP <params>]} (RFC 8851 §10). The parameter list
 * ({@code pt=96,97;max-width=1280}) is kept as text; {@link #payloadTypes()} reads {@code pt=}.
 */
public record Rid(String id, RidDirection direction, Optional<String> parameters) implements Attribute {
    public Rid {
        Check.word(id, "rid-id");
        for (int i = 0; i < id.length(); i++) {   // rid-id = 1*(alpha-numeric / "-" / "_")
            char c = id.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128) && c != '-' && c != '_') {
                throw new IllegalArgumentException("rid-id must be alphanumeric, '-' or '_': " + id);
            }
        }
        if (direction == null || parameters == null) {
            throw new IllegalArgumentException("direction/parameters must not be null");
        }
        parameters.ifPresent(p -> Check.word(p, "rid parameters"));
    }

    public Rid(String id, RidDirection direction) {
        this(id, direction, Optional.empty());
    }

    /** Payload types of the {@code pt=} restriction; empty when absent (= all formats). */
    public List<Integer> payloadTypes() {
        List<Integer> pts = new ArrayList<>();
        if (parameters.isEmpty()) {
            return pts;
        }
        for (String p : parameters.get().split(";")) {
            if (p.startsWith("pt=")) {
                for (String v : p.substring(3).split(",")) {
                    try {
                        pts.add(Integer.parseInt(v));
                    } catch (NumberFormatException ignored) {
                        // not a payload type: no restriction we can express
                    }
                }
            }
        }
        return pts;
    }

    @Override
    public String attributeName() {
        return "rid";
    }

    @Override
    public void appendTo(StringBuilder sb) {
        sb.append("rid:").append(id).append(' ').append(direction.token());
        if (parameters.isPresent()) {
            sb.append(' ').append(parameters.get());
        }
    }
}
