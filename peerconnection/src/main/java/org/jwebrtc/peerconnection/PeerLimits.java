package org.jwebrtc.peerconnection;

/**
 * What one remote peer can make a connection hold (issue 11: no unbounded growth driven by the peer or by an
 * application that outpaces it). Each limit fails with a clear error instead of growing.
 */
public final class PeerLimits {
    /** A remote description longer than this is refused (setRemoteDescription fails); real ones are a few KiB. */
    public static final int MAX_SDP_CHARS = 128 * 1024;
    /**
     * Remote candidate addresses accepted per connection, from the SDP and trickled together (a repeated one counts
     * once; addIceCandidate fails beyond it); the ICE checklist is capped separately (RFC 8445 §6.1.2.5, 100 pairs).
     */
    public static final int MAX_REMOTE_CANDIDATES = 128;
    /**
     * SCTP streams each way (as Chromium, kMaxSctpStreams): at most this many data channels per connection; DATA on
     * a stream beyond the negotiated count is answered with an Invalid Stream Identifier error (RFC 9260 §6.5).
     */
    public static final int SCTP_STREAMS = 1024;
    /**
     * Per-channel bufferedAmount cap (as Chromium's 16 MiB): send() returns false instead of queueing more when a
     * peer stops reading; messages already accepted are kept and delivered.
     */
    public static final long MAX_BUFFERED_AMOUNT = 16L * 1024 * 1024;

    private PeerLimits() {
    }
}
