package org.jwebrtc.sdp;

import java.util.Optional;

/** {@code a=rtcp:<port> [<nettype> <addrtype> <address>]} (RFC 3605 §2.1). */
public record Rtcp(int port, Optional<Connection> address) implements Attribute {
    public Rtcp {
        org.jwebrtc.sdp.internal.Check.range(port, 0, 65535, "rtcp port");
        if (address == null) {
            throw new IllegalArgumentException("address must not be null");
        }
    }

    @Override
    public String attributeName() {
        return "rtcp";
    }

    @Override
    public void appendTo(StringBuilder sb) {
        sb.append("rtcp:").append(port);
        if (address.isPresent()) {
            sb.append(' ');
            address.get().appendTo(sb);
        }
    }
}
