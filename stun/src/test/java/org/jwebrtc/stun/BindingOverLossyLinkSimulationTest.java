package org.jwebrtc.stun;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A client transaction and a binding responder joined by a seeded, lossy, delaying link on a
 * virtual clock: the loop always advances to the earliest of {transaction deadline, next delivery}.
 */
class BindingOverLossyLinkSimulationTest {
    private static final long MS = 1_000_000L;
    private static final byte[] KEY = "sim-password".getBytes(StandardCharsets.UTF_8);

    private record Delivery(long at, boolean toServer, byte[] data) {}

    private static final class Result {
        StunTransactionEvent event;
        long at;
        int sends;
    }

    private static Result simulate(long seed, double loss, long delayMs) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        InetSocketAddress client = new InetSocketAddress(InetAddress.getByName("198.51.100.7"), 40000);
        StunBindingResponder responder = new StunBindingResponder(null, u -> u.equals("srv:cli") ? KEY : null);
        StunClientTransaction t = StunClientTransaction.of(
                StunMessage.of(StunClass.REQUEST, StunMethod.BINDING, TransactionId.random(random), new Username("srv:cli")),
                KEY, true, StunTransactionConfig.unreliable());
        PriorityQueue<Delivery> link = new PriorityQueue<>((a, b) -> Long.compare(a.at(), b.at()));
        long now = 0;
        t.start(now);
        Result r = new Result();
        while (r.event == null) {
            byte[] out;
            while ((out = t.pollTransmit()) != null) {
                if (random.nextDouble() >= loss) {
                    link.add(new Delivery(now + delayMs * MS + random.nextLong(5 * MS), true, out));
                }
            }
            StunTransactionEvent e = t.pollEvent();
            if (e != null) {
                r.event = e;
                r.at = now;
                break;
            }
            long next = t.pollTimeout();
            if (!link.isEmpty() && link.peek().at() - next < 0) {
                Delivery d = link.poll();
                now = d.at();
                if (d.toServer()) {
                    byte[] resp = responder.respond(d.data(), 0, d.data().length, client);
                    if (resp != null && random.nextDouble() >= loss) {
                        link.add(new Delivery(now + delayMs * MS, false, resp));
                    }
                } else {
                    t.handleInput(now, d.data(), 0, d.data().length);
                }
            } else {
                now = next;
                t.handleTimeout(now);
            }
        }
        r.sends = t.sends();
        return r;
    }

    @Test
    void losslessLinkAnswersInOneRoundTrip() throws Exception {
        Result r = simulate(1, 0, 40);
        assertThat(r.event).isInstanceOf(StunTransactionEvent.Response.class);
        assertThat(r.sends).isEqualTo(1);
        assertThat(r.at).isBetween(80 * MS, 90 * MS);
    }

    @Test
    void retransmissionsRecoverFromHeavyLoss() throws Exception {
        int answered = 0;
        for (long seed = 0; seed < 200; seed++) {
            Result r = simulate(seed, 0.5, 30);
            if (r.event instanceof StunTransactionEvent.Response resp) {
                answered++;
                assertThat(resp.isSuccess()).isTrue();
                assertThat(resp.message().attribute(XorMappedAddress.class).orElseThrow().address().getPort())
                        .isEqualTo(40000);
                assertThat(r.at).isLessThan(39_500 * MS);
            } else {
                assertThat(r.at).isEqualTo(39_500 * MS);
                assertThat(r.sends).isEqualTo(7);
            }
        }
        // each send succeeds with p = 0.25; all 7 fail with p ≈ 0.13, so ~174 of 200 complete
        assertThat(answered).isBetween(150, 195);
    }

    @Test
    void deadLinkTimesOutOnSchedule() throws Exception {
        Result r = simulate(3, 1.0, 10);
        assertThat(r.event).isInstanceOf(StunTransactionEvent.Timeout.class);
        assertThat(r.at).isEqualTo(39_500 * MS);
    }
}
