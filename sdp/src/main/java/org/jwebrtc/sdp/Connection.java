package org.jwebrtc.sdp;

import org.jwebrtc.sdp.internal.Check;

/**
 * {@code c=<nettype> <addrtype> <connection-address>} (RFC 8866 §5.7). The address is kept as
 * written (it may carry {@code /ttl/count} for multicast, or be an FQDN).
 */
public record Connection(String netType, String addrType, String address) {
    public static final Connection IP4_ANY = new Connection("IN", "IP4", "0.0.0.0");

    public Connection {
        Check.word(netType, "nettype");
        Check.word(addrType, "addrtype");
        Check.word(address, "connection-address");
    }

    void appendTo(StringBuilder sb) {
        sb.append(netType).append(' ').append(addrType).append(' ').append(address);
    }
}
