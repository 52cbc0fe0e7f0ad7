package org.jwebrtc.ice.internal;

import java.util.random.RandomGenerator;
import org.jwebrtc.ice.IceConfig;

/**
 * Timers of the selected pair: consent freshness (RFC 7675 §5.1) and keepalives (RFC 8445 §11). Time is the
 * caller's {@code nowNanos}; nothing here sends anything. Not thread-safe.
 */
public final class ConsentFreshness {
    private final boolean enabled;
    private final long interval;
    private final long timeout;
    private final long disconnectedAfter;
    private final long keepalive;
    private final RandomGenerator random;
    private long lastResponseAt;
    private long nextCheckAt;
    private long lastSentAt;

    public ConsentFreshness(IceConfig config, RandomGenerator random) {
        this.enabled = config.consentFreshness();
        this.interval = config.consentInterval().toNanos();
        this.timeout = config.consentTimeout().toNanos();
        this.disconnectedAfter = config.disconnectedTimeout().toNanos();
        this.keepalive = config.keepaliveInterval().toNanos();
        this.random = random;
    }

    /** A pair was selected at {@code now}: its successful check is the first consent. */
    public void start(long now) {
        lastResponseAt = now;
        lastSentAt = now;
        nextCheckAt = now + jitteredInterval();
    }

    /** An authenticated success response arrived on the selected pair (RFC 7675 §5.1). */
    public void responseReceived(long now) {
        lastResponseAt = now;
    }

    /** Something was sent on the selected 5-tuple (resets the keepalive timer, RFC 8445 §11). */
    public void sent(long now) {
        lastSentAt = now;
    }

    public boolean enabled() {
        return enabled;
    }

    /** RFC 7675 §5.1: no response for 30 s. */
    public boolean expired(long now) {
        return enabled && now - (lastResponseAt + timeout) >= 0;
    }

    /** No response for the disconnected timeout: worth telling the application, not yet fatal. */
    public boolean silent(long now) {
        return enabled && now - (lastResponseAt + disconnectedAfter) >= 0;
    }

    /** A consent check is due; call {@link #checkSent} after sending it. */
    public boolean checkDue(long now) {
        return enabled && now - nextCheckAt >= 0;
    }

    public void checkSent(long now) {
        nextCheckAt = now + jitteredInterval();
    }

    /** How long a consent request waits for its response: one base period (each is sent once, RFC 7675 §5.1). */
    public long responseWait() {
        return interval;
    }

    public boolean keepaliveDue(long now) {
        return now - (lastSentAt + keepalive) >= 0;
    }

    /** Earliest of the timers; {@code disconnected} drops the already-passed silence deadline. */
    public long deadline(boolean disconnected) {
        long t = lastSentAt + keepalive;
        if (enabled) {
            t = earlier(t, nextCheckAt);
            t = earlier(t, lastResponseAt + timeout);
            if (!disconnected) {
                t = earlier(t, lastResponseAt + disconnectedAfter);
            }
        }
        return t;
    }

    private long jitteredInterval() {
        // RFC 7675 §5.1: each period randomized between 0.8 and 1.2 times the base.
        return (long) (interval * (0.8 + 0.4 * random.nextDouble()));
    }

    private static long earlier(long a, long b) {
        return b - a < 0 ? b : a;
    }
}
