package org.jwebrtc.peerconnection.internal;

import java.util.List;
import org.jwebrtc.sdp.Extmap;
import org.jwebrtc.sdp.jsep.Codec;
import org.jwebrtc.sdp.jsep.MediaKind;

/**
 * What offer/answer settled for one RTP m-section, from the local point of view: codecs with the payload types
 * of the offer (RFC 8829 §5.3.1), header-extension ids, whether we send and receive, our SSRC and the SSRCs the
 * peer announced (RFC 5576; may be empty: then the mid extension or the payload type routes, RFC 8843 §9.2).
 */
public record MediaSection(String mid, MediaKind kind, List<Codec> codecs, List<Extmap> extensions, boolean send,
                           boolean receive, long localSsrc, List<Long> remoteSsrcs) {
    public MediaSection {
        codecs = List.copyOf(codecs);
        extensions = List.copyOf(extensions);
        remoteSsrcs = List.copyOf(remoteSsrcs);
    }

    public Codec codec(int payloadType) {
        for (Codec c : codecs) {
            if (c.payloadType() == payloadType) {
                return c;
            }
        }
        return null;
    }

    public boolean hasFeedback(Codec c, String entry) {
        return c.feedback().contains(entry);
    }
}
