package org.jwebrtc.stun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** RFC 8489 §6.2.1/§6.2.2 timing on a virtual clock; nothing sleeps. */
class StunClientTransactionTest {
    private static final long MS = 1_000_000L;
    private static final byte[] KEY = "password".getBytes(StandardCharsets.UTF_8);
    private final SplittableRandom random = new SplittableRandom(42);

    private StunMessage request() {
        return StunMessage.of(StunClass.REQUEST, StunMethod.BINDING, TransactionId.random(random),
                new Username("a:b"));
    }

    /** Runs the transaction with no response; returns send times (ms), timeout time last. */
    private static List<Long> runToTimeout(StunClientTransaction t) {
        List<Long> sends = new ArrayList<>();
        long now = 0;
        t.start(now);
        while (true) {
            while (t.pollTransmit() != null) {
                sends.add(now / MS);
            }
            StunTransactionEvent e = t.pollEvent();
            if (e != null) {
                assertThat(e).isInstanceOf(StunTransactionEvent.Timeout.class);
                sends.add(-now / MS);
                return sends;
            }
            now = t.pollTimeout();
            assertThat(now).isNotEqualTo(Long.MAX_VALUE);
            t.handleTimeout(now - 1); // early wake-ups do nothing
            t.handleTimeout(now);
        }
    }

    @Test
    void udpRetransmitsAtDoublingIntervalsAndTimesOutAt39500ms() {
        StunClientTransaction t = StunClientTransaction.of(request(), null, true, StunTransactionConfig.unreliable());
        assertThat(runToTimeout(t)).containsExactly(0L, 500L, 1500L, 3500L, 7500L, 15500L, 31500L, -39500L);
        assertThat(t.sends()).isEqualTo(7);
        assertThat(t.isDone()).isTrue();
        assertThat(t.pollTimeout()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void cachedRtoScalesTheSchedule() {
        StunClientTransaction t = StunClientTransaction.of(request(), null, false,
                StunTransactionConfig.unreliable(java.time.Duration.ofMillis(100)));
        assertThat(runToTimeout(t)).containsExactly(0L, 100L, 300L, 700L, 1500L, 3100L, 6300L, -7900L);
    }

    @Test
    void reliableTransportSendsOnceAndTimesOutAfterTi() {
        StunClientTransaction t = StunClientTransaction.of(request(), null, false,
                StunTransactionConfig.reliableTransport());
        assertThat(runToTimeout(t)).containsExactly(0L, -39500L);
    }

    @Test
    void authenticatedResponseEndsTheTransaction() throws Exception {
        StunMessage req = request();
        StunClientTransaction t = StunClientTransaction.of(req, KEY, true, StunTransactionConfig.unreliable());
        t.start(0);
        byte[] sent = t.pollTransmit();
        assertThat(t.pollTransmit()).isNull();
        assertThat(StunMessage.verifyIntegrity(sent, 0, sent.length, KEY)).isTrue();
        t.handleTimeout(500 * MS);
        assertThat(t.pollTransmit()).isEqualTo(sent); // retransmission is the same bytes

        InetSocketAddress mapped = new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853);
        StunMessage ok = StunMessage.of(StunClass.SUCCESS_RESPONSE, StunMethod.BINDING, req.transactionId(),
                new XorMappedAddress(mapped));

        // forged: wrong key -> dropped, transaction continues
        byte[] forged = ok.toBytes("other".getBytes(StandardCharsets.UTF_8), true);
        assertThat(t.handleInput(600 * MS, forged, 0, forged.length)).isTrue();
        assertThat(t.pollEvent()).isNull();
        assertThat(t.droppedResponses()).isEqualTo(1);
        // no integrity at all -> dropped
        byte[] bare = ok.toBytes(null, true);
        assertThat(t.handleInput(600 * MS, bare, 0, bare.length)).isTrue();
        assertThat(t.droppedResponses()).isEqualTo(2);
        // someone else's transaction
        byte[] other = StunMessage.of(StunClass.SUCCESS_RESPONSE, StunMethod.BINDING, TransactionId.random(random))
                .toBytes(KEY, true);
        assertThat(t.handleInput(600 * MS, other, 0, other.length)).isFalse();

        byte[] good = ok.toBytes(KEY, true);
        assertThat(t.handleInput(700 * MS, good, 0, good.length)).isTrue();
        StunTransactionEvent e = t.pollEvent();
        assertThat(e).isInstanceOf(StunTransactionEvent.Response.class);
        StunTransactionEvent.Response r = (StunTransactionEvent.Response) e;
        assertThat(r.isSuccess()).isTrue();
        assertThat(r.message().attribute(XorMappedAddress.class)).contains(new XorMappedAddress(mapped));
        assertThat(t.isDone()).isTrue();
        assertThat(t.pollTimeout()).isEqualTo(Long.MAX_VALUE);
        t.handleTimeout(100_000 * MS);
        assertThat(t.pollTransmit()).isNull();
        assertThat(t.pollEvent()).isNull();
    }

    @Test
    void unauthenticatedTransactionAcceptsErrorResponse() {
        StunMessage req = request();
        StunClientTransaction t = StunClientTransaction.of(req, null, false, StunTransactionConfig.unreliable());
        t.start(0);
        byte[] err = StunMessage.of(StunClass.ERROR_RESPONSE, StunMethod.BINDING, req.transactionId(),
                ErrorCode.of(ErrorCode.UNAUTHENTICATED), new Realm("example.org"), new Nonce("abc")).toBytes();
        assertThat(t.handleInput(1, err, 0, err.length)).isTrue();
        StunTransactionEvent.Response r = (StunTransactionEvent.Response) t.pollEvent();
        assertThat(r.isSuccess()).isFalse();
        assertThat(r.message().attribute(ErrorCode.class).orElseThrow().code()).isEqualTo(401);
    }

    @Test
    void refusesNonRequestsAndDoubleStart() {
        byte[] resp = StunMessage.of(StunClass.SUCCESS_RESPONSE, StunMethod.BINDING, TransactionId.random(random)).toBytes();
        assertThatThrownBy(() -> new StunClientTransaction(resp, 0, resp.length, null, StunTransactionConfig.unreliable()))
                .isInstanceOf(IllegalArgumentException.class);
        StunClientTransaction t = StunClientTransaction.of(request(), null, false, StunTransactionConfig.unreliable());
        t.start(0);
        assertThatThrownBy(() -> t.start(1)).isInstanceOf(IllegalStateException.class);
    }
}
