package org.jwebrtc.sdp.jsep;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.jwebrtc.sdp.Direction;
import org.jwebrtc.sdp.Extmap;

/**
 * The outcome for one m-section, read from an answer: {@code answerDirection} is the direction
 * as the answerer wrote it; {@link #direction(boolean)} gives it from either side.
 */
public record NegotiatedMedia(Optional<String> mid, String media, boolean rejected, Direction answerDirection,
                              List<Codec> codecs, List<Extmap> headerExtensions, OptionalInt sctpPort,
                              OptionalLong maxMessageSize) {
    public NegotiatedMedia {
        codecs = List.copyOf(codecs);
        headerExtensions = List.copyOf(headerExtensions);
    }

    /** Direction from the local point of view: the answer's as is, reversed for the offerer. */
    public Direction direction(boolean localIsOfferer) {
        return localIsOfferer ? answerDirection.reverse() : answerDirection;
    }
}
