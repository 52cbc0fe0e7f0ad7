package org.jwebrtc.ice;

import java.time.Duration;
import java.util.Objects;

/**
 * Agent configuration; start from {@link #defaults()} and change with the {@code with*} methods.
 *
 * @param role                 initial role; may change through role conflicts (RFC 8445 §7.3.1.1)
 * @param ta                   pacing of new checks, Ta (RFC 8445 §14.2; default 50 ms)
 * @param minRto               lower bound of a check's first retransmission timeout (RFC 8445 §14.3; 500 ms)
 * @param maxCheckAttempts     requests sent per check before it fails (Rc of RFC 8489 §6.2.1; 7)
 * @param lastWaitFactor       after the last request, wait this many RTOs (Rm of RFC 8489 §6.2.1; 16)
 * @param maxRto               cap of the doubled RTO (RFC 8489 §6.2.1 allows a cap; 8 s)
 * @param maxPairs             checklist size limit (RFC 8445 §6.1.2.5; 100)
 * @param nominationDelay      controlling agent: how long after the first valid pair it still waits for
 *                             higher-priority pairs before it nominates the best valid pair (RFC 8445 §8.1.1)
 * @param keepaliveInterval    Tr: a Binding indication on the selected pair when nothing was sent for this long
 *                             (RFC 8445 §11; 15 s)
 * @param consentFreshness     whether consent checks (RFC 7675) run on the selected pair
 * @param consentInterval      base period of consent checks, randomized ×0.8..1.2 (RFC 7675 §5.1; 5 s, ≥ 4 s)
 * @param consentTimeout       consent expires without an authenticated response for this long (RFC 7675 §5.1; 30 s)
 * @param disconnectedTimeout  state goes {@link IceConnectionState#DISCONNECTED} without a response for this long
 * @param componentId          the one component this agent serves (1: WebRTC uses rtcp-mux and BUNDLE)
 * @param lite                 ICE-lite (RFC 8445 §2.5, §8.2): never controlling, sends no checks, answers checks and
 *                             selects the pair the peer nominates (signal {@code a=ice-lite})
 * @param renomination         controlling: keep checking after the first nomination and nominate a better pair when
 *                             one becomes valid (the controlled side always takes the highest nominated pair)
 */
