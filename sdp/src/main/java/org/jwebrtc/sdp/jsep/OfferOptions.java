package org.jwebrtc.sdp.jsep;

import java.util.List;
import java.util.Optional;
import org.jwebrtc.sdp.Origin;

/**
 * Input of {@link Jsep#createOffer}: origin (session id and version, RFC 8829 §5.2.1), transport
 * parameters, transceivers in m-section order, an optional data channel section (placed last),
 * and whether to offer one BUNDLE group of all mids (RFC 8843; the first mid is the tag).
 */
public record OfferOptions(Origin origin, TransportParameters transport, List<TransceiverSpec> transceivers,
                           Optional<DataChannelSpec> dataChannel, boolean bundle) {
    public OfferOptions {
        if (origin == null || transport == null || dataChannel == null) {
            throw new IllegalArgumentException("origin, transport and dataChannel must not be null");
        }
        transceivers = List.copyOf(transceivers);
        long distinct = java.util.stream.Stream.concat(transceivers.stream().map(TransceiverSpec::mid),
                dataChannel.stream().map(DataChannelSpec::mid)).distinct().count();
        if (distinct != transceivers.size() + (dataChannel.isPresent() ? 1 : 0)) {
            throw new IllegalArgumentException("mids must be unique (RFC 5888 §4)");
        }
    }
}
