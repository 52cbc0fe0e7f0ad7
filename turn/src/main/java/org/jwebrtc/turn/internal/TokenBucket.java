package org.jwebrtc.turn.internal;

/**
 * Bandwidth cap of one allocation: {@code rate} bytes per second with a one-second burst. Time is
 * the caller's monotonic nanos. Not thread-safe.
 */
public final class TokenBucket {
    private final long rate;
    private double tokens;
    private long last;
    private boolean started;

    /** {@code bytesPerSecond} 0 = unlimited. */
    public TokenBucket(long bytesPerSecond) {
        this.rate = bytesPerSecond;
        this.tokens = bytesPerSecond;
    }

    /** Takes {@code bytes} if available; false = over the cap (drop). */
    public boolean tryTake(long nowNanos, int bytes) {
        if (rate == 0) {
            return true;
        }
        if (started) {
            long dt = nowNanos - last;
            if (dt > 0) {
                tokens = Math.min(rate, tokens + dt * (rate / 1e9));
            }
        }
        started = true;
        last = nowNanos;
        if (tokens < bytes) {
            return false;
        }
        tokens -= bytes;
        return true;
    }
}
