package org.jwebrtc.sdp;

import org.jwebrtc.sdp.internal.Check;

/** {@code b=<bwtype>:<bandwidth>} (RFC 8866 §5.8), e.g. AS (kbit/s), CT, TIAS (RFC 3890, bit/s). */
public record Bandwidth(String type, long bandwidth) {
    public Bandwidth {
        Check.word(type, "bwtype");
        if (type.indexOf(':') >= 0) {
            throw new IllegalArgumentException("bwtype must not contain ':'");
        }
        Check.range(bandwidth, 0, Long.MAX_VALUE, "bandwidth");
    }
}
