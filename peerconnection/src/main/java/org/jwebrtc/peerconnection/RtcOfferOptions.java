package org.jwebrtc.peerconnection;

/**
 * RTCOfferOptions (W3C webrtc §4.2.7): {@code iceRestart} gives the offer a new ufrag and password (RFC 8445 §9);
 * once it is set as the local description, checks start over while data keeps flowing on the selected pair.
 */
public record RtcOfferOptions(boolean iceRestart) {
    public static final RtcOfferOptions DEFAULT = new RtcOfferOptions(false);
    public static final RtcOfferOptions ICE_RESTART = new RtcOfferOptions(true);
}
