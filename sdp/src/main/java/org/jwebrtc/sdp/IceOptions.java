package org.jwebrtc.sdp;

import java.util.List;
import org.jwebrtc.sdp.internal.Check;

/** {@code a=ice-options:<tag> *(SP tag)} (RFC 8839 §5.6), e.g. {@code trickle}, {@code ice2}. */
public record IceOptions(List<String> options) implements Attribute {
    public IceOptions {
        options = Check.words(options, "ice-option");
        if (options.isEmpty()) {
            throw new IllegalArgumentException("ice-options needs at least one tag");
        }
    }

    public boolean has(String option) {
        return options.contains(option);
    }

    @Override
    public String attributeName() {
        return "ice-options";
    }

    @Override
    public void appendTo(StringBuilder sb) {
        sb.append("ice-options:");
        for (int i = 0; i < options.size(); i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(options.get(i));
        }
    }
}
