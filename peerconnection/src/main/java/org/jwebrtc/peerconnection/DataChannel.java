package org.jwebrtc.peerconnection;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.jwebrtc.sctp.DataChannelInit;

/**
 * RTCDataChannel (W3C webrtc §6.2) over SCTP/DCEP. {@link #send} may be called from any thread: the message is
 * handed to the connection's loop through its bounded command queue; false means back-pressure (queue full,
 * {@link PeerLimits#MAX_BUFFERED_AMOUNT} reached, or channel not open), never a silent drop. Events arrive on the
 * loop thread.
 */
public final class DataChannel {
    public enum State { CONNECTING, OPEN, CLOSING, CLOSED }

    private final PeerConnection owner;
    private final DataChannelInit init;
    volatile int id = -1;
    private volatile State state = State.CONNECTING;
    private volatile DataChannelListener listener = (c, b, d) -> { };
    /** Bytes handed to send() and not yet taken by SCTP, plus SCTP's own buffered amount (loop snapshot). */
    final AtomicLong queuedBytes = new AtomicLong();
    volatile long sctpBuffered;
    volatile long bufferedAmountLowThreshold;

    DataChannel(PeerConnection owner, DataChannelInit init) {
        this.owner = owner;
        this.init = init;
    }

    public String label() {
        return init.label();
    }

    public DataChannelInit init() {
        return init;
    }

    /** The SCTP stream id, or -1 until the SCTP association is up. */
    public int id() {
        return id;
    }

    public State state() {
        return state;
    }

    public void setListener(DataChannelListener l) {
        this.listener = l;
    }

    DataChannelListener listener() {
        return listener;
    }

    void state(State s) {
        this.state = s;
    }

    public boolean send(String text) {
        return send(false, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a binary message; the array is owned by the channel afterwards. */
    public boolean send(byte[] data) {
        return send(true, data);
    }

    /**
     * @throws IllegalArgumentException if the message is larger than the negotiated max-message-size (W3C webrtc
     *                                  §6.2 send(): TypeError), which no retry can fix
     */
    private boolean send(boolean binary, byte[] data) {
        if (state != State.OPEN) {
            return false;
        }
        long max = owner.maxSendMessageSize;
        if (data.length > max) {
            throw new IllegalArgumentException("message of " + data.length + " bytes exceeds the max-message-size "
                    + max + " (RFC 8841 §6)");
        }
        // bounded: a peer that stops reading makes send() report back-pressure, not grow the queue (PeerLimits)
        if (queuedBytes.addAndGet(data.length) + sctpBuffered > PeerLimits.MAX_BUFFERED_AMOUNT) {
            queuedBytes.addAndGet(-data.length);
            return false;
        }
        if (!owner.submitSend(this, binary, data)) {
            queuedBytes.addAndGet(-data.length);
            return false;
        }
        return true;
    }

    /** W3C bufferedAmount: bytes accepted by send() that SCTP has not yet had acknowledged. */
    public long bufferedAmount() {
        return queuedBytes.get() + sctpBuffered;
    }

    public long bufferedAmountLowThreshold() {
        return bufferedAmountLowThreshold;
    }

    public void setBufferedAmountLowThreshold(long bytes) {
        bufferedAmountLowThreshold = bytes;
        owner.submit(() -> owner.applyThreshold(this));
    }

    /** Closes the channel: an SCTP stream reset in both directions (RFC 8831 §6.7). */
    public void close() {
        if (state == State.CLOSED || state == State.CLOSING) {
            return;
        }
        state = State.CLOSING;
        owner.submit(() -> owner.closeChannel(this));
    }

    @Override
    public String toString() {
        return "DataChannel[" + init.label() + ", id=" + id + ", " + state + "]";
    }
}
