package org.jwebrtc.peerconnection;

import java.util.List;
import java.util.Optional;
import org.jwebrtc.peerconnection.internal.MediaCodecs;
import org.jwebrtc.sdp.jsep.Codec;

/**
 * RTCRtpSender (W3C webrtc §5.2) for encoded frames: the application hands whole frames (H.264 Annex-B access
 * units, VP8 frames, Opus packets, G.711 samples) with a capture time; they are packetized (rtp module), given the
 * negotiated header extensions, protected with SRTP and sent on the connection's loop. Thread-safe.
 */
public final class RtpSender {
    private final PeerConnection owner;
    private final RtpTransceiver transceiver;
    private final long ssrc;
    private final String streamId;
    private final String trackId;
    private volatile String codecName;
    private volatile List<Codec> negotiated = List.of();
    private volatile SenderListener listener = () -> { };

    RtpSender(PeerConnection owner, RtpTransceiver transceiver, long ssrc, String streamId, String trackId) {
        this.owner = owner;
        this.transceiver = transceiver;
        this.ssrc = ssrc;
        this.streamId = streamId;
        this.trackId = trackId;
    }

    /**
     * Queues one encoded frame; {@code timestampMicros} is its capture time (any origin, increasing), turned into
     * the RTP timestamp with the codec's clock rate. The array is handed over: do not modify it afterwards.
     * Returns false when the command queue is full or the connection is closed (back-pressure); frames sent before
     * the SRTP keys exist or on a transceiver not negotiated to send are counted and dropped.
     */
    public boolean sendFrame(byte[] frame, long timestampMicros) {
        return owner.submitFrame(transceiver, codecName, frame, timestampMicros);
    }

    /** Chooses among the negotiated codecs by encoding name (default: the first negotiated one). */
    public void useCodec(String encodingName) {
        this.codecName = encodingName;
    }

    /** The codec frames are sent with now, once negotiated. */
    public Optional<Codec> codec() {
        for (Codec c : negotiated) {
            if (!c.isRtx() && (codecName == null || c.name().equalsIgnoreCase(codecName))) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** All codecs negotiated for this m-section (payload types as in the offer). */
    public List<Codec> negotiatedCodecs() {
        return negotiated;
    }

    void negotiated(List<Codec> codecs) {
        this.negotiated = List.copyOf(codecs);
    }

    public long ssrc() {
        return ssrc;
    }

    /** The SSRC of this sender's retransmission stream (RFC 4588), announced when RTX is offered. */
    public long rtxSsrc() {
        return MediaCodecs.rtxSsrc(ssrc);
    }

    public String streamId() {
        return streamId;
    }

    public String trackId() {
        return trackId;
    }

    public RtpTransceiver transceiver() {
        return transceiver;
    }

    public void setListener(SenderListener l) {
        this.listener = java.util.Objects.requireNonNull(l);
    }

    SenderListener listener() {
        return listener;
    }
}
