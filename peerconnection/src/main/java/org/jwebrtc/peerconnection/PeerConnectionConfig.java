package org.jwebrtc.peerconnection;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.jwebrtc.dtls.DtlsCertificate;
import org.jwebrtc.dtls.DtlsVersion;

/**
 * Per-connection settings. {@code hostAddresses} are the interfaces to gather host candidates on (tests and the
 * demo use loopback only); {@code certificate} is reused when given (generating one costs milliseconds);
 * {@code maxDtlsVersion} is the highest DTLS version offered or accepted (default 1.2; with 1.3 the connection falls
 * back to 1.2 for a 1.2-only peer in either DTLS role, with RFC 8446 §4.1.3 downgrade protection);
 * {@code iceServers}/{@code iceTransportPolicy} as RTCConfiguration (TURN over UDP, TCP and TLS);
 * {@code turnTlsContext} is the client TLS context for {@code turns:} servers (its trust managers decide which server
 * certificates are accepted; empty = the JDK's default context and trust store); {@code ice}: ICE-lite, ICE-TCP,
 * candidate pool, STUN timeout ({@link IceOptions}).
 */
public record PeerConnectionConfig(List<InetAddress> hostAddresses, Optional<DtlsCertificate> certificate,
                                   int commandQueueCapacity, int maxMessageSize, DtlsVersion maxDtlsVersion,
                                   List<IceServerConfig> iceServers, IceTransportPolicy iceTransportPolicy,
                                   Optional<SSLContext> turnTlsContext, IceOptions ice) {
    public PeerConnectionConfig(List<InetAddress> hostAddresses, Optional<DtlsCertificate> certificate,
                                int commandQueueCapacity, int maxMessageSize, DtlsVersion maxDtlsVersion,
                                List<IceServerConfig> iceServers, IceTransportPolicy iceTransportPolicy,
                                Optional<SSLContext> turnTlsContext) {
        this(hostAddresses, certificate, commandQueueCapacity, maxMessageSize, maxDtlsVersion, iceServers,
                iceTransportPolicy, turnTlsContext, IceOptions.DEFAULT);
    }

    public PeerConnectionConfig(List<InetAddress> hostAddresses, Optional<DtlsCertificate> certificate,
                                int commandQueueCapacity, int maxMessageSize, DtlsVersion maxDtlsVersion,
                                List<IceServerConfig> iceServers, IceTransportPolicy iceTransportPolicy) {
        this(hostAddresses, certificate, commandQueueCapacity, maxMessageSize, maxDtlsVersion, iceServers,
                iceTransportPolicy, Optional.empty());
    }

    public PeerConnectionConfig(List<InetAddress> hostAddresses, Optional<DtlsCertificate> certificate,
                                int commandQueueCapacity, int maxMessageSize) {
        this(hostAddresses, certificate, commandQueueCapacity, maxMessageSize, DtlsVersion.DTLS_1_2);
    }

    public PeerConnectionConfig(List<InetAddress> hostAddresses, Optional<DtlsCertificate> certificate,
                                int commandQueueCapacity, int maxMessageSize, DtlsVersion maxDtlsVersion) {
        this(hostAddresses, certificate, commandQueueCapacity, maxMessageSize, maxDtlsVersion, List.of(),
                IceTransportPolicy.ALL);
    }

    public PeerConnectionConfig {
        Objects.requireNonNull(maxDtlsVersion, "maxDtlsVersion");
        Objects.requireNonNull(iceTransportPolicy, "iceTransportPolicy");
        Objects.requireNonNull(turnTlsContext, "turnTlsContext");
        Objects.requireNonNull(ice, "ice");
        iceServers = List.copyOf(iceServers);
        hostAddresses = List.copyOf(hostAddresses);
        if (hostAddresses.isEmpty()) {
            throw new IllegalArgumentException("at least one host address is needed");
        }
        Objects.requireNonNull(certificate, "certificate");
        if (commandQueueCapacity < 16) {
            throw new IllegalArgumentException("commandQueueCapacity too small");
        }
    }

    /** Loopback only: 127.0.0.1. */
    public static PeerConnectionConfig loopback() {
        return new PeerConnectionConfig(List.of(InetAddress.getLoopbackAddress()), Optional.empty(), 65_536,
                256 * 1024);
    }

    public PeerConnectionConfig withCertificate(DtlsCertificate c) {
        return new PeerConnectionConfig(hostAddresses, Optional.of(c), commandQueueCapacity, maxMessageSize,
                maxDtlsVersion, iceServers, iceTransportPolicy, turnTlsContext, ice);
    }

    public PeerConnectionConfig withHostAddresses(List<InetAddress> addresses) {
        return new PeerConnectionConfig(addresses, certificate, commandQueueCapacity, maxMessageSize, maxDtlsVersion,
                iceServers, iceTransportPolicy, turnTlsContext, ice);
    }

    /** DTLS 1.3 (RFC 9147, hybrid X25519MLKEM768 offered) as the highest version, or back to 1.2. */
    public PeerConnectionConfig withMaxDtlsVersion(DtlsVersion v) {
        return new PeerConnectionConfig(hostAddresses, certificate, commandQueueCapacity, maxMessageSize, v, iceServers,
                iceTransportPolicy, turnTlsContext, ice);
    }

    /** STUN/TURN servers (RTCConfiguration.iceServers): one TURN allocation per TURN server per host socket. */
    public PeerConnectionConfig withIceServers(List<IceServerConfig> servers) {
        return new PeerConnectionConfig(hostAddresses, certificate, commandQueueCapacity, maxMessageSize,
                maxDtlsVersion, servers, iceTransportPolicy, turnTlsContext, ice);
    }

    /** RTCConfiguration.iceTransportPolicy: RELAY signals and checks relayed candidates only. */
    public PeerConnectionConfig withIceTransportPolicy(IceTransportPolicy policy) {
        return new PeerConnectionConfig(hostAddresses, certificate, commandQueueCapacity, maxMessageSize,
                maxDtlsVersion, iceServers, policy, turnTlsContext, ice);
    }

    /** The TLS context for {@code turns:} servers (e.g. one trusting a private CA or a test's self-signed cert). */
    public PeerConnectionConfig withTurnTlsContext(SSLContext context) {
        return new PeerConnectionConfig(hostAddresses, certificate, commandQueueCapacity, maxMessageSize,
                maxDtlsVersion, iceServers, iceTransportPolicy, Optional.of(context), ice);
    }

    /** ICE-lite, ICE-TCP, candidate pool, STUN timeout ({@link IceOptions}). */
    public PeerConnectionConfig withIce(IceOptions options) {
        return new PeerConnectionConfig(hostAddresses, certificate, commandQueueCapacity, maxMessageSize,
                maxDtlsVersion, iceServers, iceTransportPolicy, turnTlsContext, options);
    }
}
