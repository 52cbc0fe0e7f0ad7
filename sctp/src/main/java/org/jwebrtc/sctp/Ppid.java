package org.jwebrtc.sctp;

/** Payload Protocol Identifiers used by WebRTC (RFC 8831 §8, RFC 8832 §8.1). */
public final class Ppid {
    private Ppid() {}

    public static final int DCEP = 50;
    public static final int STRING = 51;
    /** Deprecated partial binary (RFC 8831 §8): accepted, never sent. */
    public static final int BINARY_PARTIAL = 52;
    public static final int BINARY = 53;
    /** Deprecated partial string: accepted, never sent. */
    public static final int STRING_PARTIAL = 54;
    /** Empty messages travel as one 0x00 byte with these (RFC 8831 §6.6). */
    public static final int STRING_EMPTY = 56;
    public static final int BINARY_EMPTY = 57;
}
