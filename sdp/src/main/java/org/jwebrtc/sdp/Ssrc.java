package org.jwebrtc.sdp;

import java.util.Optional;
import org.jwebrtc.sdp.internal.Check;

/**
 * {@code a=ssrc:<ssrc-id> <attribute>[:<value>]} (RFC 5576 §4.1), e.g. {@code cname:...},
 * {@code msid:<stream> <track>}. The SSRC is unsigned 32-bit, hence {@code long}.
 */
public record Ssrc(long ssrc, String attribute, Optional<String> value) implements Attribute {
    public Ssrc {
        Check.range(ssrc, 0, 0xFFFF_FFFFL, "ssrc");
        Check.word(attribute, "ssrc attribute");
        if (attribute.indexOf(':') >= 0) {
            throw new IllegalArgumentException("ssrc attribute name must not contain ':'");
        }
        if (value == null) {
            throw new IllegalArgumentException("value must not be null");
        }
        value.ifPresent(v -> Check.text(v, "ssrc attribute value"));
    }

    public Ssrc(long ssrc, String attribute, String value) {
        this(ssrc, attribute, Optional.of(value));
    }

    @Override
    public String attributeName() {
        return "ssrc";
    }

    @Override
    public void appendTo(StringBuilder sb) {
        sb.append("ssrc:").append(ssrc).append(' ').append(attribute);
        if (value.isPresent()) {
            sb.append(':').append(value.get());
        }
    }
}
