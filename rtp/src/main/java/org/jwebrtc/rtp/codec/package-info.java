/**
 * RTP payload formats: {@link org.jwebrtc.rtp.codec.Packetizer} and {@link org.jwebrtc.rtp.codec.Depacketizer}
 * for H.264 (RFC 6184), H.265 (RFC 7798), VP8 (RFC 7741), VP9 (RFC 9628), AV1 (AOMedia), Opus (RFC 7587)
 * and G.711 (RFC 3551).
 */
package org.jwebrtc.rtp.codec;
