package org.jwebrtc.stun;

import java.util.ArrayDeque;
import java.util.Objects;

/**
 * One sans-IO STUN client transaction (RFC 8489 §6.2): sends the request, retransmits on the
 * caller's clock (RTO doubling, Rc sends, then Rm·RTO; or a single Ti on reliable transports),
 * matches the response by transaction ID and, when given a key, accepts it only if its
 * integrity verifies (§9.1.4: otherwise discard as if never received).
 *
 * <p>Contract: after {@link #start}, {@link #handleInput} or {@link #handleTimeout}, drain
 * {@link #pollTransmit} and {@link #pollEvent} until null, then wake at {@link #pollTimeout}.
 * Not thread-safe; owned by one thread.
 */
public final class StunClientTransaction {
    private final TransactionId id;
    private final int method;
    private final byte[] request;
    private final byte[] responseKey;
    private final StunTransactionConfig config;
    private final StunView view = new StunView();
    private final ArrayDeque<StunTransactionEvent> events = new ArrayDeque<>(1);
    private boolean started;
    private boolean done;
    private int pendingTransmits;
    private int sends;
    private long intervalNanos;
    private long deadline = Long.MAX_VALUE;
    private long dropped;

    /**
     * @param request the encoded request (copied)
     * @param responseKey key responses must authenticate with, or null to accept any response
     *        with our transaction ID (e.g. before a long-term 401 challenge)
     */
    public StunClientTransaction(byte[] request, int off, int len, byte[] responseKey, StunTransactionConfig config) {
        Objects.checkFromIndexSize(off, len, request.length);
        if (!StunMessage.isStun(request, off, len)
                || StunClass.ofMessageType(((request[off] & 0xFF) << 8) | (request[off + 1] & 0xFF)) != StunClass.REQUEST) {
            throw new IllegalArgumentException("not an encoded STUN request");
        }
        this.request = java.util.Arrays.copyOfRange(request, off, off + len);
        this.id = TransactionId.read(this.request, 8);
        this.method = StunMethod.ofMessageType(((request[off] & 0xFF) << 8) | (request[off + 1] & 0xFF));
        this.responseKey = responseKey == null ? null : responseKey.clone();
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * Encodes {@code request} with MESSAGE-INTEGRITY under {@code key} (if non-null) and FINGERPRINT
     * (if asked); responses must then authenticate with the same key.
     */
    public static StunClientTransaction of(StunMessage request, byte[] key, boolean fingerprint,
                                           StunTransactionConfig config) {
        byte[] b = request.toBytes(key, fingerprint);
        return new StunClientTransaction(b, 0, b.length, key, config);
    }

    public TransactionId transactionId() {
        return id;
    }

    /** Sends the first request now. */
    public void start(long nowNanos) {
        if (started) {
            throw new IllegalStateException("already started");
        }
        started = true;
        intervalNanos = config.reliable() ? config.reliableTimeoutNanos() : config.rtoNanos();
        send(nowNanos);
    }

    private void send(long nowNanos) {
        pendingTransmits++;
        sends++;
        if (config.reliable()) {
            deadline = nowNanos + config.reliableTimeoutNanos(); // §6.2.2: Ti, no retransmission
        } else if (sends >= config.rc()) {
            deadline = nowNanos + config.rm() * config.rtoNanos(); // §6.2.1: Rm·RTO after the last
        } else {
            deadline = nowNanos + intervalNanos;
            intervalNanos *= 2;
        }
    }

    public void handleTimeout(long nowNanos) {
        if (!started || done || nowNanos - deadline < 0) {
            return;
        }
        if (!config.reliable() && sends < config.rc()) {
            send(nowNanos);
        } else {
            finish(new StunTransactionEvent.Timeout(id));
        }
    }

    /**
     * Feeds a datagram. Returns true when it was a response to this transaction (whether accepted
     * or dropped for failing authentication), false when it belongs to someone else.
     */
    public boolean handleInput(long nowNanos, byte[] buf, int off, int len) {
        if (!StunMessage.isStun(buf, off, len) || !id.matches(buf, off + 8)) {
            return false;
        }
        try {
            view.wrap(buf, off, len);
        } catch (StunException e) {
            dropped++;
            return true;
        }
        if (!view.messageClass().isResponse() || view.method() != method) {
            return false;
        }
        if (done || !started) {
            return true; // a late retransmitted response
        }
        if (responseKey != null && !view.verifyIntegrity(responseKey)) {
            dropped++;
            return true;
        }
        StunMessage response;
        try {
            response = view.toMessage();
        } catch (StunException e) {
            dropped++;
            return true;
        }
        finish(new StunTransactionEvent.Response(id, response));
        return true;
    }

    private void finish(StunTransactionEvent event) {
        done = true;
        pendingTransmits = 0;
        deadline = Long.MAX_VALUE;
        events.add(event);
    }

    /** The request bytes to send (a copy), or null. */
    public byte[] pollTransmit() {
        if (pendingTransmits == 0) {
            return null;
        }
        pendingTransmits--;
        return request.clone();
    }

    public StunTransactionEvent pollEvent() {
        return events.poll();
    }

    /** Absolute deadline in nanos; Long.MAX_VALUE when none. */
    public long pollTimeout() {
        return deadline;
    }

    public boolean isDone() {
        return done;
    }

    /** Requests sent so far (including retransmissions). */
    public int sends() {
        return sends;
    }

    /** Responses with our ID that were malformed or failed integrity. */
    public long droppedResponses() {
        return dropped;
    }
}
