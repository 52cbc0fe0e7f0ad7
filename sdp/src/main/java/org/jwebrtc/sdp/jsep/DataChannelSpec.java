package org.jwebrtc.sdp.jsep;

import org.jwebrtc.sdp.MaxMessageSize;
import org.jwebrtc.sdp.Mid;
import org.jwebrtc.sdp.SctpPort;

/**
 * The data channel m-section ({@code m=application 9 UDP/DTLS/SCTP webrtc-datachannel},
 * RFC 8841 §4, RFC 8829 §5.2.1) with its SCTP port and maximum message size.
 */
public record DataChannelSpec(String mid, int sctpPort, long maxMessageSize) {
    /** RFC 8841 §5: the default SCTP port; 256 KiB is what browsers announce. */
    public static final int DEFAULT_SCTP_PORT = 5000;
    public static final long DEFAULT_MAX_MESSAGE_SIZE = 262144;

    public DataChannelSpec {
        new Mid(mid);
        new SctpPort(sctpPort);
        new MaxMessageSize(maxMessageSize);
    }

    public DataChannelSpec(String mid) {
        this(mid, DEFAULT_SCTP_PORT, DEFAULT_MAX_MESSAGE_SIZE);
    }
}
