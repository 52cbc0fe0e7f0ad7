package org.jwebrtc.ice;

/**
 * Connection direction of a TCP candidate (RFC 6544 §4.5 {@code tcptype}): an active candidate opens connections
 * (its port is 9, the discard port, since it is not listened on), a passive one accepts them, a simultaneous-open
 * ({@code so}) one does both at once.
 */
public enum TcpType {
    ACTIVE("active"),
    PASSIVE("passive"),
    SO("so");

    private final String token;

    TcpType(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    /**
     * RFC 6544 §6.2: which remote tcptype a local one pairs with (so-so, active-passive, passive-active).
     */
    public boolean pairsWith(TcpType remote) {
        return switch (this) {
            case SO -> remote == SO;
            case ACTIVE -> remote == PASSIVE;
            case PASSIVE -> remote == ACTIVE;
        };
    }

    /**
     * Direction preference (RFC 6544 §4.2): host candidates prefer active (6) over passive (4) over so (2); NAT-ed
     * (server-reflexive, relayed, peer-reflexive) ones prefer so (6) over active (4) over passive (2).
     */
    public int directionPreference(CandidateType type) {
        boolean host = type == CandidateType.HOST;
        return switch (this) {
            case ACTIVE -> host ? 6 : 4;
            case PASSIVE -> host ? 4 : 2;
            case SO -> host ? 2 : 6;
        };
    }

    public static TcpType fromToken(String token) {
        for (TcpType t : values()) {
            if (t.token.equalsIgnoreCase(token)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown tcptype " + token);
    }
}
