package org.jwebrtc.sdp;

import org.jwebrtc.sdp.internal.Check;

/** {@code a=sctp-port:<port>} (RFC 8841 §5): the SCTP port inside DTLS, usually 5000. */
public record SctpPort(int port) implements Attribute {
    public SctpPort {
        Check.range(port, 0, 65535, "sctp-port");
    }

    @Override
    public String attributeName() {
        return "sctp-port";
    }

    @Override
    public void appendTo(StringBuilder sb) {
        sb.append("sctp-port:").append(port);
    }
}
