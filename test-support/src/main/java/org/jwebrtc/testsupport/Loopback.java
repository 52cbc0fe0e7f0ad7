package org.jwebrtc.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;

/**
 * The network rule in code: tests talk to 127.0.0.0/8 or ::1 only. Every test that sends a packet
 * takes its addresses from here or passes them through {@link #require}.
 */
public final class Loopback {
    private Loopback() {}

    public static InetAddress ipv4() {
        try {
            return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    public static InetAddress ipv6() {
        try {
            return InetAddress.getByName("::1");
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** Fails the test at once if {@code address} is not a loopback address. */
    public static InetSocketAddress require(InetSocketAddress address) {
        if (address.getAddress() == null || !address.getAddress().isLoopbackAddress()) {
            throw new AssertionError("network rule: tests may only use loopback, not " + address);
        }
        return address;
    }

    public static int freeUdpPort() {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(ipv4(), 0))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int freeTcpPort() {
        try (ServerSocket s = new ServerSocket(0, 1, ipv4())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when this process sees no interface but loopback (inside {@code unshare -n}). */
    public static boolean isolated() {
        try {
            return java.net.NetworkInterface.networkInterfaces()
                    .allMatch(i -> {
                        try {
                            return i.isLoopback() || !i.isUp();
                        } catch (java.net.SocketException e) {
                            return false;
                        }
                    });
        } catch (java.net.SocketException e) {
            return false;
        }
    }
}
