package org.jwebrtc.sdp;

import org.jwebrtc.sdp.internal.Check;

/** {@code a=mid:<identification-tag>} (RFC 5888 §4). */
public record Mid(String id) implements Attribute {
    public Mid {
        Check.word(id, "mid");
    }

    @Override
    public String attributeName() {
        return "mid";
    }

    @Override
    public void appendTo(StringBuilder sb) {
        sb.append("mid:").append(id);
    }
}
