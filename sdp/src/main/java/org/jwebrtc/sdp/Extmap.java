package org.jwebrtc.sdp;

import java.util.Optional;
import org.jwebrtc.sdp.internal.Check;

/**
 * {@code a=extmap:<id>[/<direction>] <URI> [<extension attributes>]} (RFC 8285 §8). Ids 1-14
 * fit the one-byte header, 1-255 the two-byte header.
 */
public record Extmap(int id, Optional<Direction> direction, String uri, Optional<String> extensionAttributes)
        implements Attribute {
    public Extmap {
        Check.range(id, 1, 255, "extmap id");
        if (direction == null || extensionAttributes == null) {
            throw new IllegalArgumentException("optional components must not be null");
        }
        Check.word(uri, "extmap URI");
        extensionAttributes.ifPresent(a -> Check.value(a, "extension attributes"));
    }

    public Extmap(int id, String uri) {
        this(id, Optional.empty(), uri, Optional.empty());
    }

    @Override
    public String attributeName() {
        return "extmap";
    }

    @Override
    public void appendTo(StringBuilder sb) {
        sb.append("extmap:").append(id);
        if (direction.isPresent()) {
            sb.append('/').append(direction.get().token());
        }
        sb.append(' ').append(uri);
        if (extensionAttributes.isPresent()) {
            sb.append(' ').append(extensionAttributes.get());
        }
    }
}
