/**
 * RTP packets (RFC 3550 §5) and header extensions (RFC 8285): the zero-copy {@link org.jwebrtc.rtp.RtpView}
 * for receive paths, {@link org.jwebrtc.rtp.RtpHeader}/{@link org.jwebrtc.rtp.RtpPacket} records that encode
 * into caller buffers, and the one checked {@link org.jwebrtc.rtp.RtpException} of this module.
 */
package org.jwebrtc.rtp;
