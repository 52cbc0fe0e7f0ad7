package org.jwebrtc.signaling.kvs;

/** Callbacks of a signaling WebSocket; they run on its I/O thread and must not block. */
public interface SignalingListener {
    default void onOpen() {}

    void onMessage(InboundMessage message);

    /** The socket closed; {@code code} is the WebSocket close code, or 1006 when the connection dropped. */
    default void onClose(int code, String reason) {}

    /** A failed connect (HTTP status of the refused upgrade, or an I/O error). */
    default void onError(SignalingException error) {}
}
