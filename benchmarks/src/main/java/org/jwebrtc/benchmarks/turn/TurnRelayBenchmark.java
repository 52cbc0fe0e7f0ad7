package org.jwebrtc.benchmarks.turn;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.jwebrtc.turn.ChannelData;
import org.jwebrtc.turn.RelayAllocator;
import org.jwebrtc.turn.ServerTransmit;
import org.jwebrtc.turn.TurnClient;
import org.jwebrtc.turn.TurnClientConfig;
import org.jwebrtc.turn.TurnException;
import org.jwebrtc.turn.TurnServerConfig;
import org.jwebrtc.turn.TurnServerCore;
import org.jwebrtc.turn.TurnTransport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * TURN data path with a 1200-byte payload. {@code channelDataEncode}/{@code channelDataDecode}:
 * the RFC 8656 §12.4 framing alone. {@code clientEncodeSend}: TurnClient.encodeSend to a bound
 * channel; {@code clientUnwrapChannelData}: its in-place receive path. {@code serverClientToPeer}: TurnServerCore.handleClientInput of a ChannelData message
 * (allocation lookup, channel, permission, bandwidth bucket) up to "send these bytes to that
 * peer". {@code serverPeerToClient}: handlePeerInput writing the ChannelData for the client.
 * All of these must be 0 B/op. {@code serverPeerToClientDataIndication} (no channel, a Data
 * indication) allocates the peer address bytes and is here for scale.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TurnRelayBenchmark {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();
    private final InetSocketAddress server = new InetSocketAddress(LO, 3478);
    private final InetSocketAddress clientAddr = new InetSocketAddress(LO, 40000);
    private final InetSocketAddress peer = new InetSocketAddress(LO, 9000);
    private final InetSocketAddress otherPeer = new InetSocketAddress(LO, 9001);
    private final byte[] payload = new byte[1200];
    private final byte[] out = new byte[1200 + TurnServerCore.MAX_CLIENT_OVERHEAD];
    private final byte[] channelMessage = new byte[1204];
    private final ChannelData view = new ChannelData();
    private TurnServerCore core;
    private TurnClient client;
    private InetSocketAddress relay;
    private long now;

    @Setup
    public void setUp() {
        new SplittableRandom(3).nextBytes(payload);
        ChannelData.encode(0x4000, payload, 0, payload.length, channelMessage, 0, false);
        core = new TurnServerCore(TurnServerConfig.builder("bench").user("u", "p").allowLoopbackPeers(true).build(),
                new RelayAllocator() {
                    @Override
                    public InetSocketAddress allocate(TurnTransport t, InetSocketAddress c, boolean even) {
                        return new InetSocketAddress(LO, 50000);
                    }

                    @Override
                    public void release(InetSocketAddress r) {
                    }
                }, new SplittableRandom(1));
        client = new TurnClient(TurnClientConfig.of(server, TurnTransport.UDP, "u", "p"), new SplittableRandom(2));
        now = System.nanoTime();
        client.start(now);
        pump();
        relay = client.relayedAddress().orElseThrow();
        client.createPermission(now, LO);
        client.bindChannel(now, peer);
        pump();
        if (client.channelFor(peer) != 0x4000) {
            throw new AssertionError("channel not bound");
        }
    }

    private void pump() {
        for (int i = 0; i < 10; i++) {
            byte[] b;
            while ((b = client.pollTransmit()) != null) {
                core.handleClientInput(now, TurnTransport.UDP, clientAddr, b, 0, b.length);
            }
            ServerTransmit t;
            while ((t = core.pollTransmit()) != null) {
                client.handleInput(now, t.data(), 0, t.data().length);
            }
            while (client.pollEvent() != null) {
                // drain
            }
        }
    }

    @Benchmark
    public int channelDataEncode() {
        return ChannelData.encode(0x4000, payload, 0, payload.length, out, 0, false);
    }

    @Benchmark
    public int channelDataDecode() throws TurnException {
        ChannelData v = view.wrap(channelMessage, 0, channelMessage.length);
        return v.channel() + v.dataLength();
    }

    @Benchmark
    public int clientEncodeSend() {
        return client.encodeSend(peer, payload, 0, payload.length, out, 0);
    }

    @Benchmark
    public int clientUnwrapChannelData() {
        InetSocketAddress from = client.unwrapChannelData(channelMessage, 0, channelMessage.length);
        return from.getPort() + client.unwrappedLength();
    }

    @Benchmark
    public int serverClientToPeer() {
        int r = core.handleClientInput(now, TurnTransport.UDP, clientAddr, channelMessage, 0, channelMessage.length);
        return r + core.relayLength() + core.relayDestination().getPort();
    }

    @Benchmark
    public int serverPeerToClient() {
        return core.handlePeerInput(now, relay, peer, payload, 0, payload.length, out, 0);
    }

    @Benchmark
    public int serverPeerToClientDataIndication() {
        return core.handlePeerInput(now, relay, otherPeer, payload, 0, payload.length, out, 0);
    }
}
