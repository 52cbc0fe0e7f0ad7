package org.jwebrtc.sdp;

import org.jwebrtc.sdp.internal.Check;

/** {@code a=ice-ufrag} (RFC 8839 §5.4). */
public record IceUfrag(String ufrag) implements Attribute {
    public IceUfrag {
        Check.word(ufrag, "ice-ufrag");
    }

    @Override
    public String attributeName() {
        return "ice-ufrag";
    }

    @Override
    public void appendTo(StringBuilder sb) {
        sb.append("ice-ufrag:").append(ufrag);
    }
}
