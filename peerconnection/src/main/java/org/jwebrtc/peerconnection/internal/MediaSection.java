package org.jwebrtc.peerconnection.internal;

import java.util.List;
import java.util.Map;
import org.jwebrtc.sdp.Extmap;
import org.jwebrtc.sdp.jsep.Codec;
import org.jwebrtc.sdp.jsep.MediaKind;

/**
 * What offer/answer settled for one RTP m-section, from the local point of view: codecs with the payload types
 * of the offer (RFC 8829 §5.3.1), header-extension ids, whether we send and receive, our SSRC and the SSRCs the
 * peer announced (RFC 5576; may be empty: then the mid extension or the payload type routes, RFC 8843 §9.2);
 * our RTX SSRC (-1: none) and the peer's RTX SSRCs mapped to the media SSRC they repair ({@code a=ssrc-group:FID},
 * RFC 5576 §4.2, RFC 4588 §8.3).
 */
public record MediaSection(String mid, MediaKind kind, List<Codec> codecs, List<Extmap> extensions, boolean send,
                           boolean receive, long localSsrc, List<Long> remoteSsrcs, long localRtxSsrc,
                           Map<Long, Long> remoteRtxSsrcs) {
    public MediaSection {
        codecs = List.copyOf(codecs);
        extensions = List.copyOf(extensions);
        remoteSsrcs = List.copyOf(remoteSsrcs);
        remoteRtxSsrcs = Map.copyOf(remoteRtxSsrcs);
    }

    /** Without RTX SSRCs. */
    public MediaSection(String mid, MediaKind kind, List<Codec> codecs, List<Extmap> extensions, boolean send,
                        boolean receive, long localSsrc, List<Long> remoteSsrcs) {
        this(mid, kind, codecs, extensions, send, receive, localSsrc, remoteSsrcs, -1, Map.of());
    }

    /** Whether an RTX format was negotiated: then retransmissions go on {@link #localRtxSsrc()} (RFC 4588). */
    public boolean rtx() {
        return localRtxSsrc >= 0 && !MediaCodecs.rtxPayloadTypes(codecs).isEmpty();
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
