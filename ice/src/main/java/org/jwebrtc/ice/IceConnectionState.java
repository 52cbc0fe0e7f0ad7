package org.jwebrtc.ice;

/** Agent states surfaced to the application (names as the W3C {@code RTCIceConnectionState}). */
public enum IceConnectionState {
    /** Created; no checks yet. */
    NEW,
    /** Connectivity checks are running, nothing selected yet. */
    CHECKING,
    /** A pair is selected (nominated); checks may still be running or candidates may still arrive. */
    CONNECTED,
    /** A pair is selected, end-of-candidates was received and no checks are pending. */
    COMPLETED,
    /** The selected pair has not had a consent response for a while (RFC 7675); may recover. */
    DISCONNECTED,
    /** All pairs failed after end-of-candidates (RFC 8838 §14), or consent expired (RFC 7675 §5.1). */
    FAILED,
    /** {@link IceAgent#close()} was called. */
    CLOSED
}
