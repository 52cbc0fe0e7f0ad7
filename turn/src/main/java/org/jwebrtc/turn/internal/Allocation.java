package org.jwebrtc.turn.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import org.jwebrtc.stun.TransactionId;
import org.jwebrtc.turn.ChannelNumber;
import org.jwebrtc.turn.TurnTransport;

/** Server-side state of one allocation (RFC 8656 §5): 5-tuple, relay, owner, lifetime, permissions, channels. */
public final class Allocation {
    /** A channel binding (RFC 8656 §12): 10 minutes unless refreshed. */
    public static final class Channel {
        public final int number;
        public final InetSocketAddress peer;
        public long expiry;

        Channel(int number, InetSocketAddress peer) {
            this.number = number;
            this.peer = peer;
        }
    }

    /** A permission (RFC 8656 §9): 5 minutes unless refreshed. Mutable so lookups allocate nothing. */
    public static final class Permission {
        public long expiry;
    }

    public final TurnTransport transport;
    public final InetSocketAddress client;
    public final InetSocketAddress relay;
    public final String username;
    public final byte[] key;
    public final TokenBucket bandwidth;
    public final Map<InetAddress, Permission> permissions = new HashMap<>();
    public final Map<InetSocketAddress, Channel> channelsByPeer = new HashMap<>();
    private final Channel[] channelsByNumber = new Channel[ChannelNumber.MAX - ChannelNumber.MIN + 1];
    public long expiry;
    /** The Allocate that created it, and its response, for retransmissions (RFC 8656 §7.2). */
    public TransactionId allocateTx;
    public byte[] allocateResponse;

    public Allocation(TurnTransport transport, InetSocketAddress client, InetSocketAddress relay, String username,
                      byte[] key, long bandwidthBytesPerSecond) {
        this.transport = transport;
        this.client = client;
        this.relay = relay;
        this.username = username;
        this.key = key;
        this.bandwidth = new TokenBucket(bandwidthBytesPerSecond);
    }

    public Channel channel(int number) {
        return channelsByNumber[number - ChannelNumber.MIN];
    }

    public Channel bind(int number, InetSocketAddress peer) {
        Channel c = new Channel(number, peer);
        channelsByNumber[number - ChannelNumber.MIN] = c;
        channelsByPeer.put(peer, c);
        return c;
    }

    public void unbind(Channel c) {
        channelsByNumber[c.number - ChannelNumber.MIN] = null;
        channelsByPeer.remove(c.peer);
    }

    /** True when a live permission covers {@code peer}'s IP (ports are not part of it, §9). */
    public boolean permits(InetAddress peer, long nowNanos) {
        Permission p = permissions.get(peer);
        return p != null && p.expiry - nowNanos > 0;
    }

    public void permit(InetAddress peer, long expiry) {
        permissions.computeIfAbsent(peer, k -> new Permission()).expiry = expiry;
    }

    /** Drops expired permissions and channels; the earliest remaining deadline (or {@link #expiry}). */
    public long sweep(long nowNanos) {
        long next = expiry;
        var pit = permissions.values().iterator();
        while (pit.hasNext()) {
            Permission p = pit.next();
            if (p.expiry - nowNanos <= 0) {
                pit.remove();
            } else {
                next = Math.min(next, p.expiry);
            }
        }
        for (Channel c : channelsByPeer.values().toArray(new Channel[0])) {
            if (c.expiry - nowNanos <= 0) {
                unbind(c);
            } else {
                next = Math.min(next, c.expiry);
            }
        }
        return next;
    }

    /** Earliest deadline without changing anything. */
    public long nextDeadline() {
        long next = expiry;
        for (Permission p : permissions.values()) {
            next = Math.min(next, p.expiry);
        }
        for (Channel c : channelsByPeer.values()) {
            next = Math.min(next, c.expiry);
        }
        return next;
    }
}
