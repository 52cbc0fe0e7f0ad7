package org.jwebrtc.stun;

import java.time.Duration;

/**
 * Retransmission parameters of a client transaction (RFC 8489 §6.2.1, §6.2.2).
 *
 * @param rtoNanos initial retransmission timeout (default 500 ms), doubled after each send
 * @param rc requests sent in total over an unreliable transport (default 7)
 * @param rm after the last request, wait {@code rm * rto} for a response (default 16)
 * @param reliable over TCP/TLS: send once and wait {@code reliableTimeoutNanos} (Ti, 39.5 s)
 * @param reliableTimeoutNanos Ti for reliable transports
 */
public record StunTransactionConfig(long rtoNanos, int rc, int rm, boolean reliable, long reliableTimeoutNanos) {
    public static final Duration DEFAULT_RTO = Duration.ofMillis(500);
    public static final int DEFAULT_RC = 7;
    public static final int DEFAULT_RM = 16;
    public static final Duration DEFAULT_TI = Duration.ofMillis(39_500);

    public StunTransactionConfig {
        if (rtoNanos <= 0 || rc < 1 || rm < 1 || reliableTimeoutNanos <= 0) {
            throw new IllegalArgumentException("RTO, Rc, Rm and Ti must be positive");
        }
    }

    /** UDP defaults: RTO 500 ms, Rc 7, Rm 16 (RFC 8489 §6.2.1). */
    public static StunTransactionConfig unreliable() {
        return unreliable(DEFAULT_RTO);
    }

    /** UDP with an RTO cached from earlier transactions to the same server (§6.2.1). */
    public static StunTransactionConfig unreliable(Duration rto) {
        return new StunTransactionConfig(rto.toNanos(), DEFAULT_RC, DEFAULT_RM, false, DEFAULT_TI.toNanos());
    }

    /** TCP/TLS: no retransmission, one 39.5 s timeout (RFC 8489 §6.2.2). */
    public static StunTransactionConfig reliableTransport() {
        return new StunTransactionConfig(DEFAULT_RTO.toNanos(), 1, DEFAULT_RM, true, DEFAULT_TI.toNanos());
    }
}
