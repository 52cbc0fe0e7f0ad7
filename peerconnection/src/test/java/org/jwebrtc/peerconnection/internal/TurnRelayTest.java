package org.jwebrtc.peerconnection.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.jwebrtc.ice.Candidate;
import org.jwebrtc.ice.CandidateType;
import org.jwebrtc.turn.TurnServer;
import org.jwebrtc.turn.TurnServerConfig;
import org.junit.jupiter.api.Test;

/**
 * {@link TurnRelay} against our TURN server on loopback, driven by hand from one socket: allocation → relay
 * candidate, data held until its permission is confirmed (RFC 8656 §9), Data indications delivered with the relayed
 * address as local, ChannelData both ways after a ChannelBind (§11-§12), deallocation on close (§8).
 */
class TurnRelayTest {
    record Delivery(InetSocketAddress local, InetSocketAddress peer, String text) {}

    final List<byte[]> toServer = new CopyOnWriteArrayList<>();
    final List<Delivery> delivered = new CopyOnWriteArrayList<>();
    final List<Optional<Candidate>> gathered = new CopyOnWriteArrayList<>();

    @Test
    void allocatesPermitsRelaysBothWaysBindsAChannelAndDeallocates() throws Exception {
        InetAddress lo = InetAddress.getLoopbackAddress();
        try (TurnServer server = TurnServer.start(TurnServerConfig.builder("r").user("u", "p").allowLoopbackPeers(true)
                        .relayAddress(lo).build(), new InetSocketAddress(lo, 0));
             DatagramSocket socket = new DatagramSocket(new InetSocketAddress(lo, 0));
             DatagramSocket peer = new DatagramSocket(new InetSocketAddress(lo, 0))) {
            socket.setSoTimeout(20);
            peer.setSoTimeout(20);
            TurnRelay relay = new TurnRelay((InetSocketAddress) socket.getLocalSocketAddress(), server.udpAddress(),
                    "u", "p", 65_535, new SecureRandom(), System::nanoTime, new TurnRelay.Sink() {
                        @Override
                        public void toServer(InetSocketAddress local, InetSocketAddress to, byte[] data) {
                            toServer.add(data);
                            try {
                                socket.send(new DatagramPacket(data, data.length, to));
                            } catch (java.io.IOException e) {
                                throw new AssertionError(e);
                            }
                        }

                        @Override
                        public void fromPeer(long now, InetSocketAddress relayed, InetSocketAddress from, byte[] buf,
                                             int off, int len) {
                            delivered.add(new Delivery(relayed, from,
                                    new String(buf, off, len, StandardCharsets.UTF_8)));
                        }

                        @Override
                        public void gathered(TurnRelay r, Optional<Candidate> candidate) {
                            gathered.add(candidate);
                        }
                    });
            relay.start(System.nanoTime());
            pump(socket, relay, () -> !gathered.isEmpty());
            Candidate c = gathered.get(0).orElseThrow();
            assertThat(c.type()).isEqualTo(CandidateType.RELAYED);
            assertThat(c.toSdp()).contains(" typ relay raddr 127.0.0.1 rport " + socket.getLocalPort());
            InetSocketAddress relayed = relay.relayedAddress().orElseThrow();

            InetSocketAddress peerAddress = (InetSocketAddress) peer.getLocalSocketAddress();
            relay.send(peerAddress, "hello".getBytes(StandardCharsets.UTF_8));   // waits for the permission
            assertThat(relay.sent()).isZero();
            byte[] buf = new byte[1500];
            DatagramPacket in = new DatagramPacket(buf, buf.length);
            pump(socket, relay, () -> receive(peer, in));
            assertThat(new String(buf, 0, in.getLength(), StandardCharsets.UTF_8)).isEqualTo("hello");
            assertThat(in.getSocketAddress()).isEqualTo(relayed);

            peer.send(new DatagramPacket("back".getBytes(StandardCharsets.UTF_8), 4, relayed));
            pump(socket, relay, () -> !delivered.isEmpty());
            assertThat(delivered.get(0)).isEqualTo(new Delivery(relayed, peerAddress, "back"));

            relay.bindChannel(System.nanoTime(), peerAddress);
            long deadline = System.nanoTime() + 2_000_000_000L;
            while (System.nanoTime() < deadline) {   // until a send goes out as ChannelData (0x40-0x4F, RFC 7983)
                pump(socket, relay, () -> true);
                toServer.clear();
                relay.send(peerAddress, "chan".getBytes(StandardCharsets.UTF_8));
                if ((toServer.get(0)[0] & 0xF0) == 0x40) {
                    break;
                }
                pump(socket, relay, () -> receive(peer, in));
            }
            assertThat(toServer.get(0)[0] & 0xF0).isEqualTo(0x40);
            pump(socket, relay, () -> receive(peer, in));
            assertThat(new String(buf, 0, in.getLength(), StandardCharsets.UTF_8)).isEqualTo("chan");
            peer.send(new DatagramPacket("back2".getBytes(StandardCharsets.UTF_8), 5, relayed));
            pump(socket, relay, () -> delivered.stream().anyMatch(d -> d.text().equals("back2")));
            assertThat(relay.received()).isGreaterThanOrEqualTo(2);

            relay.close(System.nanoTime());
            pump(socket, relay, () -> server.stats().activeAllocations() == 0);
            assertThat(server.stats().activeAllocations()).isZero();
        }
    }

