package org.jwebrtc.stun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.jwebrtc.testsupport.ExternalProcess;
import org.jwebrtc.testsupport.Loopback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Our sans-IO client transaction against a real coturn on 127.0.0.1. */
class CoturnInteropIT {
    private static ExternalProcess coturn;
    private static InetSocketAddress server;
    private static Path dir;

    @BeforeAll
    static void startCoturn() throws Exception {
        Path turnserver = ExternalProcess.which("turnserver").orElse(null);
        assumeTrue(turnserver != null, "coturn's turnserver is not installed");
        int port = Loopback.freeUdpPort();
        server = Loopback.require(new InetSocketAddress(Loopback.ipv4(), port));
        dir = Files.createTempDirectory("stun-coturn");
        coturn = ExternalProcess.start("turnserver", List.of(turnserver.toString(), "-n",
                "--listening-ip=127.0.0.1", "--listening-port=" + port, "--relay-ip=127.0.0.1",
                "--no-tls", "--no-dtls", "--no-cli", "--stun-only", "--no-auth",
                "--log-file=stdout", "--simple-log", "--pidfile=" + dir.resolve("turnserver.pid"),
                "--userdb=" + dir.resolve("turndb")));
        // coturn prints no "listening" line for UDP; the general servers are up after this one.
        // The client's retransmissions cover the short gap until the sockets are bound.
        coturn.awaitLine(l -> l.contains("Total General servers"), Duration.ofSeconds(20));
    }

    @AfterAll
    static void stopCoturn() {
        if (coturn != null) {
            coturn.close();
        }
    }

    /** Drives a transaction over a real socket with the JDK clock; returns the event. */
    private static StunTransactionEvent run(StunClientTransaction t, DatagramSocket socket) throws Exception {
        byte[] in = new byte[2048];
        t.start(System.nanoTime());
        while (true) {
            byte[] out;
            while ((out = t.pollTransmit()) != null) {
                socket.send(new DatagramPacket(out, out.length, server));
            }
            StunTransactionEvent e = t.pollEvent();
            if (e != null) {
                return e;
            }
            long waitMs = Math.max(1, (t.pollTimeout() - System.nanoTime()) / 1_000_000);
            socket.setSoTimeout((int) Math.min(waitMs, 1000));
            DatagramPacket p = new DatagramPacket(in, in.length);
            try {
                socket.receive(p);
                t.handleInput(System.nanoTime(), p.getData(), p.getOffset(), p.getLength());
            } catch (SocketTimeoutException timeout) {
                t.handleTimeout(System.nanoTime());
            }
        }
    }

    @Test
    void coturnReturnsOurAddressAsXorMappedAddress() throws Exception {
        for (boolean fingerprint : new boolean[] {false, true}) {
            try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(Loopback.ipv4(), 0))) {
                StunMessage request = StunMessage.of(StunClass.REQUEST, StunMethod.BINDING,
                        TransactionId.random(new SplittableRandom()), new Software("jwebrtc-stun IT"));
                StunClientTransaction t = StunClientTransaction.of(request, null, fingerprint,
                        StunTransactionConfig.unreliable(Duration.ofMillis(200)));
                StunTransactionEvent e = run(t, socket);
                assertThat(e).as("coturn output:\n%s", String.join("\n", coturn.output()))
                        .isInstanceOf(StunTransactionEvent.Response.class);
                StunMessage response = ((StunTransactionEvent.Response) e).message();
                assertThat(response.messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
                assertThat(response.transactionId()).isEqualTo(request.transactionId());
                assertThat(response.attribute(XorMappedAddress.class).orElseThrow().address())
                        .isEqualTo(socket.getLocalSocketAddress());
                assertThat(response.attribute(Software.class)).isPresent(); // coturn names itself
            }
        }
    }

    @Test
    void coturnRejectsAnUnknownComprehensionRequiredAttributeWith420() throws Exception {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(Loopback.ipv4(), 0))) {
            StunMessage request = StunMessage.of(StunClass.REQUEST, StunMethod.BINDING,
                    TransactionId.random(new SplittableRandom()), new RawAttribute(0x7F01, new byte[] {1, 2, 3, 4}));
            StunClientTransaction t = StunClientTransaction.of(request, null, true,
                    StunTransactionConfig.unreliable(Duration.ofMillis(200)));
            StunTransactionEvent e = run(t, socket);
            assertThat(e).isInstanceOf(StunTransactionEvent.Response.class);
            StunMessage response = ((StunTransactionEvent.Response) e).message();
            assertThat(response.messageClass()).isEqualTo(StunClass.ERROR_RESPONSE);
            assertThat(response.attribute(ErrorCode.class).orElseThrow().code()).isEqualTo(420);
            assertThat(response.attribute(UnknownAttributes.class).orElseThrow().types()).contains(0x7F01);
        }
    }
}
