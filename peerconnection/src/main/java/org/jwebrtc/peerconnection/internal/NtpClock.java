package org.jwebrtc.peerconnection.internal;

/**
 * NTP timestamps (RFC 3550 §4: seconds since 1900 in 32.32 fixed point) from the loop's monotonic nanoseconds
 * and one wall-clock offset taken at the edge, so the sans-IO media session never reads a clock itself.
 */
public final class NtpClock {
    /** Seconds from 1900-01-01 to 1970-01-01. */
    static final long EPOCH_OFFSET_SECONDS = 2_208_988_800L;
    private final long unixNanosAtZero;

    /** @param unixNanosAtZero wall-clock Unix time in nanoseconds at monotonic time 0 */
    public NtpClock(long unixNanosAtZero) {
        this.unixNanosAtZero = unixNanosAtZero;
    }

    /** For the edge: maps {@code System.nanoTime()} to {@code System.currentTimeMillis()}. */
    public static NtpClock system() {
        return new NtpClock(System.currentTimeMillis() * 1_000_000L - System.nanoTime());
    }

    public long ntp(long nowNanos) {
        long unix = unixNanosAtZero + nowNanos;
        long seconds = Math.floorDiv(unix, 1_000_000_000L) + EPOCH_OFFSET_SECONDS;
        long frac = (Math.floorMod(unix, 1_000_000_000L) << 32) / 1_000_000_000L;
        return (seconds << 32) | frac;
    }

    /** NTP time in nanoseconds since 1900 (abs-send-time is its 6.18 fixed-point low bits). */
    public long ntpNanos(long nowNanos) {
        return unixNanosAtZero + nowNanos + EPOCH_OFFSET_SECONDS * 1_000_000_000L;
    }

    /** The middle 32 bits (RFC 3550 §6.4.1 LSR, and the "now" of the RTT computation). */
    public long compact(long nowNanos) {
        return (ntp(nowNanos) >>> 16) & 0xFFFF_FFFFL;
    }

    /**
     * RFC 3550 §6.4.1: RTT = A - LSR - DLSR, all in 1/65536 s; returns seconds, or -1 when the report carries
     * no LSR yet or the result is negative (clock steps).
     */
    public double roundTripSeconds(long nowNanos, long lsr, long dlsr) {
        if (lsr == 0) {
            return -1;
        }
        long rtt = (compact(nowNanos) - lsr - dlsr) & 0xFFFF_FFFFL;
        if (rtt > 0x7FFF_FFFFL) {
            return -1;
        }
        return rtt / 65_536.0;
    }
}
