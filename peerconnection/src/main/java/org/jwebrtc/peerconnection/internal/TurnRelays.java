package org.jwebrtc.peerconnection.internal;

import io.netty.channel.EventLoop;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import javax.net.ssl.SSLContext;

/**
 * Relay gathering (W3C webrtc §4.4.1.5, RFC 8445 §5.1.1.2): one allocation per TURN URL per host socket of the
 * server's address family. UDP allocations run over the host socket; TCP and TLS ones over their own connection
 * from the socket's address ({@link TurnStreamLink}). A URL repeated with the same server and transport is used
 * once. Local preferences by {@link RelayCandidates#localPreference}, in configuration order.
 */
public final class TurnRelays {
    private TurnRelays() {
    }

    /** The relays to start, not started yet; {@code tls} empty = the JDK's default context for {@code turns:}. */
    public static List<TurnRelay> create(List<TurnServerUrl> urls, Collection<InetSocketAddress> hostSockets,
                                         EventLoop loop, Optional<SSLContext> tls, RandomGenerator random,
                                         LongSupplier clock, TurnRelay.Sink sink) {
        List<TurnRelay> out = new ArrayList<>();
        Set<List<Object>> seen = new HashSet<>();
        int index = 0;
        for (TurnServerUrl url : urls) {
            InetSocketAddress server = url.server();
            if (server.isUnresolved() || !seen.add(List.of(server, url.transport()))) {
                continue;
            }
            for (InetSocketAddress local : hostSockets) {
                if ((server.getAddress() instanceof Inet6Address) != (local.getAddress() instanceof Inet6Address)) {
                    continue;   // a socket reaches servers of its own family only
                }
                TurnRelay.LinkOpener opener = switch (url.transport()) {
                    case UDP -> null;
                    case TCP -> TurnStreamLink.opener(loop, local.getAddress(), server, null);
                    case TLS -> TurnStreamLink.opener(loop, local.getAddress(), server, tls.orElseGet(
                            TurnRelays::defaultTls));
                };
                out.add(new TurnRelay(url, local, RelayCandidates.localPreference(url.transport(), index++), random,
                        clock, sink, opener));
            }
        }
        return out;
    }

    private static SSLContext defaultTls() {
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no default TLS context for turns:", e);
        }
    }
}
