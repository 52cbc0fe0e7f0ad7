package org.jwebrtc.peerconnection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jwebrtc.sctp.DataChannelInit;
import org.jwebrtc.stun.StunBindingResponder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Server-reflexive gathering (RFC 8445 §5.1.1.2) on the host sockets: a loopback STUN server that answers as if a
 * NAT had mapped each socket to port + 1000, so the mapping differs from the base and is signalled as
 * {@code typ srflx raddr <host> rport <port>}; the peers still connect (over host) and the STUN responses never
 * reach the ICE agent.
 */
class ServerReflexiveGatheringTest {
    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    /** A STUN server on 127.0.0.1 reporting a NAT-shifted mapped address. */
    static final class NatStunServer implements AutoCloseable {
        final DatagramSocket socket;
        final AtomicInteger answered = new AtomicInteger();
        final Thread thread;

        NatStunServer() throws SocketException {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            StunBindingResponder responder = StunBindingResponder.open("nat-test");
            thread = new Thread(() -> {
                byte[] buf = new byte[1500];
                while (!socket.isClosed()) {
                    try {
                        DatagramPacket p = new DatagramPacket(buf, buf.length);
                        socket.receive(p);
                        InetSocketAddress mapped = new InetSocketAddress(p.getAddress(), (p.getPort() + 1000) % 65_536);
                        byte[] out = responder.respond(buf, 0, p.getLength(), mapped);
                        if (out != null) {
                            socket.send(new DatagramPacket(out, out.length, p.getSocketAddress()));
                            answered.incrementAndGet();
                        }
                    } catch (Exception closed) {
                        return;
                    }
                }
            }, "nat-stun");
            thread.setDaemon(true);
            thread.start();
        }

        String url() {
            return "stun:127.0.0.1:" + socket.getLocalPort();
        }

        @Override
        public void close() {
            socket.close();
        }
    }

    @Test
    void reflexiveCandidatesAreTrickledAndPeersStillConnect() throws Exception {
        NatStunServer stun = new NatStunServer();
        open.add(stun);
        PeerConnectionConfig config = PeerConnectionConfig.loopback()
                .withIceServers(List.of(IceServerConfig.stun(stun.url())));
        TurnRelayDataChannelTest.Events oe = new TurnRelayDataChannelTest.Events();
        TurnRelayDataChannelTest.Events ae = new TurnRelayDataChannelTest.Events();
        PeerConnection offerer = PeerConnection.create(config, oe);
        PeerConnection answerer = PeerConnection.create(config, ae);
        open.add(0, offerer);
        open.add(0, answerer);
        oe.peer = answerer;
        ae.peer = offerer;
        DataChannel local = offerer.createDataChannel(DataChannelInit.reliable("srflx"));
        TurnRelayDataChannelTest.Inbox inbox = new TurnRelayDataChannelTest.Inbox();
        local.setListener(inbox);
        SessionDescriptionInit offer = offerer.createOffer().get(10, TimeUnit.SECONDS);
        offerer.setLocalDescription(offer).get(10, TimeUnit.SECONDS);
        answerer.setRemoteDescription(offer).get(10, TimeUnit.SECONDS);
        SessionDescriptionInit answer = answerer.createAnswer().get(10, TimeUnit.SECONDS);
        answerer.setLocalDescription(answer).get(10, TimeUnit.SECONDS);
        offerer.setRemoteDescription(answer).get(10, TimeUnit.SECONDS);

        assertThat(oe.awaitState(PeerConnectionState.CONNECTED)).isEqualTo(PeerConnectionState.CONNECTED);
        assertThat(inbox.opened.await(20, TimeUnit.SECONDS)).isTrue();
        for (TurnRelayDataChannelTest.Events e : List.of(oe, ae)) {
            assertThat(e.endOfCandidates.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(e.signalled).anySatisfy(c -> assertThat(c).contains(" typ host"));
            assertThat(e.signalled).anySatisfy(c -> assertThat(c).matches(".* typ srflx raddr 127\\.0\\.0\\.1 rport \\d+.*"));
        }
        assertThat(stun.answered.get()).isGreaterThanOrEqualTo(2);
        assertThat(offerer.stats().get(10, TimeUnit.SECONDS).ice().toString()).isNotEmpty();
    }
}
