package org.jwebrtc.sdp.jsep;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jwebrtc.sdp.Attribute;
import org.jwebrtc.sdp.Direction;
import org.jwebrtc.sdp.Origin;
import org.jwebrtc.sdp.Setup;

/**
 * Input of {@link Jsep#createAnswer}: the answerer's origin and transport, its DTLS role when the
 * offer says actpass (RFC 8842 §5.3: ACTIVE recommended), capabilities per kind, the direction it
 * wants per mid (missing = sendrecv), extra attributes per mid (msid/ssrc lines), and whether it
 * accepts a data channel (with its own sctp-port and max-message-size).
 */
public record AnswerOptions(Origin origin, TransportParameters transport, Setup setupWhenOfferedActpass,
                            Map<MediaKind, MediaCapabilities> capabilities, Map<String, Direction> directions,
                            Map<String, List<Attribute>> extraAttributes, Optional<DataChannelSpec> dataChannel) {
    public AnswerOptions {
        if (origin == null || transport == null || dataChannel == null) {
            throw new IllegalArgumentException("origin, transport and dataChannel must not be null");
        }
        if (setupWhenOfferedActpass != Setup.ACTIVE && setupWhenOfferedActpass != Setup.PASSIVE) {
            throw new IllegalArgumentException("an answer's setup is active or passive (RFC 8842 §5.3)");
        }
        capabilities = Map.copyOf(capabilities);
        directions = Map.copyOf(directions);
        extraAttributes = Map.copyOf(extraAttributes);
    }

    public AnswerOptions(Origin origin, TransportParameters transport, Map<MediaKind, MediaCapabilities> capabilities,
                         Optional<DataChannelSpec> dataChannel) {
        this(origin, transport, Setup.ACTIVE, capabilities, Map.of(), Map.of(), dataChannel);
    }
}
