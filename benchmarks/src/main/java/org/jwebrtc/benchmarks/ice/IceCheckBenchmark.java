package org.jwebrtc.benchmarks.ice;

import java.net.InetSocketAddress;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.jwebrtc.ice.Candidate;
import org.jwebrtc.ice.IceAgent;
import org.jwebrtc.ice.IceConfig;
import org.jwebrtc.ice.IceConnectionState;
import org.jwebrtc.ice.IceCredentials;
import org.jwebrtc.ice.IceRole;
import org.jwebrtc.ice.Transmit;
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
 * The ICE responder path on a connected agent: a peer's Binding request (consent or connectivity check: USERNAME,
 * PRIORITY, ICE-CONTROLLING, MESSAGE-INTEGRITY, FINGERPRINT) in, the authenticated success response out.
 * {@code checkInResponseOut} = StunView wrap + FINGERPRINT + HMAC verify + role/pair bookkeeping + response encode
 * (HMAC + CRC). The response is a fresh {@code byte[]} in a {@link Transmit} (handed to the socket layer), so it
 * allocates by design; {@code notStun} is the RFC 7983 demux rejection of an RTP packet.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class IceCheckBenchmark {
    private static final InetSocketAddress A = new InetSocketAddress("127.0.0.1", 10000);
    private static final InetSocketAddress B = new InetSocketAddress("127.0.0.1", 20000);

    private IceAgent agent;
    private byte[] check;
    private final byte[] rtp = new byte[172];
    private long now;

    @Setup
    public void setup() {
        Random ra = new Random(1);
        Random rb = new Random(2);
        IceAgent controlling = new IceAgent(IceConfig.defaults(), IceCredentials.random(ra), ra);
        agent = new IceAgent(IceConfig.defaults().withRole(IceRole.CONTROLLED), IceCredentials.random(rb), rb);
        controlling.setRemoteCredentials(agent.localCredentials());
        agent.setRemoteCredentials(controlling.localCredentials());
        controlling.addLocalCandidate(Candidate.host(A, 65535));
        agent.addLocalCandidate(Candidate.host(B, 65535));
        controlling.addRemoteCandidate(Candidate.host(B, 65535));
        agent.addRemoteCandidate(Candidate.host(A, 65535));
        // Run both to Connected over a zero-delay in-memory link; keep the controlling side's last request.
        for (int i = 0; i < 1000 && (agent.state() != IceConnectionState.CONNECTED || check == null); i++) {
            now = Math.max(now, Math.min(controlling.pollTimeout(), agent.pollTimeout()));
            controlling.handleTimeout(now);
            agent.handleTimeout(now);
            for (Transmit t; (t = controlling.pollTransmit()) != null; ) {
                check = t.data()[0] == 0 && t.data()[1] == 1 ? t.data() : check; // a Binding request
                agent.handleInput(now, B, A, t.data(), 0, t.data().length);
            }
            for (Transmit t; (t = agent.pollTransmit()) != null; ) {
                controlling.handleInput(now, A, B, t.data(), 0, t.data().length);
            }
            while (controlling.pollEvent() != null || agent.pollEvent() != null) {
                // drained
            }
        }
        if (agent.state() != IceConnectionState.CONNECTED || check == null) {
            throw new IllegalStateException("agents did not connect: " + agent.state());
        }
        rtp[0] = (byte) 0x80;
    }

    @Benchmark
    public Transmit checkInResponseOut() {
        agent.handleInput(now, B, A, check, 0, check.length);
        return agent.pollTransmit();
    }

    @Benchmark
    public boolean notStun() {
        return agent.handleInput(now, B, A, rtp, 0, rtp.length);
    }
}
