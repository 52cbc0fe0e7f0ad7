package org.jwebrtc.sdp;

import java.util.List;
import org.jwebrtc.sdp.internal.Check;

/** {@code a=group:<semantics> *(SP mid)} (RFC 5888 §5), e.g. BUNDLE (RFC 8843), LS, FID, DUP. */
public record Group(String semantics, List<String> mids) implements Attribute {
    public static final String BUNDLE = "BUNDLE";
    public static final String LS = "LS";

    public Group {
        Check.word(semantics, "group semantics");
        mids = Check.words(mids, "group mid");
    }

    public boolean isBundle() {
        return BUNDLE.equals(semantics);
    }

    @Override
    public String attributeName() {
        return "group";
    }

    @Override
    public void appendTo(StringBuilder sb) {
        sb.append("group:").append(semantics);
        for (String m : mids) {
            sb.append(' ').append(m);
        }
    }
}
