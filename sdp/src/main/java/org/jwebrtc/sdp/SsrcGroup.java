package org.jwebrtc.sdp;

import java.util.List;
import org.jwebrtc.sdp.internal.Check;

/** {@code a=ssrc-group:<semantics> *(SP ssrc-id)} (RFC 5576 §4.2), e.g. FID (RTX), SIM. */
public record SsrcGroup(String semantics, List<Long> ssrcs) implements Attribute {
    public SsrcGroup {
        Check.word(semantics, "ssrc-group semantics");
        ssrcs = Check.list(ssrcs, "ssrcs");
        for (long s : ssrcs) {
            Check.range(s, 0, 0xFFFF_FFFFL, "ssrc");
        }
    }

    @Override
    public String attributeName() {
        return "ssrc-group";
    }

    @Override
    public void appendTo(StringBuilder sb) {
        sb.append("ssrc-group:").append(semantics);
        for (long s : ssrcs) {
            sb.append(' ').append(s);
        }
    }
}
