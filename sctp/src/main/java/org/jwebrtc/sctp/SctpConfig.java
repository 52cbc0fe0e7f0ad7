package org.jwebrtc.sctp;

import java.time.Duration;

/**
 * Association settings. Defaults follow RFC 9260 §16 (RTO.Initial 1 s, RTO.Min 1 s, RTO.Max 60 s,
 * Association.Max.Retrans 10, Max.Init.Retransmits 8, Valid.Cookie.Life 60 s, HB.interval 30 s) and WebRTC
 * (port 5000 per RFC 8841, 256 KiB max-message-size per RFC 8841 §6.1, 1200-byte packets).
 * WebRTC stacks often lower RTO.Min (e.g. 200-400 ms): use {@link #withRto}.
 */
public record SctpConfig(int localPort, int remotePort, int mtu, int maxReceiveMessageSize, int maxSendMessageSize,
                         int sendBufferSize, int receiveWindow, int outboundStreams, int inboundStreams,
                         long rtoInitialNanos, long rtoMinNanos, long rtoMaxNanos, int maxAssociationRetransmits,
                         int maxInitRetransmits, long heartbeatIntervalNanos, long cookieLifetimeNanos,
                         long delayedAckNanos) {
    public static final int DEFAULT_PORT = 5000;
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 256 * 1024;

    public SctpConfig {
        if (mtu < 128 || mtu > 65535) {
            throw new IllegalArgumentException("mtu " + mtu);
        }
        if ((localPort >>> 16) != 0 || (remotePort >>> 16) != 0 || localPort == 0 || remotePort == 0) {
            throw new IllegalArgumentException("ports must be 1..65535");
        }
        if (outboundStreams < 1 || outboundStreams > 65535 || inboundStreams < 1 || inboundStreams > 65535) {
            throw new IllegalArgumentException("stream counts must be 1..65535");
        }
        if (maxSendMessageSize < 1 || sendBufferSize < maxSendMessageSize) {
            throw new IllegalArgumentException("sendBufferSize must hold one max-size message");
        }
        if (maxReceiveMessageSize < 1 || receiveWindow < 1500) {
            throw new IllegalArgumentException("receive limits too small");
        }
        if (rtoMinNanos <= 0 || rtoMinNanos > rtoInitialNanos || rtoInitialNanos > rtoMaxNanos) {
            throw new IllegalArgumentException("need 0 < rtoMin <= rtoInitial <= rtoMax");
        }
        if (maxAssociationRetransmits < 1 || maxInitRetransmits < 1 || heartbeatIntervalNanos <= 0
                || cookieLifetimeNanos <= 0 || delayedAckNanos < 0) {
            throw new IllegalArgumentException("invalid timer/retransmit setting");
        }
    }

    public static SctpConfig defaults() {
        return new SctpConfig(DEFAULT_PORT, DEFAULT_PORT, 1200, DEFAULT_MAX_MESSAGE_SIZE, DEFAULT_MAX_MESSAGE_SIZE,
                1024 * 1024, 1024 * 1024, 65535, 65535, ms(1000), ms(1000), ms(60_000), 10, 8, ms(30_000),
                ms(60_000), ms(200));
    }

    public SctpConfig withPorts(int local, int remote) {
        return new SctpConfig(local, remote, mtu, maxReceiveMessageSize, maxSendMessageSize, sendBufferSize,
                receiveWindow, outboundStreams, inboundStreams, rtoInitialNanos, rtoMinNanos, rtoMaxNanos,
                maxAssociationRetransmits, maxInitRetransmits, heartbeatIntervalNanos, cookieLifetimeNanos,
                delayedAckNanos);
    }

    public SctpConfig withMtu(int newMtu) {
        return new SctpConfig(localPort, remotePort, newMtu, maxReceiveMessageSize, maxSendMessageSize,
                sendBufferSize, receiveWindow, outboundStreams, inboundStreams, rtoInitialNanos, rtoMinNanos,
                rtoMaxNanos, maxAssociationRetransmits, maxInitRetransmits, heartbeatIntervalNanos,
                cookieLifetimeNanos, delayedAckNanos);
    }

    /** Remote SDP {@code a=max-message-size} limits what we send; ours limits what we accept. */
    public SctpConfig withMessageSizes(int maxReceive, int maxSend) {
        return new SctpConfig(localPort, remotePort, mtu, maxReceive, maxSend, Math.max(sendBufferSize, maxSend),
                Math.max(receiveWindow, Math.min(maxReceive, 4 * 1024 * 1024)), outboundStreams, inboundStreams,
                rtoInitialNanos, rtoMinNanos, rtoMaxNanos, maxAssociationRetransmits, maxInitRetransmits,
                heartbeatIntervalNanos, cookieLifetimeNanos, delayedAckNanos);
    }

    public SctpConfig withBuffers(int sendBuffer, int receiveWindowBytes) {
        return new SctpConfig(localPort, remotePort, mtu, maxReceiveMessageSize, maxSendMessageSize, sendBuffer,
                receiveWindowBytes, outboundStreams, inboundStreams, rtoInitialNanos, rtoMinNanos, rtoMaxNanos,
                maxAssociationRetransmits, maxInitRetransmits, heartbeatIntervalNanos, cookieLifetimeNanos,
                delayedAckNanos);
    }

    public SctpConfig withRto(Duration initial, Duration min, Duration max) {
        return new SctpConfig(localPort, remotePort, mtu, maxReceiveMessageSize, maxSendMessageSize, sendBufferSize,
                receiveWindow, outboundStreams, inboundStreams, initial.toNanos(), min.toNanos(), max.toNanos(),
                maxAssociationRetransmits, maxInitRetransmits, heartbeatIntervalNanos, cookieLifetimeNanos,
                delayedAckNanos);
    }

    public SctpConfig withCookieLifetime(Duration lifetime) {
        return new SctpConfig(localPort, remotePort, mtu, maxReceiveMessageSize, maxSendMessageSize, sendBufferSize,
                receiveWindow, outboundStreams, inboundStreams, rtoInitialNanos, rtoMinNanos, rtoMaxNanos,
                maxAssociationRetransmits, maxInitRetransmits, heartbeatIntervalNanos, lifetime.toNanos(),
                delayedAckNanos);
    }

    /** Streams we offer each way (RFC 9260 §5.1.2: OS and MIS; the association uses the smaller of both sides'). */
    public SctpConfig withStreams(int outbound, int inbound) {
        return new SctpConfig(localPort, remotePort, mtu, maxReceiveMessageSize, maxSendMessageSize, sendBufferSize,
                receiveWindow, outbound, inbound, rtoInitialNanos, rtoMinNanos, rtoMaxNanos,
                maxAssociationRetransmits, maxInitRetransmits, heartbeatIntervalNanos, cookieLifetimeNanos,
                delayedAckNanos);
    }

    public SctpConfig withHeartbeatInterval(Duration interval) {
        return new SctpConfig(localPort, remotePort, mtu, maxReceiveMessageSize, maxSendMessageSize, sendBufferSize,
                receiveWindow, outboundStreams, inboundStreams, rtoInitialNanos, rtoMinNanos, rtoMaxNanos,
                maxAssociationRetransmits, maxInitRetransmits, interval.toNanos(), cookieLifetimeNanos,
                delayedAckNanos);
    }

    public SctpConfig withMaxRetransmits(int association, int init) {
        return new SctpConfig(localPort, remotePort, mtu, maxReceiveMessageSize, maxSendMessageSize, sendBufferSize,
                receiveWindow, outboundStreams, inboundStreams, rtoInitialNanos, rtoMinNanos, rtoMaxNanos,
                association, init, heartbeatIntervalNanos, cookieLifetimeNanos, delayedAckNanos);
    }

    private static long ms(long v) {
        return v * 1_000_000L;
    }
}