public record IceConfig(IceRole role, Duration ta, Duration minRto, int maxCheckAttempts, int lastWaitFactor,
                        Duration maxRto, int maxPairs, Duration nominationDelay, Duration keepaliveInterval,
                        boolean consentFreshness, Duration consentInterval, Duration consentTimeout,
                        Duration disconnectedTimeout, int componentId, boolean lite, boolean renomination) {

    public IceConfig {
        Objects.requireNonNull(role, "role");
        requirePositive(ta, "ta");
        requirePositive(minRto, "minRto");
        requirePositive(maxRto, "maxRto");
        if (nominationDelay.isNegative()) {
            throw new IllegalArgumentException("nominationDelay must not be negative");
        }
        requirePositive(keepaliveInterval, "keepaliveInterval");
        requirePositive(consentInterval, "consentInterval");
        requirePositive(consentTimeout, "consentTimeout");
        requirePositive(disconnectedTimeout, "disconnectedTimeout");
        if (maxCheckAttempts < 1 || lastWaitFactor < 1 || maxPairs < 1) {
            throw new IllegalArgumentException("maxCheckAttempts, lastWaitFactor and maxPairs must be >= 1");
        }
        if (consentInterval.compareTo(Duration.ofSeconds(5)) < 0) {
            // RFC 7675 §5.1: the randomized period (×0.8..1.2) MUST NOT be below 4 s.
            throw new IllegalArgumentException("consentInterval must be >= 5 s (RFC 7675 §5.1)");
        }
        if (componentId < 1 || componentId > 256) {
            throw new IllegalArgumentException("component id out of 1..256");
        }
        if (lite && role == IceRole.CONTROLLING) {
            role = IceRole.CONTROLLED; // RFC 8445 §6.1.1: a lite agent is never controlling
        }
    }

    /** RFC defaults, controlling role. */
    public static IceConfig defaults() {
        return new IceConfig(IceRole.CONTROLLING, Duration.ofMillis(50), Duration.ofMillis(500), 7, 16,
                Duration.ofSeconds(8), 100, Duration.ofSeconds(1), Duration.ofSeconds(15), true,
                Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(10), 1, false, false);
    }

    public IceConfig withRole(IceRole r) {
        return new IceConfig(r, ta, minRto, maxCheckAttempts, lastWaitFactor, maxRto, maxPairs, nominationDelay,
                keepaliveInterval, consentFreshness, consentInterval, consentTimeout, disconnectedTimeout,
                componentId, lite, renomination);
    }

    public IceConfig withTa(Duration d) {
        return new IceConfig(role, d, minRto, maxCheckAttempts, lastWaitFactor, maxRto, maxPairs, nominationDelay,
                keepaliveInterval, consentFreshness, consentInterval, consentTimeout, disconnectedTimeout,
                componentId, lite, renomination);
    }

    public IceConfig withRetransmission(Duration minRtoValue, int attempts, int lastWait, Duration maxRtoValue) {
        return new IceConfig(role, ta, minRtoValue, attempts, lastWait, maxRtoValue, maxPairs, nominationDelay,
                keepaliveInterval, consentFreshness, consentInterval, consentTimeout, disconnectedTimeout,
                componentId, lite, renomination);
    }

    public IceConfig withMaxPairs(int n) {
        return new IceConfig(role, ta, minRto, maxCheckAttempts, lastWaitFactor, maxRto, n, nominationDelay,
                keepaliveInterval, consentFreshness, consentInterval, consentTimeout, disconnectedTimeout,
                componentId, lite, renomination);
    }

    public IceConfig withNominationDelay(Duration d) {
        return new IceConfig(role, ta, minRto, maxCheckAttempts, lastWaitFactor, maxRto, maxPairs, d,
                keepaliveInterval, consentFreshness, consentInterval, consentTimeout, disconnectedTimeout,
                componentId, lite, renomination);
    }

    public IceConfig withKeepaliveInterval(Duration d) {
        return new IceConfig(role, ta, minRto, maxCheckAttempts, lastWaitFactor, maxRto, maxPairs, nominationDelay,
                d, consentFreshness, consentInterval, consentTimeout, disconnectedTimeout, componentId, lite,
                renomination);
    }

    public IceConfig withConsent(boolean enabled, Duration interval, Duration timeout, Duration disconnectedAfter) {
        return new IceConfig(role, ta, minRto, maxCheckAttempts, lastWaitFactor, maxRto, maxPairs, nominationDelay,
                keepaliveInterval, enabled, interval, timeout, disconnectedAfter, componentId, lite, renomination);
    }

    public IceConfig withComponentId(int id) {
        return new IceConfig(role, ta, minRto, maxCheckAttempts, lastWaitFactor, maxRto, maxPairs, nominationDelay,
                keepaliveInterval, consentFreshness, consentInterval, consentTimeout, disconnectedTimeout, id, lite,
                renomination);
    }

    /** ICE-lite (RFC 8445 §2.5): forces the controlled role. */
    public IceConfig withLite(boolean enabled) {
        return new IceConfig(enabled ? IceRole.CONTROLLED : role, ta, minRto, maxCheckAttempts, lastWaitFactor, maxRto,
                maxPairs, nominationDelay, keepaliveInterval, consentFreshness, consentInterval, consentTimeout,
                disconnectedTimeout, componentId, enabled, renomination);
    }

    /** Controlling: re-nominate a better pair after the first selection. */
    public IceConfig withRenomination(boolean enabled) {
        return new IceConfig(role, ta, minRto, maxCheckAttempts, lastWaitFactor, maxRto, maxPairs, nominationDelay,
                keepaliveInterval, consentFreshness, consentInterval, consentTimeout, disconnectedTimeout, componentId,
                lite, enabled);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