    @Test
    void aRefusedPermissionHoldsNothingAndIsAskedForAgainOnTheNextSend() throws Exception {
        InetAddress lo = InetAddress.getLoopbackAddress();
        try (TurnServer server = TurnServer.start(TurnServerConfig.builder("r").user("u", "p")
                        .allowLoopbackPeers(false).relayAddress(lo).build(), new InetSocketAddress(lo, 0));
             DatagramSocket socket = new DatagramSocket(new InetSocketAddress(lo, 0))) {
            socket.setSoTimeout(20);
            TurnRelay relay = new TurnRelay((InetSocketAddress) socket.getLocalSocketAddress(), server.udpAddress(),
                    "u", "p", 65_535, new SecureRandom(), System::nanoTime, new TurnRelay.Sink() {
                        @Override
                        public void toServer(InetSocketAddress local, InetSocketAddress to, byte[] data) {
                            try {
                                socket.send(new DatagramPacket(data, data.length, to));
                            } catch (java.io.IOException e) {
                                throw new AssertionError(e);
                            }
                        }

                        @Override
                        public void fromPeer(long now, InetSocketAddress relayed, InetSocketAddress from, byte[] buf,
                                             int off, int len) {
                            delivered.add(new Delivery(relayed, from, "?"));
                        }

                        @Override
                        public void gathered(TurnRelay r, Optional<Candidate> candidate) {
                            gathered.add(candidate);
                        }
                    });
            relay.start(System.nanoTime());
            pump(socket, relay, () -> !gathered.isEmpty());
            assertThat(gathered.get(0)).isPresent();
            InetSocketAddress loopbackPeer = new InetSocketAddress(lo, 9);
            relay.send(loopbackPeer, new byte[] {1});
            pump(socket, relay, () -> server.stats().forbiddenPeers() >= 1);
            assertThat(server.stats().forbiddenPeers()).isEqualTo(1);
            relay.send(loopbackPeer, new byte[] {2});   // asked again, refused again, still nothing relayed
            pump(socket, relay, () -> server.stats().forbiddenPeers() >= 2);
            assertThat(server.stats().forbiddenPeers()).isEqualTo(2);
            assertThat(relay.sent()).isZero();
            assertThat(server.stats().relayedToPeers()).isZero();
        }
    }

    private static boolean receive(DatagramSocket s, DatagramPacket p) {
        try {
            p.setLength(p.getData().length);
            s.receive(p);
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Feeds the relay what its socket receives and fires its timers until {@code done} (at most 5 s). */
    private static void pump(DatagramSocket socket, TurnRelay relay, BooleanSupplier done) {
        byte[] buf = new byte[2048];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (receive(socket, p)) {
                relay.handleInput(System.nanoTime(), buf, 0, p.getLength());
            }
            long due = relay.pollTimeout();
            if (due != Long.MAX_VALUE && due - System.nanoTime() <= 0) {
                relay.handleTimeout(System.nanoTime());
            }
            if (done.getAsBoolean()) {
                return;
            }
        }
    }
}
