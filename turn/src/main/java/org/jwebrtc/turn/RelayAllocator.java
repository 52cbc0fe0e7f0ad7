package org.jwebrtc.turn;

import java.net.InetSocketAddress;

/**
 * Where {@link TurnServerCore} gets relayed transport addresses (RFC 8656 §7.2). The I/O edge
 * implements it by binding a UDP socket; tests hand out fake addresses. Called on the thread that
 * owns the core; must not block for long.
 */
public interface RelayAllocator {
    /**
     * A fresh relayed address for this client, or null when none can be allocated (508 follows).
     * {@code evenPort}: the client sent EVEN-PORT (RFC 8656 §7.2 step 8), the port must be even.
     */
    InetSocketAddress allocate(TurnTransport clientTransport, InetSocketAddress client, boolean evenPort);

    /** The allocation ended (expiry, Refresh 0, connection closed): close the relay socket. */
    void release(InetSocketAddress relay);
}
