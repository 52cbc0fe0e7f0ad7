package org.jwebrtc.sdp;

import java.util.Optional;
import org.jwebrtc.sdp.internal.Check;

/** {@code a=msid:<stream id> [<track id>]} (RFC 8830 §2); stream {@code "-"} means none. */
public record Msid(String streamId, Optional<String> trackId) implements Attribute {
    public Msid {
        Check.word(streamId, "msid stream id");
        if (trackId == null) {
            throw new IllegalArgumentException("trackId must not be null");
        }
        trackId.ifPresent(t -> Check.word(t, "msid track id"));
    }

    public Msid(String streamId, String trackId) {
        this(streamId, Optional.of(trackId));
    }

    @Override
    public String attributeName() {
        return "msid";
    }

    @Override
    public void appendTo(StringBuilder sb) {
        sb.append("msid:").append(streamId);
        if (trackId.isPresent()) {
            sb.append(' ').append(trackId.get());
        }
    }
}
