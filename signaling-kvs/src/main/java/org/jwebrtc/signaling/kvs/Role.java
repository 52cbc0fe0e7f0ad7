package org.jwebrtc.signaling.kvs;

/** KVS signaling roles: one master (the camera) per channel and up to ten viewers. */
public enum Role {
    MASTER,
    VIEWER
}
