package org.jwebrtc.turn;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import org.jwebrtc.testsupport.Loopback;

/** A UDP echo peer on 127.0.0.1 (a thread; test code only). */
final class UdpEcho implements AutoCloseable {
    private final DatagramSocket socket;
    private final Thread thread;

    UdpEcho() throws SocketException {
        socket = new DatagramSocket(new InetSocketAddress(Loopback.ipv4(), 0));
        thread = new Thread(this::run, "udp-echo");
        thread.setDaemon(true);
        thread.start();
    }

    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    private void run() {
        byte[] buf = new byte[65536];
        while (!socket.isClosed()) {
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                socket.receive(p);
                socket.send(new DatagramPacket(p.getData(), p.getOffset(), p.getLength(), p.getSocketAddress()));
            } catch (IOException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        thread.join(2000);
    }
}
