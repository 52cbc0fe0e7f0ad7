package org.jwebrtc.sdp;

import java.util.Optional;
import org.jwebrtc.sdp.internal.Check;

/**
 * Any attribute without a typed variant (or, in lenient mode, a known one that did not match its
 * grammar). {@link #text()} is the whole line after {@code "a="}, kept verbatim for lossless
 * writing.
 */
public record UnknownAttribute(String text) implements Attribute {
    public UnknownAttribute {
        Check.value(text, "attribute");
    }

    /** Builds {@code name:value}. */
    public static UnknownAttribute of(String name, String value) {
        return new UnknownAttribute(name + ":" + value);
    }

    /** The part before the first {@code ':'} (the whole text for a property attribute). */
    public String name() {
        int colon = text.indexOf(':');
        return colon < 0 ? text : text.substring(0, colon);
    }

    /** The part after the first {@code ':'}; empty for a property attribute. */
    public Optional<String> value() {
        int colon = text.indexOf(':');
        return colon < 0 ? Optional.empty() : Optional.of(text.substring(colon + 1));
    }

    @Override
    public String attributeName() {
        return name();
    }

    @Override
    public String text() {
        return text;
    }

    @Override
    public void appendTo(StringBuilder sb) {
        sb.append(text);
    }
}
