package org.jwebrtc.peerconnection.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import org.jwebrtc.ice.Candidate;
import org.jwebrtc.ice.RelayedTransport;
import org.jwebrtc.turn.TurnClient;
import org.jwebrtc.turn.TurnClientConfig;
import org.jwebrtc.turn.TurnEvent;
import org.jwebrtc.turn.TurnOperation;
import org.jwebrtc.turn.TurnTransport;

/**
 * One TURN allocation (RFC 8656), plugged into ICE as a {@link RelayedTransport}: over UDP from one host socket, or
 * over its own TCP or TLS connection from that socket's address (RFC 8656 §3.1, §12.5 framing; the connection is a
 * {@link ServerLink} opened at {@link #start}, e.g. {@link TurnStreamLink}).
 * ICE transmits from the relayed address go out as Send indications (ChannelData once the selected pair's channel
 * is bound, §11-§12); whatever the server relays back is handed to the {@link Sink} with the relayed address as
 * {@code local}. Permissions (§9) are installed for each remote candidate IP before anything is sent to it: data
 * for a peer without a confirmed permission waits (a few packets) until the server confirms. Not thread-safe:
 * owned by the connection's loop; {@code clock} only timestamps {@link #send} calls that come without a time.
 */
public final class TurnRelay implements RelayedTransport {
    /** Where the relay's output goes. */
    public interface Sink {
        /** A datagram for the TURN server, sent from the host socket {@code local}. */
        void toServer(InetSocketAddress local, InetSocketAddress server, byte[] data);

        /** Data a peer sent to our relayed address (STUN, DTLS or SRTP for the stack). */
        void fromPeer(long nowNanos, InetSocketAddress relayed, InetSocketAddress peer, byte[] buf, int off, int len);

        /** The allocation exists: {@code candidate} is the relay candidate; or it failed (empty). */
        void gathered(TurnRelay relay, Optional<Candidate> candidate);

        /** An allocation that existed is gone (a Refresh failed, RFC 8656 §8): its candidate must be removed. */
        default void lost(TurnRelay relay, Candidate candidate) {}

        /** A read from a stream connection to the server was handled: the owner drives its stack now. */
        default void inputHandled(long nowNanos) {}
    }

    /** The connection to the TURN server of a TCP or TLS allocation. Loop-confined like the relay. */
    public interface ServerLink {
        /** Queues one STUN or ChannelData message; {@code droppable} (peer data) may be dropped when congested. */
        void write(byte[] message, boolean droppable);

        /** Closes the connection once what was written is out. */
        void close();
    }

    /** Opens the stream connection of a relay; the link reports back through {@link #onStreamFrame} and co. */
    public interface LinkOpener {
        ServerLink open(TurnRelay relay);
    }

    private static final int MAX_WAITING = 32;

    private final TurnClient client;
    private final TurnServerUrl url;
    private final LinkOpener opener;
    private ServerLink link;
    private boolean lostReported;
    private final InetSocketAddress local;
    private final InetSocketAddress server;
    private final int localPreference;
    private final LongSupplier clock;
    private final Sink sink;
    private final Set<InetAddress> permitted = new HashSet<>();
    private final Set<InetAddress> requested = new HashSet<>();
    private final Map<InetAddress, ArrayDeque<Object[]>> waiting = new HashMap<>();
    private byte[] scratch = new byte[1500];
    private Candidate candidate;
    private InetSocketAddress channelPeer;
    private boolean done;
    private boolean closing;
    private long sent;
    private long received;

    /** A UDP allocation from the host socket {@code local}. */
    public TurnRelay(InetSocketAddress local, InetSocketAddress server, String username, String password,
                     int localPreference, RandomGenerator random, LongSupplier clock, Sink sink) {
        this(new TurnServerUrl("turn:" + server.getHostString() + ":" + server.getPort(), server, TurnTransport.UDP,
                username, password), local, localPreference, random, clock, sink, null);
    }

    /**
     * An allocation on {@code url}: UDP from the host socket {@code local}, or TCP/TLS over the link {@code opener}
     * opens at {@link #start} ({@code local} then names the host socket the allocation belongs to).
     */
    public TurnRelay(TurnServerUrl url, InetSocketAddress local, int localPreference, RandomGenerator random,
                     LongSupplier clock, Sink sink, LinkOpener opener) {
        if (url.transport().isStream() && opener == null) {
            throw new IllegalArgumentException("a " + url.transport() + " allocation needs a link opener");
        }
        this.client = new TurnClient(TurnClientConfig.of(url.server(), url.transport(), url.username(),
                url.credential()), random);
        this.url = url;
        this.opener = url.transport().isStream() ? opener : null;
        this.local = local;
        this.server = url.server();
        this.localPreference = localPreference;
        this.clock = clock;
        this.sink = sink;
    }

    public void start(long now) {
        if (opener != null) {
            link = opener.open(this);   // the Allocate waits in the link until the connection is up
            if (closing) {
                return;   // the connection failed at once
            }
        }
        client.start(now);
        drain(now);
    }

    /** True when this datagram arrived on our host socket from our TURN server (UDP allocations only). */
    public boolean isFromServer(InetSocketAddress socket, InetSocketAddress sender) {
        return link == null && opener == null && local.equals(socket) && server.equals(sender);
    }

    /** The TURN URL this allocation was made on (W3C webrtc-stats {@code url}). */
    public TurnServerUrl url() {
        return url;
    }

    /** A complete STUN or ChannelData message read from the stream connection (copied: the stack may keep it). */
    public void onStreamFrame(long now, byte[] buf, int off, int len) {
        handleInput(now, java.util.Arrays.copyOfRange(buf, off, off + len), 0, len);
    }

