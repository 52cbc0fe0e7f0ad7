package org.jwebrtc.sdp.jsep;

import java.util.Optional;

/** The RTP media types a transceiver carries ({@code m=audio}, {@code m=video}). */
public enum MediaKind {
    AUDIO("audio"), VIDEO("video");

    private final String token;

    MediaKind(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    public static Optional<MediaKind> fromMedia(String media) {
        for (MediaKind k : values()) {
            if (k.token.equals(media)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
