package org.jwebrtc.ice;

import java.net.InetSocketAddress;

/**
 * Where a TURN allocation plugs into ICE (the {@code turn} module implements the allocation; {@code ice} does not
 * depend on it, DESIGN.md §5). The allocation's relayed address is a local candidate; a {@link Transmit} whose
 * {@code local} is that address goes through {@link #send} instead of a socket, and whatever arrives through the
 * allocation (Data indication or ChannelData, unwrapped) is fed to {@link IceAgent#handleInput} with the relayed
 * address as {@code local} and the peer as {@code remote}.
 */
public interface RelayedTransport {
    /** The local relayed candidate, e.g. {@link Candidate#relayed}. */
    Candidate candidate();

    /**
     * Sends {@code data} from the relayed address to {@code peer}: installs the permission if needed, then a Send
     * indication or ChannelData (RFC 8656 §11-§12). Called on the owner's thread; must not block.
     */
    void send(InetSocketAddress peer, byte[] data);
}
