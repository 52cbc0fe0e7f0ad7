package org.jwebrtc.turn;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.SplittableRandom;
import org.jwebrtc.stun.StunClass;
import org.jwebrtc.stun.StunMessage;
import org.jwebrtc.stun.StunMethod;
import org.jwebrtc.stun.TransactionId;
import org.jwebrtc.stun.XorMappedAddress;
import org.jwebrtc.testsupport.Loopback;
import org.junit.jupiter.api.Test;

class StunServerTest {

    @Test
    void answersABindingRequestWithTheSourceAddress() throws Exception {
        try (StunServer server = StunServer.start(new InetSocketAddress(Loopback.ipv4(), 0));
             DatagramSocket socket = new DatagramSocket(new InetSocketAddress(Loopback.ipv4(), 0))) {
            InetSocketAddress to = Loopback.require(server.localAddress());
            assertThat(to.getPort()).isPositive();
            socket.setSoTimeout(5000);
            StunMessage request = StunMessage.of(StunClass.REQUEST, StunMethod.BINDING,
                    TransactionId.random(new SplittableRandom(1)));
            byte[] b = request.toBytes(null, true);
            socket.send(new DatagramPacket(b, b.length, to));
            socket.send(new DatagramPacket(new byte[] {(byte) 0x80, 0, 0, 1}, 4, to)); // not STUN: dropped
            DatagramPacket p = new DatagramPacket(new byte[1500], 1500);
            socket.receive(p);
            StunMessage response = StunMessage.parse(p.getData(), p.getOffset(), p.getLength());
            assertThat(response.messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
            assertThat(response.transactionId()).isEqualTo(request.transactionId());
            assertThat(response.attribute(XorMappedAddress.class).orElseThrow().address())
                    .isEqualTo(socket.getLocalSocketAddress());
            assertThat(server.stats().successes()).isEqualTo(1);
        }
    }
}
