package org.jwebrtc.peerconnection;

import java.util.Objects;

/** RTCSessionDescriptionInit: {@code type} is "offer" or "answer", {@code sdp} the text. */
public record SessionDescriptionInit(String type, String sdp) {
    public SessionDescriptionInit {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sdp, "sdp");
        if (!type.equals("offer") && !type.equals("answer")) {
            throw new IllegalArgumentException("type must be offer or answer, not " + type);
        }
    }
}
