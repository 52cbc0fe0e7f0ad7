package org.jwebrtc.ice.netns;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jwebrtc.ice.Candidate;
import org.jwebrtc.ice.CandidateGatherer;
import org.jwebrtc.ice.CandidateType;
import org.jwebrtc.ice.GatheringEvent;
import org.jwebrtc.ice.IceAgent;
import org.jwebrtc.ice.IceConfig;
import org.jwebrtc.ice.IceCredentials;
import org.jwebrtc.ice.IceEvent;
import org.jwebrtc.ice.IceRole;
import org.jwebrtc.ice.Transmit;

/**
 * One ICE peer over a real UDP socket, run inside a network namespace by {@link NatNamespaceIT}: the sans-IO
 * gatherer and agent driven by a selector loop on one thread (what {@code peerconnection} does on Netty).
 * Signalling is line-based on stdin/stdout: {@code CREDS ufrag pwd}, {@code CAND <a=candidate value>}, {@code EOC};
 * it reports {@code STATE x}, {@code SELECTED local remote} and {@code DATA text} once the peer's data arrives.
 *
 * <p>Arguments: {@code controlling|controlled bindIp port stunIp:port}.
 */
public final class NetnsPeer {
    private NetnsPeer() {
    }

    public static void main(String[] args) throws Exception {
        IceRole role = args[0].equals("controlling") ? IceRole.CONTROLLING : IceRole.CONTROLLED;
        InetSocketAddress bind = new InetSocketAddress(InetAddress.getByName(args[1]), Integer.parseInt(args[2]));
        String[] stun = args[3].split(":");
        InetSocketAddress stunServer = new InetSocketAddress(InetAddress.getByName(stun[0]), Integer.parseInt(stun[1]));
        SecureRandom random = new SecureRandom();
        // Short retransmission so a hopeless pair fails in seconds, not half a minute.
        IceConfig config = IceConfig.defaults().withRole(role)
                .withRetransmission(Duration.ofMillis(100), 5, 4, Duration.ofMillis(800));
        IceAgent agent = new IceAgent(config, IceCredentials.random(random), random);
        // A generous per-server budget: the STUN server is a cold JVM on a shared, loaded machine.
        CandidateGatherer gatherer = new CandidateGatherer(CandidateGatherer.Config.of(List.of(stunServer))
                .withServerTimeout(Duration.ofSeconds(5)), random);
        ConcurrentLinkedQueue<String> inbox = new ConcurrentLinkedQueue<>();
        Selector selector = Selector.open();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    inbox.add(line);
                    selector.wakeup();
                }
            } catch (Exception e) {
                // stdin closed: the test is done
            }
            System.exit(0);
        });
        reader.setDaemon(true);
        reader.start();
        try (DatagramChannel channel = DatagramChannel.open()) {
            channel.bind(bind);
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_READ);
            System.out.println("CREDS " + agent.localCredentials().ufrag() + " " + agent.localCredentials().pwd());
            gatherer.addHostSocket(System.nanoTime(), bind, 65535);
            gatherer.hostSocketsDone();
            ByteBuffer rx = ByteBuffer.allocate(2048);
            boolean dataSeen = false;
            long nextData = 0;
            while (true) {
                long now = System.nanoTime();
                for (String line; (line = inbox.poll()) != null; ) {
                    onSignal(agent, line);
                }
                if (gatherer.pollTimeout() - now <= 0) {
                    gatherer.handleTimeout(now);
                }
                if (agent.pollTimeout() - now <= 0) {
                    agent.handleTimeout(now);
                }
                if (agent.canSend() && now - nextData >= 0) {
                    nextData = now + 200_000_000L;
                    agent.send(now, ("hello from " + args[0]).getBytes(StandardCharsets.UTF_8))
                            .ifPresent(t -> send(channel, t));
                }
                for (GatheringEvent e; (e = gatherer.pollEvent()) != null; ) {
                    if (e instanceof GatheringEvent.CandidateGathered c) {
                        agent.addLocalCandidate(c.candidate());
                        System.out.println("CAND " + c.candidate().toSdp());
                    } else if (e instanceof GatheringEvent.Complete) {
                        System.out.println("EOC");
                    }
                }
                for (Transmit t; (t = gatherer.pollTransmit()) != null; ) {
                    send(channel, t);
                }
                for (Transmit t; (t = agent.pollTransmit()) != null; ) {
                    send(channel, t);
                }
                for (IceEvent e; (e = agent.pollEvent()) != null; ) {
                    if (e instanceof IceEvent.StateChanged s) {
                        System.out.println("STATE " + s.state());
                    } else if (e instanceof IceEvent.SelectedPair p) {
                        System.out.println("SELECTED " + p.pair().local().type().sdpName() + " "
                                + p.pair().local().address() + " " + p.pair().remote().type().sdpName() + " "
                                + p.pair().remote().address());
                    }
                }
                long deadline = Math.min(agent.pollTimeout(), gatherer.pollTimeout());
                long waitMs = Math.max(1, Math.min(200, (deadline - System.nanoTime()) / 1_000_000L));
                selector.select(waitMs);
                selector.selectedKeys().clear();
                for (InetSocketAddress from; (from = (InetSocketAddress) channel.receive(rx.clear())) != null; ) {
                    byte[] buf = rx.array();
                    int len = rx.position();
                    long t = System.nanoTime();
                    if (gatherer.handleInput(t, bind, from, buf, 0, len)) {
                        continue;
                    }
                    if (!agent.handleInput(t, bind, from, buf, 0, len) && !dataSeen) {
                        dataSeen = true;
                        System.out.println("DATA " + new String(buf, 0, len, StandardCharsets.UTF_8));
                    }
                }
            }
        }
    }

    private static void send(DatagramChannel channel, Transmit t) {
        try {
            channel.send(ByteBuffer.wrap(t.data()), t.remote());
        } catch (Exception e) {
            System.out.println("SENDFAIL " + e);
        }
    }

    private static void onSignal(IceAgent agent, String line) throws Exception {
        String[] w = line.split(" ");
        switch (w[0]) {
            case "CREDS" -> agent.setRemoteCredentials(new IceCredentials(w[1], w[2]));
            case "EOC" -> agent.endOfRemoteCandidates();
            case "CAND" -> {
                // foundation component udp priority ip port typ type [raddr ip rport port]
                Optional<InetSocketAddress> related = w.length > 12
                        ? Optional.of(new InetSocketAddress(InetAddress.getByName(w[10]), Integer.parseInt(w[12])))
                        : Optional.empty();
                agent.addRemoteCandidate(Candidate.remote(CandidateType.fromSdpName(w[8]), w[1],
                        Integer.parseInt(w[2]), Long.parseLong(w[4]),
                        new InetSocketAddress(InetAddress.getByName(w[5]), Integer.parseInt(w[6])), related));
            }
            default -> System.out.println("UNKNOWN " + line);
        }
    }
}
