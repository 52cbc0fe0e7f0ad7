package org.jwebrtc.ice;

/** Candidate priority formula of RFC 8445 §5.1.2.1; values are 1..2^31-1, held in a {@code long}. */
public final class CandidatePriority {
    /** Largest local preference (16 bits). */
    public static final int MAX_LOCAL_PREFERENCE = 65535;
    /** Largest candidate priority (RFC 8445 §5.1.2.1: between 1 and 2^31 - 1). */
    public static final long MAX = 0x7fffffffL;

    private CandidatePriority() {
    }

    /** {@code 2^24 * typePreference + 2^8 * localPreference + (256 - componentId)} (RFC 8445 §5.1.2.1). */
    public static long compute(int typePreference, int localPreference, int componentId) {
        if (typePreference < 0 || typePreference > 126) {
            throw new IllegalArgumentException("type preference out of 0..126: " + typePreference);
        }
        if (localPreference < 0 || localPreference > MAX_LOCAL_PREFERENCE) {
            throw new IllegalArgumentException("local preference out of 0..65535: " + localPreference);
        }
        if (componentId < 1 || componentId > 256) {
            throw new IllegalArgumentException("component id out of 1..256: " + componentId);
        }
        return ((long) typePreference << 24) + ((long) localPreference << 8) + (256 - componentId);
    }

    /** Priority with the recommended type preference of {@code type}. */
    public static long compute(CandidateType type, int localPreference, int componentId) {
        return compute(type.typePreference(), localPreference, componentId);
    }

    /** Type preference recovered from a priority computed with the recommended formula. */
    public static int typePreference(long priority) {
        return (int) ((priority >>> 24) & 0xff);
    }

    /** Local preference recovered from a priority computed with the recommended formula. */
    public static int localPreference(long priority) {
        return (int) ((priority >>> 8) & 0xffff);
    }

    /** Component id recovered from a priority computed with the recommended formula. */
    public static int componentId(long priority) {
        return 256 - (int) (priority & 0xff);
    }

    /**
     * Local preference of a TCP candidate (RFC 6544 §4.2): {@code 2^13 * directionPref + otherPref}, at most 57343,
     * so a UDP candidate with the usual 65535 outranks TCP ones of the same type.
     */
    public static int tcpLocalPreference(CandidateType type, TcpType tcpType, int otherPreference) {
        if (otherPreference < 0 || otherPreference > 8191) {
            throw new IllegalArgumentException("other preference out of 0..8191: " + otherPreference);
        }
        return (tcpType.directionPreference(type) << 13) + otherPreference;
    }
}
