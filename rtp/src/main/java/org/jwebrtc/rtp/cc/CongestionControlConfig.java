package org.jwebrtc.rtp.cc;

/**
 * Settings of a {@link GoogCcController}.
 *
 * @param startBitrateBps target before any feedback
 * @param minBitrateBps the estimate never goes below
 * @param maxBitrateBps the estimate never goes above (and probing stops there)
 * @param pacingFactor the pacer runs this much faster than the target (libwebrtc: 2.5)
 */
public record CongestionControlConfig(long startBitrateBps, long minBitrateBps, long maxBitrateBps,
                                      double pacingFactor) {
    public CongestionControlConfig {
        if (minBitrateBps <= 0 || startBitrateBps < minBitrateBps || maxBitrateBps < startBitrateBps) {
            throw new IllegalArgumentException("need 0 < min <= start <= max");
        }
        if (pacingFactor < 1) {
            throw new IllegalArgumentException("pacingFactor " + pacingFactor);
        }
    }

    /** 300 kbps start, 30 kbps .. 20 Mbps, pacing 2.5x. */
    public static CongestionControlConfig defaults() {
        return new CongestionControlConfig(300_000, 30_000, 20_000_000, 2.5);
    }

    public CongestionControlConfig withBitrates(long start, long min, long max) {
        return new CongestionControlConfig(start, min, max, pacingFactor);
    }
}
