package org.jwebrtc.ice;

/**
 * Candidate pair priority (RFC 8445 §6.1.2.3): {@code 2^32*MIN(G,D) + 2*MAX(G,D) + (G>D?1:0)}. The result is an
 * unsigned 64-bit value in a {@code long}: compare with {@link Long#compareUnsigned}.
 */
public final class PairPriority {
    private PairPriority() {
    }

    /**
     * @param controlling priority G of the controlling agent's candidate (1..2^31-1, RFC 8445 §5.1.2.1)
     * @param controlled  priority D of the controlled agent's candidate (1..2^31-1)
     */
    public static long compute(long controlling, long controlled) {
        // With G, D < 2^31 the result stays below 2^63; 32-bit inputs could wrap 64 bits.
        if (controlling < 0 || controlling > CandidatePriority.MAX || controlled < 0
                || controlled > CandidatePriority.MAX) {
            throw new IllegalArgumentException("candidate priorities are 0..2^31-1");
        }
        long min = Math.min(controlling, controlled);
        long max = Math.max(controlling, controlled);
        return (min << 32) + 2 * max + (controlling > controlled ? 1 : 0);
    }

    /** Orders higher priority first (unsigned). */
    public static int compareDescending(long a, long b) {
        return Long.compareUnsigned(b, a);
    }
}
