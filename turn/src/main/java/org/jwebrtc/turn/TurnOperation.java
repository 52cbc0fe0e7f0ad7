package org.jwebrtc.turn;

/** The TURN client requests (RFC 8656 §7-§11), as reported in {@link TurnEvent.Failed}. */
public enum TurnOperation {
    ALLOCATE, REFRESH, CREATE_PERMISSION, CHANNEL_BIND
}
