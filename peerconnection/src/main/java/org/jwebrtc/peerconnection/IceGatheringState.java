package org.jwebrtc.peerconnection;

/** RTCIceGatheringState (W3C webrtc §4.3.1). */
public enum IceGatheringState { NEW, GATHERING, COMPLETE }
