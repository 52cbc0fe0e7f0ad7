package org.jwebrtc.peerconnection;

/** Data channel events, on the connection's event-loop thread. {@code data} is the receiver's to keep. */
public interface DataChannelListener {
    default void onOpen() {}

    void onMessage(DataChannel channel, boolean binary, byte[] data);

    default void onClose() {}

    default void onBufferedAmountLow() {}
}
