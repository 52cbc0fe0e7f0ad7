package org.jwebrtc.ice;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A datagram to send from the local socket bound at {@code local} to {@code remote}. When {@code local} is a relayed
 * candidate's address the caller sends {@code data} through its TURN allocation (see {@link RelayedTransport}).
 * With {@link TransportProtocol#TCP} (RFC 6544) the caller sends {@code data} framed by {@link Rfc4571Framer} on the
 * connection between {@code local} (the TCP candidate's base; port 9 for an active one) and {@code remote}, opening it
 * first when it does not exist. {@code data} is owned by the receiver (the agent keeps no reference).
 */
public record Transmit(InetSocketAddress local, InetSocketAddress remote, byte[] data, TransportProtocol transport) {
    public Transmit {
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(transport, "transport");
    }

    /** A UDP datagram. */
    public Transmit(InetSocketAddress local, InetSocketAddress remote, byte[] data) {
        this(local, remote, data, TransportProtocol.UDP);
    }
}
