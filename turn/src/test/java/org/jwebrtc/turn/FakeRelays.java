package org.jwebrtc.turn;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/** Hands out 127.0.0.1:50000, :50001, … and records releases. */
final class FakeRelays implements RelayAllocator {
    final List<InetSocketAddress> released = new ArrayList<>();
    private int next = 50000;
    /** When set, no relay port is left (the server must answer 508). */
    boolean exhausted;

    @Override
    public InetSocketAddress allocate(TurnTransport clientTransport, InetSocketAddress client, boolean evenPort) {
        if (exhausted) {
            return null;
        }
        if (evenPort && (next & 1) != 0) {
            next++;
        }
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), next++);
    }

    @Override
    public void release(InetSocketAddress relay) {
        released.add(relay);
    }
}
