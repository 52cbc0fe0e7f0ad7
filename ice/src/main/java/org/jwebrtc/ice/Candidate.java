package org.jwebrtc.ice;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An ICE candidate (RFC 8445 §5.1) over UDP or TCP (RFC 6544: then {@code tcpType} is present). Immutable.
 *
 * <p>{@code base} is where a local candidate sends from (RFC 8445 §5.1.1.1): the host address for host, server- and
 * peer-reflexive candidates, the relayed address itself for relayed ones. For remote candidates it equals
 * {@code address}. {@code address} may be unresolved ({@link InetSocketAddress#isUnresolved()}) for a remote mDNS
 * {@code .local} host candidate (see {@link #isUnresolved()}); such a candidate is kept but never paired until the
 * caller resolves it.
 */
public record Candidate(CandidateType type, String foundation, int componentId, long priority,
                        InetSocketAddress address, InetSocketAddress base,
                        Optional<InetSocketAddress> relatedAddress, TransportProtocol transport,
                        Optional<TcpType> tcpType) {

    public Candidate {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(foundation, "foundation");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(relatedAddress, "relatedAddress");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(tcpType, "tcpType");
        if (tcpType.isPresent() != (transport == TransportProtocol.TCP)) {
            throw new IllegalArgumentException("tcptype is required for TCP candidates and only for them (RFC 6544)");
        }
        if (foundation.isEmpty() || foundation.length() > 32) {
            throw new IllegalArgumentException("foundation must be 1..32 characters (RFC 8445 §5.1.1.3)");
        }
        if (componentId < 1 || componentId > 256) {
            throw new IllegalArgumentException("component id out of 1..256: " + componentId);
        }
        if (priority < 1 || priority > CandidatePriority.MAX) {
            // RFC 8445 §5.1.2.1: a positive integer between 1 and 2^31 - 1.
            throw new IllegalArgumentException("priority out of 1..2^31-1: " + priority);
        }
    }

    /** A UDP candidate. */
    public Candidate(CandidateType type, String foundation, int componentId, long priority, InetSocketAddress address,
                     InetSocketAddress base, Optional<InetSocketAddress> relatedAddress) {
        this(type, foundation, componentId, priority, address, base, relatedAddress, TransportProtocol.UDP,
                Optional.empty());
    }

    /** A local host candidate on component 1. */
    public static Candidate host(InetSocketAddress address, int localPreference) {
        return host(address, localPreference, 1);
    }

    /** A local host candidate; its base is itself (RFC 8445 §5.1.1.1). */
    public static Candidate host(InetSocketAddress address, int localPreference, int componentId) {
        requireResolved(address);
        return new Candidate(CandidateType.HOST, Foundation.of(CandidateType.HOST, address.getAddress(), null),
                componentId, CandidatePriority.compute(CandidateType.HOST, localPreference, componentId), address,
                address, Optional.empty());
    }

    /**
     * A local server-reflexive candidate learned by the caller from a STUN server; {@code base} is the host address
     * the request was sent from (also the related address, RFC 8839 §5.1).
     */
    public static Candidate serverReflexive(InetSocketAddress mapped, InetSocketAddress base,
                                            InetSocketAddress stunServer, int localPreference, int componentId) {
        requireResolved(mapped);
        requireResolved(base);
        return new Candidate(CandidateType.SERVER_REFLEXIVE,
                Foundation.of(CandidateType.SERVER_REFLEXIVE, base.getAddress(), stunServer.getAddress()),
                componentId, CandidatePriority.compute(CandidateType.SERVER_REFLEXIVE, localPreference, componentId),
                mapped, base, Optional.of(base));
    }

    /**
     * A local relayed candidate allocated by the caller on a TURN server. Its base is the relayed address itself
     * (RFC 8445 §5.1.1.2): a {@link Transmit} from this candidate carries the relayed address as {@code local}, and
     * the caller sends it through its TURN allocation; STUN that arrives through the allocation is fed to
     * {@link IceAgent#handleInput} with the relayed address as {@code local}.
     */
    public static Candidate relayed(InetSocketAddress relayed, InetSocketAddress mapped,
                                    InetSocketAddress turnServer, int localPreference, int componentId) {
        requireResolved(relayed);
        return new Candidate(CandidateType.RELAYED,
                Foundation.of(CandidateType.RELAYED, mapped.getAddress(), turnServer.getAddress()),
                componentId, CandidatePriority.compute(CandidateType.RELAYED, localPreference, componentId),
                relayed, relayed, Optional.of(mapped));
    }

    /**
     * A local TCP host candidate (RFC 6544 §4.2, §4.5). An active candidate's port is 9 (it is never listened on);
     * the caller opens a connection from it when a {@link Transmit} with this base and TCP asks for one.
     *
     * @param otherPreference 0..8191, e.g. to rank interfaces (RFC 6544 §4.2)
     */
    public static Candidate tcpHost(InetSocketAddress address, TcpType tcpType, int otherPreference,
                                    int componentId) {
        requireResolved(address);
        InetSocketAddress a = tcpType == TcpType.ACTIVE ? new InetSocketAddress(address.getAddress(), 9) : address;
        int localPreference = CandidatePriority.tcpLocalPreference(CandidateType.HOST, tcpType, otherPreference);
        return new Candidate(CandidateType.HOST,
                Foundation.of(CandidateType.HOST, a.getAddress(), null, TransportProtocol.TCP), componentId,
                CandidatePriority.compute(CandidateType.HOST, localPreference, componentId), a, a, Optional.empty(),
                TransportProtocol.TCP, Optional.of(tcpType));
    }

    /** A TCP candidate signalled by the peer (RFC 6544 §4.5). */
    public static Candidate remoteTcp(CandidateType type, String foundation, int componentId, long priority,
                                      InetSocketAddress address, Optional<InetSocketAddress> relatedAddress,
                                      TcpType tcpType) {
        return new Candidate(type, foundation, componentId, priority, address, address, relatedAddress,
                TransportProtocol.TCP, Optional.of(tcpType));
    }

    /**
     * A candidate signalled by the peer (SDP or trickle). {@code address} may be unresolved, e.g.
     * {@code InetSocketAddress.createUnresolved("abcd.local", 9)} for an mDNS host candidate.
     */
    public static Candidate remote(CandidateType type, String foundation, int componentId, long priority,
                                   InetSocketAddress address, Optional<InetSocketAddress> relatedAddress) {
        return new Candidate(type, foundation, componentId, priority, address, address, relatedAddress);
    }

    /** True for a TCP candidate (RFC 6544). */
    public boolean isTcp() {
        return transport == TransportProtocol.TCP;
    }

    /**
     * RFC 8445 §6.1.2.2 and RFC 6544 §6.2: this (local) candidate may pair with {@code remote}: same component, same
     * transport, same address family, and for TCP complementary tcptypes.
     */
    public boolean canPairWith(Candidate remote) {
        if (transport != remote.transport || componentId != remote.componentId || remote.isUnresolved()
                || isUnresolved()) {
            return false;
        }
        if ((address.getAddress() instanceof java.net.Inet4Address)
                != (remote.address.getAddress() instanceof java.net.Inet4Address)) {
            return false;
        }
        return transport == TransportProtocol.UDP || tcpType.get().pairsWith(remote.tcpType.get());
    }

    /** True when the address is a hostname (e.g. an mDNS {@code .local} name) not resolved yet. */
    public boolean isUnresolved() {
        return address.isUnresolved();
    }

    /** True for an mDNS host name candidate ({@code <uuid>.local}), as Chromium signals by default. */
    public boolean isMdns() {
        return address.isUnresolved() && address.getHostString().toLowerCase(Locale.ROOT).endsWith(".local");
    }

    /** Copy with another address (e.g. once an mDNS name is resolved); the base follows for remote candidates. */
    public Candidate withResolvedAddress(InetAddress resolved) {
        InetSocketAddress a = new InetSocketAddress(resolved, address.getPort());
        return new Candidate(type, foundation, componentId, priority, a, base.equals(address) ? a : base,
                relatedAddress, transport, tcpType);
    }

    /**
     * The value of an SDP {@code a=candidate:} attribute (RFC 8839 §5.1) without the {@code candidate:} prefix, e.g.
     * {@code 1 1 udp 2130706431 192.0.2.1 5000 typ host}
     * or {@code 2 1 tcp 1518280447 192.0.2.1 9 typ host tcptype active}.
     */
    public String toSdp() {
        StringBuilder sb = new StringBuilder(96).append(foundation).append(' ').append(componentId)
                .append(' ').append(transport.token()).append(' ').append(priority).append(' ').append(address.getHostString()).append(' ')
                .append(address.getPort()).append(" typ ").append(type.sdpName());
        relatedAddress.ifPresent(r -> sb.append(" raddr ").append(r.getHostString()).append(" rport ")
                .append(r.getPort()));
        tcpType.ifPresent(t -> sb.append(" tcptype ").append(t.token()));
        return sb.toString();
    }

    private static void requireResolved(InetSocketAddress a) {
        if (a.isUnresolved()) {
            throw new IllegalArgumentException("local candidate address must be resolved: " + a);
        }
    }
}
