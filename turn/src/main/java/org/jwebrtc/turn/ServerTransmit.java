package org.jwebrtc.turn;

import java.net.InetSocketAddress;
import java.util.Objects;

/** A control message from {@link TurnServerCore} to a client (over {@code transport}, to {@code client}). */
public record ServerTransmit(TurnTransport transport, InetSocketAddress client, byte[] data) {
    public ServerTransmit {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(data, "data");
    }
}
