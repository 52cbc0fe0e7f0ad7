/**
 * RTCP (RFC 3550 §6, RFC 4585, RFC 5104, RFC 3611, REMB, transport-wide CC): a sealed
 * {@link org.jwebrtc.rtp.rtcp.RtcpPacket} hierarchy of records parsed from and encoded to compound
 * datagrams by {@link org.jwebrtc.rtp.rtcp.RtcpCompound}.
 */
package org.jwebrtc.rtp.rtcp;
