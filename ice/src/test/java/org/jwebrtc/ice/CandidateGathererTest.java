package org.jwebrtc.ice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jwebrtc.stun.StunBindingResponder;
import org.junit.jupiter.api.Test;

/** Sans-IO gathering: host at once, srflx as answered, per-server deadlines, completion. */
class CandidateGathererTest {
    private static final long MS = 1_000_000L;
    private static final InetSocketAddress HOST = new InetSocketAddress("10.0.0.2", 5000);
    private static final InetSocketAddress MAPPED = new InetSocketAddress("203.0.113.7", 40000);
    private static final InetSocketAddress LIVE = new InetSocketAddress("198.51.100.1", 3478);
    private static final InetSocketAddress DEAD = new InetSocketAddress("198.51.100.2", 3478);
    private final StunBindingResponder server = StunBindingResponder.open(null);

    private static List<Transmit> transmits(CandidateGatherer g) {
        List<Transmit> out = new ArrayList<>();
        for (Transmit t; (t = g.pollTransmit()) != null; ) {
            out.add(t);
        }
        return out;
    }

    private static List<GatheringEvent> events(CandidateGatherer g) {
        List<GatheringEvent> out = new ArrayList<>();
        for (GatheringEvent e; (e = g.pollEvent()) != null; ) {
            out.add(e);
        }
        return out;
    }

    private void answer(CandidateGatherer g, long now, Transmit request, InetSocketAddress mapped) {
        byte[] response = server.respond(request.data(), 0, request.data().length, mapped);
        assertThat(g.handleInput(now, request.local(), request.remote(), response, 0, response.length)).isTrue();
    }

    @Test
    void hostAtOnceReflexiveWhenAnsweredCompleteWhenTheDeadServerTimesOut() {
        CandidateGatherer g = new CandidateGatherer(CandidateGatherer.Config.of(List.of(LIVE, DEAD)), new Random(1));
        Candidate host = g.addHostSocket(0, HOST, 65535);
        g.hostSocketsDone();
        assertThat(events(g)).containsExactly(new GatheringEvent.CandidateGathered(host));
        List<Transmit> first = transmits(g);
        assertThat(first).extracting(Transmit::remote).containsExactly(LIVE, DEAD);
        assertThat(first).allMatch(t -> t.local().equals(HOST));
        answer(g, 20 * MS, first.get(0), MAPPED);
        List<GatheringEvent> e = events(g);
        assertThat(e).hasSize(1);
        Candidate srflx = ((GatheringEvent.CandidateGathered) e.get(0)).candidate();
        assertThat(srflx.type()).isEqualTo(CandidateType.SERVER_REFLEXIVE);
        assertThat(srflx.address()).isEqualTo(MAPPED);
        assertThat(srflx.base()).isEqualTo(HOST);
        assertThat(g.isComplete()).isFalse();
        // The dead server: retransmissions at 100, 300, 700 ms (RTO 100 ms doubling), then given up at 1 s.
        List<Long> resent = new ArrayList<>();
        long now = 20 * MS;
        while (!g.isComplete()) {
            now = g.pollTimeout();
            g.handleTimeout(now);
            transmits(g).forEach(t -> resent.add(g.pollTimeout()));
            if (!g.isComplete()) {
                assertThat(events(g)).isEmpty();
            }
        }
        assertThat(resent).hasSize(3);
        assertThat(now).isEqualTo(1000 * MS);
        assertThat(g.pollTimeout()).isEqualTo(Long.MAX_VALUE);
        assertThat(g.candidates()).containsExactly(host, srflx);
    }

    @Test
    void completionEventsCarryTheUnreachableServer() {
        CandidateGatherer g = new CandidateGatherer(CandidateGatherer.Config.of(List.of(DEAD))
                .withServerTimeout(Duration.ofMillis(250)), new Random(2));
        g.addHostSocket(0, HOST, 65535);
        g.hostSocketsDone();
        events(g);
        g.handleTimeout(250 * MS);
        assertThat(events(g)).containsExactly(new GatheringEvent.ServerUnreachable(DEAD, HOST, "timeout"),
                new GatheringEvent.Complete());
    }

