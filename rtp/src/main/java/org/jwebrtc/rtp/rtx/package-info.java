/**
 * Retransmission (RFC 4588): the sender's {@link org.jwebrtc.rtp.rtx.RtpPacketHistory} and
 * {@link org.jwebrtc.rtp.rtx.RtxEncoder}, the receiver's {@link org.jwebrtc.rtp.rtx.RtxDecoder}.
 */
package org.jwebrtc.rtp.rtx;
