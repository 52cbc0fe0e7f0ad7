package org.jwebrtc.peerconnection;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jwebrtc.dtls.DtlsCertificate;

/**
 * Per-connection settings. {@code hostAddresses} are the interfaces to gather host candidates on (tests and the
 * demo use loopback only); {@code certificate} is reused when given (generating one costs milliseconds).
 */
public record PeerConnectionConfig(List<InetAddress> hostAddresses, Optional<DtlsCertificate> certificate,
                                   int commandQueueCapacity, int maxMessageSize) {
    public PeerConnectionConfig {
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
        return new PeerConnectionConfig(hostAddresses, Optional.of(c), commandQueueCapacity, maxMessageSize);
    }

    public PeerConnectionConfig withHostAddresses(List<InetAddress> addresses) {
        return new PeerConnectionConfig(addresses, certificate, commandQueueCapacity, maxMessageSize);
    }
}
