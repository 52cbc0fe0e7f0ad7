package org.jwebrtc.dtls.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.tls.DatagramTransport;

/**
 * The bctls {@link DatagramTransport} under a {@code DtlsTransport}: queues instead of a socket.
 *
 * <p>Two modes. While the handshake runs on its executor thread, {@link #receive} blocks on the
 * inbound queue (bctls drives its own retransmission timer with the wait). Once the owner has
 * taken over ({@link #enterCallerMode()}), the owner hands one datagram at a time with
 * {@link #setPending} and {@link #receive} never blocks: with nothing pending it throws
 * {@link #WOULD_BLOCK}, which bctls passes through unchanged (an {@link InterruptedIOException}
 * that is not a {@code SocketTimeoutException} does not fail the record layer), so the owner's
 * call returns at once instead of spinning until bctls's wait expires.
 */
public final class QueueDatagramTransport implements DatagramTransport {
    /** Thrown in caller mode when no datagram is pending. Shared, stackless. */
    public static final InterruptedIOException WOULD_BLOCK = new WouldBlock();

    /** Handshake datagrams may be as large as UDP allows (bctls sizes its buffer by this). */
    private static final int HANDSHAKE_RECEIVE_LIMIT = 65_535;
    private static final int INBOUND_CAPACITY = 128;

    private final int mtu;
    private final Runnable onOutputReady;
    private final BlockingQueue<byte[]> inbound = new ArrayBlockingQueue<>(INBOUND_CAPACITY);
    private final Queue<byte[]> outbound = new ConcurrentLinkedQueue<>();
    private final AtomicLong droppedInbound = new AtomicLong();
    private volatile boolean closed;
    private volatile boolean callerMode;

    private byte[] pendingBuf;
    private int pendingOff;
    private int pendingLen = -1;

    public QueueDatagramTransport(int mtu, Runnable onOutputReady) {
        this.mtu = mtu;
        this.onOutputReady = onOutputReady;
    }

    /** Owner thread, handshake mode: queue a copy for the handshake thread; false if full. */
    public boolean offerInbound(byte[] buf, int off, int len) {
        byte[] copy = new byte[len];
        System.arraycopy(buf, off, copy, 0, len);
        if (!inbound.offer(copy)) {
            droppedInbound.incrementAndGet();
            return false;
        }
        return true;
    }

    /** Owner thread, after the handshake: what the handshake thread left unread. */
    public byte[] pollInbound() {
        return inbound.poll();
    }

    /** Owner thread: the next datagram bctls sent, or null. */
    public byte[] pollOutbound() {
        return outbound.poll();
    }

    /** Owner thread: a datagram of our own (not bctls's) to send, e.g. an alert. */
    public void queueOutbound(byte[] datagram) {
        outbound.add(datagram);
    }

    public boolean hasOutbound() {
        return !outbound.isEmpty();
    }

    /** From now on the owner thread drives bctls synchronously. */
    public void enterCallerMode() {
        callerMode = true;
    }

    /** Caller mode: the one datagram the next {@link #receive} returns (not copied). */
    public void setPending(byte[] buf, int off, int len) {
        pendingBuf = buf;
        pendingOff = off;
        pendingLen = len;
    }

    /** Caller mode: a datagram was set and not yet read by bctls. */
    public boolean hasPending() {
        return pendingLen >= 0;
    }

    public void clearPending() {
        pendingBuf = null;
        pendingLen = -1;
    }

    public boolean isClosed() {
        return closed;
    }

    public long droppedInbound() {
        return droppedInbound.get();
    }

    @Override
    public int getReceiveLimit() {
        // Caller mode: bctls allocates a record buffer of this size per receive call, so size it
        // to the datagram at hand rather than to the largest possible one.
        return callerMode ? Math.max(mtu, pendingLen) : HANDSHAKE_RECEIVE_LIMIT;
    }

    @Override
    public int getSendLimit() {
        return mtu;
    }

    @Override
    public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
        if (closed) {
            throw new IOException("DTLS transport closed");
        }
        if (callerMode) {
            if (pendingLen < 0) {
                throw WOULD_BLOCK;
            }
            int n = Math.min(len, pendingLen);
            System.arraycopy(pendingBuf, pendingOff, buf, off, n);
            clearPending();
            return n;
        }
        byte[] d;
        try {
            d = inbound.poll(Math.max(1, waitMillis), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("DTLS handshake interrupted");
        }
        if (closed) {
            throw new IOException("DTLS transport closed");
        }
        if (d == null) {
            return -1;
        }
        int n = Math.min(len, d.length);
        System.arraycopy(d, 0, buf, off, n);
        return n;
    }

    @Override
    public void send(byte[] buf, int off, int len) throws IOException {
        if (closed) {
            return;   // bctls may still try an alert while tearing down; nobody will read it
        }
        byte[] copy = new byte[len];
        System.arraycopy(buf, off, copy, 0, len);
        outbound.add(copy);
        if (!callerMode) {
            onOutputReady.run();
        }
    }

    @Override
    public void close() {
        closed = true;
        inbound.offer(new byte[0]);   // wake a handshake thread blocked in receive
    }

    private static final class WouldBlock extends InterruptedIOException {
        private static final long serialVersionUID = 1L;

        WouldBlock() {
            super("no datagram pending");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
