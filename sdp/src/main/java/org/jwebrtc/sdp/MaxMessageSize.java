package org.jwebrtc.sdp;

import org.jwebrtc.sdp.internal.Check;

/** {@code a=max-message-size:<bytes>} (RFC 8841 §6); 0 means no limit, absent means 64 KiB. */
public record MaxMessageSize(long size) implements Attribute {
    public MaxMessageSize {
        Check.range(size, 0, Long.MAX_VALUE, "max-message-size");
    }

    @Override
    public String attributeName() {
        return "max-message-size";
    }

    @Override
    public void appendTo(StringBuilder sb) {
        sb.append("max-message-size:").append(size);
    }
}
