package org.jwebrtc.sdp.jsep;

import java.util.List;
import java.util.Optional;
import org.jwebrtc.sdp.Attribute;
import org.jwebrtc.sdp.Direction;
import org.jwebrtc.sdp.Extmap;
import org.jwebrtc.sdp.Mid;
import org.jwebrtc.sdp.Msid;

/**
 * What the local side wants for one RTP m-section of an offer (RFC 8829 §5.2.1): kind, mid,
 * direction, codecs in preference order, header extensions, optional msid, and extra attributes
 * written after the codecs (e.g. {@code a=ssrc} / {@code a=ssrc-group} / {@code a=rid} lines).
 */
public record TransceiverSpec(MediaKind kind, String mid, Direction direction, List<Codec> codecs,
                              List<Extmap> headerExtensions, Optional<Msid> msid, List<Attribute> extraAttributes) {
    public TransceiverSpec {
        if (kind == null || direction == null || msid == null) {
            throw new IllegalArgumentException("kind, direction and msid must not be null");
        }
        new Mid(mid);
        codecs = List.copyOf(codecs);
        if (codecs.isEmpty()) {
            throw new IllegalArgumentException("a transceiver needs at least one codec");
        }
        headerExtensions = List.copyOf(headerExtensions);
        extraAttributes = List.copyOf(extraAttributes);
    }

    public TransceiverSpec(MediaKind kind, String mid, Direction direction, List<Codec> codecs) {
        this(kind, mid, direction, codecs, List.of(), Optional.empty(), List.of());
    }
}
