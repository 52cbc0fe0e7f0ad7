package org.jwebrtc.dtls;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jwebrtc.testsupport.Loopback;

/** Runs one {@link DtlsTransport} over a real UDP socket on 127.0.0.1 (the test's edge). */
final class UdpDriver implements AutoCloseable {
    final DatagramSocket socket;
    final List<DtlsEvent> events = new ArrayList<>();
    private final byte[] buf = new byte[65_536];
    private InetSocketAddress peer;
    DtlsTransport transport;

    UdpDriver() throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(Loopback.ipv4(), 0));
        socket.setSoTimeout(5);
    }

    int port() {
        return socket.getLocalPort();
    }

    void connect(InetSocketAddress peer) {
        this.peer = Loopback.require(peer);
    }

    /** Pumps until an event matches; the transport must be set and started. */
    <T extends DtlsEvent> T pumpUntil(Class<T> type, Duration timeout) throws IOException {
        Predicate<DtlsEvent> match = type::isInstance;
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        while (System.nanoTime() - deadline < 0) {
            pumpOnce();
            for (; seen < events.size(); seen++) {
                DtlsEvent e = events.get(seen);
                if (match.test(e)) {
                    return type.cast(e);
                }
                if (e instanceof DtlsEvent.Failed f && type != DtlsEvent.Failed.class) {
                    throw new AssertionError("DTLS failed: " + f.reason());
                }
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " within " + timeout + "; events " + events);
    }

    void pumpOnce() throws IOException {
        byte[] out;
        while (peer != null && (out = transport.pollTransmit()) != null) {
            socket.send(new DatagramPacket(out, out.length, peer));
        }
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        try {
            socket.receive(p);
            if (peer == null) {
                peer = (InetSocketAddress) p.getSocketAddress();   // server: first client wins
            }
            if (p.getSocketAddress().equals(peer)) {
                transport.handleInput(System.nanoTime(), buf, 0, p.getLength());
            }
        } catch (SocketTimeoutException idle) {
            transport.handleTimeout(System.nanoTime());
        }
        while (peer != null && (out = transport.pollTransmit()) != null) {
            socket.send(new DatagramPacket(out, out.length, peer));
        }
        DtlsEvent e;
        while ((e = transport.pollEvent()) != null) {
            events.add(e);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
