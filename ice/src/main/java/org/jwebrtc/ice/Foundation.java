package org.jwebrtc.ice;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Candidate foundations (RFC 8445 §5.1.1.3): equal for candidates with the same type, base IP address, STUN/TURN
 * server IP address and transport, different otherwise (up to hash collisions of 32 bits, which only make two
 * candidates share freezing; they never break correctness).
 */
public final class Foundation {
    private Foundation() {
    }

    /**
     * @param type   candidate type
     * @param baseIp IP address of the candidate's base
     * @param server IP address of the STUN/TURN server used to learn it, {@code null} for host candidates
     */
    public static String of(CandidateType type, InetAddress baseIp, InetAddress server) {
        return of(type, baseIp, server, TransportProtocol.UDP);
    }

    /** As {@link #of(CandidateType, InetAddress, InetAddress)} for a transport (RFC 6544: TCP differs from UDP). */
    public static String of(CandidateType type, InetAddress baseIp, InetAddress server, TransportProtocol transport) {
        CRC32 crc = new CRC32();
        crc.update(type.sdpName().getBytes(StandardCharsets.US_ASCII));
        crc.update(0);
        crc.update(baseIp.getAddress());
        crc.update(0);
        if (server != null) {
            crc.update(server.getAddress());
        }
        crc.update(transport.token().getBytes(StandardCharsets.US_ASCII));
        return Long.toString(crc.getValue());
    }
}
