package org.jwebrtc.srtp.internal;

/**
 * Per-SSRC SRTP state: the highest authenticated packet index (ROC || s_l, RFC 3711 §3.3.1) and
 * the replay window over indices. Not thread-safe.
 */
public final class RtpStream {
    private final ReplayWindow window;

    public RtpStream(int replayWindowSize) {
        this.window = new ReplayWindow(replayWindowSize);
    }

    /**
     * RFC 3711 Appendix A: guess the 48-bit index of a packet carrying {@code seq} from ROC and the
     * highest sequence number s_l. A new stream starts at ROC 0 with s_l = seq. May return a
     * negative index (ROC - 1 with ROC = 0): a packet from before the stream began.
     */
    public long estimateIndex(int seq) {
        long highest = window.highest();
        if (highest < 0) {
            return seq;
        }
        long roc = highest >>> 16;
        int sl = (int) (highest & 0xffff);
        long v;
        if (sl < 32768) {
            v = seq - sl > 32768 ? roc - 1 : roc;
        } else {
            v = sl - 32768 > seq ? roc + 1 : roc;
        }
        return (v << 16) | seq;
    }

    public boolean isReplayed(long index) {
        return window.isReplayed(index);
    }

    /** After authentication: updates ROC/s_l (when index is the new highest) and the window. */
    public void commit(long index) {
        window.commit(index);
    }

    /** Rollover counter of the highest index seen (0 for a new stream). */
    public long rolloverCounter() {
        long h = window.highest();
        return h < 0 ? 0 : h >>> 16;
    }
}