    /** The end of one read from the stream connection. */
    public void onStreamRead(long now) {
        sink.inputHandled(now);
    }

    /**
     * The stream connection failed or closed: the allocation is gone with it (RFC 8656 §3.1, §5: a TCP/TLS
     * allocation lives as long as its connection). Before the Allocate succeeded this ends gathering without a
     * candidate; afterwards the candidate is lost.
     */
    public void onLinkClosed(long now) {
        if (!closing) {
            lose();
            finish(Optional.empty());
            closing = true;
            client.close(now);   // stops refreshes; what it writes goes nowhere
            drain(now);
        }
        sink.inputHandled(now);
    }

    /** The relayed address, once allocated. */
    public Optional<InetSocketAddress> relayedAddress() {
        return Optional.ofNullable(candidate).map(Candidate::address);
    }

    @Override
    public Candidate candidate() {
        return candidate;
    }

    /** Datagrams sent to / received from peers through the allocation. */
    public long sent() {
        return sent;
    }

    public long received() {
        return received;
    }

    /** A datagram from the server: ChannelData is unwrapped in place, the rest is the client's. */
    public void handleInput(long now, byte[] buf, int off, int len) {
        InetSocketAddress peer = client.unwrapChannelData(buf, off, len);
        if (peer != null) {
            received++;
            sink.fromPeer(now, candidate.address(), peer, buf, client.unwrappedOffset(), client.unwrappedLength());
            return;
        }
        client.handleInput(now, buf, off, len);
        drain(now);
    }

    public void handleTimeout(long now) {
        client.handleTimeout(now);
        drain(now);
    }

    public long pollTimeout() {
        return client.pollTimeout();
    }

    /** RFC 8656 §9: install a permission for a remote candidate's IP ahead of the checks. */
    public void permit(long now, InetAddress peer) {
        if (client.isAllocated() && requested.add(peer)) {
            client.createPermission(now, peer);
            drain(now);
        }
    }

    /** RFC 8656 §11: a channel to the selected pair's peer, so data goes as 4-byte-header ChannelData. */
    public void bindChannel(long now, InetSocketAddress peer) {
        if (client.isAllocated() && !peer.equals(channelPeer)) {
            channelPeer = peer;
            client.bindChannel(now, peer);
            drain(now);
        }
    }

    @Override
    public void send(InetSocketAddress peer, byte[] data) {
        if (!client.isAllocated()) {
            return;
        }
        long now = clock.getAsLong();
        InetAddress ip = peer.getAddress();
        if (!permitted.contains(ip)) {
            permit(now, ip);
            ArrayDeque<Object[]> q = waiting.computeIfAbsent(ip, k -> new ArrayDeque<>());
            if (q.size() < MAX_WAITING) {
                q.add(new Object[] {peer, data});
            }
            return;
        }
        if (scratch.length < data.length + TurnClient.MAX_SEND_OVERHEAD) {
            scratch = new byte[data.length + TurnClient.MAX_SEND_OVERHEAD];
        }
        int n = client.encodeSend(peer, data, 0, data.length, scratch, 0);
        sent++;
        toServer(java.util.Arrays.copyOf(scratch, n), true);   // the socket write keeps this copy
    }

    /** Deletes the allocation (RFC 8656 §8, Refresh with lifetime 0); the request goes out at once. */
    public void close(long now) {
        closing = true;
        client.close(now);
        drain(now);
        if (link != null) {
            link.close();
        }
    }

    private void toServer(byte[] message, boolean droppable) {
        if (opener == null) {
            sink.toServer(local, server, message);
        } else if (link != null) {
            link.write(message, droppable);
        }
    }

    private void lose() {
        if (done && candidate != null && !closing && !lostReported) {
            lostReported = true;
            sink.lost(this, candidate);
        }
    }

    private void drain(long now) {
        for (byte[] t; (t = client.pollTransmit()) != null; ) {
            toServer(t, false);
        }
        for (TurnEvent e; (e = client.pollEvent()) != null; ) {
            if (e instanceof TurnEvent.Allocated a) {
                candidate = RelayCandidates.relayed(url.transport(), a.relayed(), a.mapped(), server,
                        localPreference);
                finish(Optional.of(candidate));
            } else if (e instanceof TurnEvent.Failed f && f.operation() == TurnOperation.CREATE_PERMISSION) {
                // the client dropped those permissions: ask again on the next send; held data is dropped (ICE
                // retransmits its checks)
                requested.retainAll(permitted);
                waiting.keySet().retainAll(permitted);
            } else if (e instanceof TurnEvent.Failed) {
                if (client.isClosed()) {
                    lose();
                }
                finish(Optional.empty());
            } else if (e instanceof TurnEvent.PermissionCreated p) {
                for (InetAddress ip : p.peers()) {
                    permitted.add(ip);
                    ArrayDeque<Object[]> q = waiting.remove(ip);
                    if (q != null) {
                        for (Object[] m : q) {
                            send((InetSocketAddress) m[0], (byte[]) m[1]);
                        }
                    }
                }
            } else if (e instanceof TurnEvent.ChannelBound b) {
                permitted.add(b.peer().getAddress());
            } else if (e instanceof TurnEvent.DataReceived d) {
                received++;
                byte[] data = d.data();
                sink.fromPeer(now, candidate.address(), d.peer(), data, 0, data.length);
            }
        }
        for (byte[] t; (t = client.pollTransmit()) != null; ) {
            toServer(t, false);
        }
    }

    @Override
    public String toString() {
        return "TURN allocation on " + url.url() + " (" + server + ") from " + local;
    }

    private void finish(Optional<Candidate> c) {
        if (!done) {
            done = true;
            sink.gathered(this, c);
        }
    }
}
