package org.jwebrtc.ice;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A datagram to send from the local socket bound at {@code local} to {@code remote}. When {@code local} is a relayed
 * candidate's address the caller sends {@code data} through its TURN allocation. {@code data} is owned by the
 * receiver (the agent keeps no reference).
 */
public record Transmit(InetSocketAddress local, InetSocketAddress remote, byte[] data) {
    public Transmit {
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(data, "data");
    }
}
