package org.jwebrtc.peerconnection.internal;

import java.net.InetSocketAddress;
import java.util.Optional;
import org.jwebrtc.ice.Candidate;
import org.jwebrtc.ice.CandidatePriority;
import org.jwebrtc.ice.CandidateType;
import org.jwebrtc.ice.Foundation;
import org.jwebrtc.ice.TransportProtocol;
import org.jwebrtc.turn.TurnTransport;

/**
 * Priority and foundation of relayed candidates. RFC 8445 §5.1.2.2: with several TURN servers the local preference
 * ranks them like the interfaces of a multihomed host (RFC 8421) and MUST be unique for each. The transport to the
 * server takes the top two bits (UDP 3, TCP 2, TLS 1), as libwebrtc ranks relay protocols: a stream to the server
 * adds head-of-line blocking under loss, TLS also its record layer; the low 14 bits keep the order of servers and
 * host sockets (RFC 8421 order of {@code PeerConnectionConfig.hostAddresses}).
 */
public final class RelayCandidates {
    private static final int ORDER_BITS = 14;
    private static final int MAX_ORDER = (1 << ORDER_BITS) - 1;

    private RelayCandidates() {
    }

    /** Local preference of the {@code index}-th relay (0 = first configured) over {@code transport}. */
    public static int localPreference(TurnTransport transport, int index) {
        int rank = switch (transport) {
            case UDP -> 3;
            case TCP -> 2;
            case TLS -> 1;
        };
        return (rank << ORDER_BITS) | (MAX_ORDER - Math.min(index, MAX_ORDER));
    }

    /**
     * The relayed candidate (component 1) of an allocation. RFC 8445 §5.1.1.3: candidates obtained over different
     * transport protocols have different foundations, so a TCP or TLS allocation on the same server IP does not
     * share freezing with the UDP one.
     */
    public static Candidate relayed(TurnTransport transport, InetSocketAddress relayed, InetSocketAddress mapped,
                                    InetSocketAddress server, int localPreference) {
        String foundation = switch (transport) {
            case UDP -> Foundation.of(CandidateType.RELAYED, mapped.getAddress(), server.getAddress());
            case TCP -> Foundation.of(CandidateType.RELAYED, mapped.getAddress(), server.getAddress(),
                    TransportProtocol.TCP);
            case TLS -> Foundation.of(CandidateType.RELAYED, mapped.getAddress(), server.getAddress(),
                    TransportProtocol.TCP) + "s";
        };
        return new Candidate(CandidateType.RELAYED, foundation, 1,
                CandidatePriority.compute(CandidateType.RELAYED, localPreference, 1), relayed, relayed,
                Optional.of(mapped));
    }
}
