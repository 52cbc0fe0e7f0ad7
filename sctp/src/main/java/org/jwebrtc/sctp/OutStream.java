package org.jwebrtc.sctp;

/** Per-stream send state: next SSN, buffered bytes, stream-reset progress. */
final class OutStream {
    final int id;
    int nextSsn;
    long buffered;
    long lowThreshold;
    int pendingChunks;
    boolean resetting;

    OutStream(int id) {
        this.id = id;
    }
}
