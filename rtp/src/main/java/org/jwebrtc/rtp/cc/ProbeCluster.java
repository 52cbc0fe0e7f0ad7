package org.jwebrtc.rtp.cc;

/**
 * A burst the pacer should send at {@code bitrateBps} to measure the path (GoogCC probing): at least
 * {@code minPackets} packets and {@code minBytes} bytes, media if queued, padding otherwise.
 */
public record ProbeCluster(int id, long bitrateBps, int minPackets, int minBytes) {
}
