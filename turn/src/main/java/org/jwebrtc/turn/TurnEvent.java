package org.jwebrtc.turn;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;

/** What a {@link TurnClient} reports; consume with {@code instanceof}. */
public sealed interface TurnEvent permits TurnEvent.Allocated, TurnEvent.Refreshed, TurnEvent.PermissionCreated,
        TurnEvent.ChannelBound, TurnEvent.DataReceived, TurnEvent.Failed, TurnEvent.Deallocated {

    /**
     * RFC 8656 §7.3: the allocation exists. {@code relayed} is the relay candidate's address,
     * {@code mapped} the server-reflexive one (XOR-MAPPED-ADDRESS).
     */
    record Allocated(InetSocketAddress relayed, InetSocketAddress mapped, long lifetimeSeconds) implements TurnEvent {}

    /** RFC 8656 §8: a Refresh succeeded; the allocation now lives {@code lifetimeSeconds} more. */
    record Refreshed(long lifetimeSeconds) implements TurnEvent {}

    /** RFC 8656 §9: permissions for these peer IPs are installed (or refreshed). */
    record PermissionCreated(List<InetAddress> peers) implements TurnEvent {
        public PermissionCreated {
            peers = List.copyOf(peers);
        }
    }

    /** RFC 8656 §11: {@code channel} is bound to {@code peer}; sends to it now use ChannelData. */
    record ChannelBound(InetSocketAddress peer, int channel) implements TurnEvent {}

    /** Application data from {@code peer}, via a Data indication or ChannelData (a copy). */
    record DataReceived(InetSocketAddress peer, byte[] data) implements TurnEvent {
        public DataReceived {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof DataReceived d && peer.equals(d.peer) && Arrays.equals(data, d.data);
        }

        @Override
        public int hashCode() {
            return 31 * peer.hashCode() + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "DataReceived[" + peer + ", " + data.length + " bytes]";
        }
    }

    /**
     * A request failed: an error response ({@code code} 300..699 with the server's reason) or no
     * response ({@code code} 0, reason "timeout"). After ALLOCATE or REFRESH failures the
     * allocation is gone and the client is closed.
     */
    record Failed(TurnOperation operation, int code, String reason) implements TurnEvent {}

    /** RFC 8656 §8: the allocation was deleted on our request (Refresh with LIFETIME 0). */
    record Deallocated() implements TurnEvent {}
}
