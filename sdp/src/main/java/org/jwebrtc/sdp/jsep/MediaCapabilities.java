package org.jwebrtc.sdp.jsep;

import java.util.List;
import org.jwebrtc.sdp.Extmap;

/** What the answerer supports for one media kind: codecs in preference order, header extensions. */
public record MediaCapabilities(List<Codec> codecs, List<Extmap> headerExtensions) {
    public MediaCapabilities {
        codecs = List.copyOf(codecs);
        headerExtensions = List.copyOf(headerExtensions);
    }
}
