package org.jwebrtc.sdp;

import java.util.List;
import org.jwebrtc.sdp.internal.Check;

/**
 * {@code t=<start-time> <stop-time>} (RFC 8866 §5.9) with its {@code r=} repeat lines (§5.10,
 * kept as text). WebRTC always uses {@code t=0 0}.
 */
public record Timing(long start, long stop, List<String> repeats) {
    public static final Timing UNBOUNDED = new Timing(0, 0, List.of());

    public Timing {
        Check.range(start, 0, Long.MAX_VALUE, "start-time");
        Check.range(stop, 0, Long.MAX_VALUE, "stop-time");
        repeats = Check.list(repeats, "repeats");
        for (String r : repeats) {
            Check.text(r, "repeat");
        }
    }
}