    @Test
    void redundantMappingsAreNotReported() {
        CandidateGatherer g = new CandidateGatherer(CandidateGatherer.Config.of(List.of(LIVE, DEAD)), new Random(3));
        g.addHostSocket(0, HOST, 65535);
        g.hostSocketsDone();
        events(g);
        List<Transmit> t = transmits(g);
        answer(g, MS, t.get(0), MAPPED);
        answer(g, MS, t.get(1), MAPPED); // a second server sees the same mapping
        assertThat(events(g)).hasSize(2).last().isEqualTo(new GatheringEvent.Complete());
        CandidateGatherer noNat = new CandidateGatherer(CandidateGatherer.Config.of(List.of(LIVE)), new Random(4));
        noNat.addHostSocket(0, HOST, 65535);
        events(noNat);
        answer(noNat, MS, transmits(noNat).get(0), HOST); // mapped = host: no NAT, no srflx (RFC 8445 §5.1.3)
        assertThat(noNat.candidates()).hasSize(1);
    }

    @Test
    void serversOfAnotherFamilyOrBeyondLoopbackAreNotAsked() {
        CandidateGatherer g = new CandidateGatherer(CandidateGatherer.Config.of(List.of(LIVE)), new Random(5));
        g.addHostSocket(0, new InetSocketAddress("::1", 5000), 65535);
        g.addHostSocket(0, new InetSocketAddress("127.0.0.1", 5000), 65534);
        g.addHostSocket(0, new InetSocketAddress("2001:db8::1", 5000), 65533);
        assertThat(transmits(g)).isEmpty();
        g.hostSocketsDone();
        assertThat(events(g)).hasSize(4).last().isEqualTo(new GatheringEvent.Complete());
        assertThat(g.pollTimeout()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void datagramsForOthersAreLeftAlone() {
        CandidateGatherer g = new CandidateGatherer(CandidateGatherer.Config.of(List.of(LIVE)), new Random(6));
        g.addHostSocket(0, HOST, 65535);
        Transmit request = transmits(g).get(0);
        byte[] response = server.respond(request.data(), 0, request.data().length, MAPPED);
        assertThat(g.handleInput(MS, new InetSocketAddress("10.0.0.3", 1), LIVE, response, 0, response.length))
                .isFalse(); // arrived at another socket
        byte[] rtp = {(byte) 0x80, 0, 0, 1};
        assertThat(g.handleInput(MS, HOST, LIVE, rtp, 0, rtp.length)).isFalse();
        byte[] otherId = org.jwebrtc.stun.StunMessage.of(org.jwebrtc.stun.StunClass.REQUEST,
                org.jwebrtc.stun.StunMethod.BINDING, org.jwebrtc.stun.TransactionId.random(new Random(99)))
                .toBytes(null, true);
        byte[] other = server.respond(otherId, 0, otherId.length, MAPPED);
        assertThat(g.handleInput(MS, HOST, LIVE, other, 0, other.length)).isFalse();
    }

    @Test
    void relayedCandidatesArePluggedIn() {
        CandidateGatherer g = new CandidateGatherer(CandidateGatherer.Config.of(List.of()), new Random(7));
        InetSocketAddress relayed = new InetSocketAddress("198.51.100.9", 50000);
        Candidate c = Candidate.relayed(relayed, MAPPED, LIVE, 65535, 1);
        List<byte[]> sent = new ArrayList<>();
        RelayedTransport relay = new RelayedTransport() {
            @Override
            public Candidate candidate() {
                return c;
            }

            @Override
            public void send(InetSocketAddress peer, byte[] data) {
                sent.add(data);
            }
        };
        g.addRelayed(relay);
        assertThat(events(g)).containsExactly(new GatheringEvent.CandidateGathered(c));
        g.relayFor(relayed).orElseThrow().send(HOST, new byte[] {1});
        assertThat(sent).hasSize(1);
        assertThatThrownBy(() -> g.addRelayed(new RelayedTransport() {
            @Override
            public Candidate candidate() {
                return Candidate.host(HOST, 1);
            }

            @Override
            public void send(InetSocketAddress peer, byte[] data) {
            }
        })).isInstanceOf(IllegalArgumentException.class);
    }
}
