package org.jwebrtc.sdp;

import org.jwebrtc.sdp.internal.Check;

/**
 * {@code o=<username> <sess-id> <sess-version> <nettype> <addrtype> <unicast-address>}
 * (RFC 8866 §5.2). The session id stays text (only compared); the version is a number because
 * JSEP increments it for every new offer/answer (RFC 8829 §5.2.2).
 */
public record Origin(String username, String sessionId, long sessionVersion, String netType,
                     String addrType, String address) {
    public Origin {
        Check.word(username, "origin username");
        Check.word(sessionId, "sess-id");
        Check.range(sessionVersion, 0, Long.MAX_VALUE, "sess-version");
        Check.word(netType, "nettype");
        Check.word(addrType, "addrtype");
        Check.word(address, "unicast-address");
    }

    public Origin withSessionVersion(long version) {
        return new Origin(username, sessionId, version, netType, addrType, address);
    }
}
