package org.jwebrtc.srtp.internal;

/**
 * Per-SSRC SRTCP state (RFC 3711 §3.4): the next 31-bit SRTCP index to send, and the replay window
 * over received indices. Not thread-safe.
 */
public final class RtcpStream {
    private final ReplayWindow window;
    private int nextIndex;

    public RtcpStream(int replayWindowSize) {
        this.window = new ReplayWindow(replayWindowSize);
    }

    /** Returns the index for the next outgoing packet and advances (mod 2^31). */
    public int nextIndex() {
        int i = nextIndex;
        nextIndex = (nextIndex + 1) & 0x7fffffff;
        return i;
    }

    public void setNextIndex(int index) {
        nextIndex = index & 0x7fffffff;
    }

    public boolean isReplayed(long index) {
        return window.isReplayed(index);
    }

    public void commit(long index) {
        window.commit(index);
    }
}
