package org.jwebrtc.ice.netns;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.jwebrtc.stun.StunBindingResponder;

/** A plain STUN Binding server on a real socket, for {@link NatNamespaceIT}. Arguments: {@code ip port}. */
public final class NetnsStunServer {
    private NetnsStunServer() {
    }

    public static void main(String[] args) throws Exception {
        StunBindingResponder responder = StunBindingResponder.open("jwebrtc-netns");
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(args[0]),
                Integer.parseInt(args[1])))) {
            // Warm up (class loading, JIT of the codec) before the peers' first requests arrive.
            byte[] warm = org.jwebrtc.stun.StunMessage.of(org.jwebrtc.stun.StunClass.REQUEST,
                    org.jwebrtc.stun.StunMethod.BINDING, org.jwebrtc.stun.TransactionId.random(new java.util.Random()))
                    .toBytes(null, true);
            for (int i = 0; i < 1000; i++) {
                responder.respond(warm, 0, warm.length, new InetSocketAddress("198.18.0.1", 1));
            }
            System.out.println("READY");
            byte[] buf = new byte[2048];
            while (true) {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                socket.receive(p);
                InetSocketAddress from = (InetSocketAddress) p.getSocketAddress();
                byte[] response = responder.respond(buf, 0, p.getLength(), from);
                if (response != null) {
                    socket.send(new DatagramPacket(response, response.length, from));
                }
            }
        }
    }
}
