package org.jwebrtc.peerconnection;

import java.util.List;
import java.util.Optional;
import org.jwebrtc.sdp.Direction;
import org.jwebrtc.sdp.jsep.MediaKind;

/**
 * RTCRtpTransceiver (W3C webrtc §5.4): one RTP m-section of the BUNDLE with its sender and receiver. The mid is
 * assigned when an offer is created or a remote offer applied; {@link #setDirection} and
 * {@link #setCodecPreferences} take effect at the next offer/answer. Thread-safe.
 */
public final class RtpTransceiver {
    private final MediaKind kind;
    private final RtpSender sender;
    private final RtpReceiver receiver;
    private volatile String mid;
    private volatile Direction direction;
    private volatile Direction currentDirection;
    private volatile List<String> codecPreferences = List.of();
    volatile boolean trackFired;
    volatile boolean sendRequested;

    RtpTransceiver(PeerConnection owner, MediaKind kind, Direction direction, long ssrc, String streamId,
                   String trackId) {
        this.kind = kind;
        this.direction = direction;
        this.sender = new RtpSender(owner, this, ssrc, streamId, trackId);
        this.receiver = new RtpReceiver(owner, this);
    }

    public MediaKind kind() {
        return kind;
    }

    public Optional<String> mid() {
        return Optional.ofNullable(mid);
    }

    void mid(String m) {
        this.mid = m;
    }

    /** The direction the application wants (W3C "direction"). */
    public Direction direction() {
        return direction;
    }

    public void setDirection(Direction d) {
        this.direction = java.util.Objects.requireNonNull(d);
    }

    /** The negotiated direction from our side (W3C "currentDirection"); empty before negotiation. */
    public Optional<Direction> currentDirection() {
        return Optional.ofNullable(currentDirection);
    }

    void currentDirection(Direction d) {
        this.currentDirection = d;
    }

    public RtpSender sender() {
        return sender;
    }

    public RtpReceiver receiver() {
        return receiver;
    }

    /**
     * Restricts and orders the codecs offered or accepted for this transceiver by encoding name
     * ({@code "VP8"}, {@code "H264"}, {@code "opus"}, {@code "PCMU"}, {@code "PCMA"}); empty = all, in that order.
     */
    public void setCodecPreferences(List<String> codecNames) {
        this.codecPreferences = List.copyOf(codecNames);
    }

    public List<String> codecPreferences() {
        return codecPreferences;
    }

    @Override
    public String toString() {
        return "RtpTransceiver[" + kind.token() + " mid=" + mid + " " + direction.token() + "]";
    }
}
