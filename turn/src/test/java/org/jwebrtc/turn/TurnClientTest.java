package org.jwebrtc.turn;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jwebrtc.stun.ErrorCode;
import org.jwebrtc.stun.LongTermCredential;
import org.jwebrtc.stun.Nonce;
import org.jwebrtc.stun.Realm;
import org.jwebrtc.stun.StunAttribute;
import org.jwebrtc.stun.StunClass;
import org.jwebrtc.stun.StunMessage;
import org.jwebrtc.stun.StunMethod;
import org.jwebrtc.stun.TransactionId;
import org.jwebrtc.stun.Username;
import org.jwebrtc.stun.XorMappedAddress;
import org.junit.jupiter.api.Test;

/** The sans-IO client against scripted server answers: exact bytes, exact times, no sockets, no sleeping. */
class TurnClientTest {
    static final InetSocketAddress SERVER = new InetSocketAddress(InetAddress.getLoopbackAddress(), 3478);
    static final InetSocketAddress RELAY = new InetSocketAddress(InetAddress.getLoopbackAddress(), 50000);
    static final InetSocketAddress MAPPED = new InetSocketAddress(InetAddress.getLoopbackAddress(), 40000);
    static final InetSocketAddress PEER = new InetSocketAddress(InetAddress.getLoopbackAddress(), 9000);
    static final long S = 1_000_000_000L;
    static final long MS = 1_000_000L;
    static final byte[] KEY = LongTermCredential.key("u", "r", "p");

    long now = 77 * S;
    TurnClient client = client(TurnTransport.UDP);

    static TurnClient client(TurnTransport t) {
        return new TurnClient(TurnClientConfig.of(SERVER, t, "u", "p"), new SplittableRandom(7));
    }

    StunMessage sent() throws Exception {
        byte[] b = client.pollTransmit();
        assertThat(b).as("a request was sent").isNotNull();
        return StunMessage.parse(b);
    }

    void answer(StunMessage request, byte[] key, StunAttribute... attrs) {
        byte[] b = StunMessage.of(StunClass.SUCCESS_RESPONSE, request.method(), request.transactionId(), attrs)
                .toBytes(key, false);
        client.handleInput(now, b, 0, b.length);
    }

    void error(StunMessage request, int code, StunAttribute... more) {
        List<StunAttribute> attrs = new ArrayList<>(List.of(ErrorCode.of(code)));
        attrs.addAll(List.of(more));
        byte[] b = new StunMessage(StunClass.ERROR_RESPONSE, request.method(), request.transactionId(), attrs).toBytes();
        client.handleInput(now, b, 0, b.length);
    }

    List<TurnEvent> events() {
        List<TurnEvent> out = new ArrayList<>();
        TurnEvent e;
        while ((e = client.pollEvent()) != null) {
            out.add(e);
        }
        return out;
    }

    /** Start, 401 challenge, authenticated Allocate, success with {@code lifetime}. */
    void allocate(long lifetime) throws Exception {
        client.start(now);
        error(sent(), 401, new Realm("r"), new Nonce("n1"));
        StunMessage auth = sent();
        TransactionId id = auth.transactionId();
        answer(auth, KEY, new XorRelayedAddress(RELAY).toRaw(id), new Lifetime(lifetime).toRaw(id),
                new XorMappedAddress(MAPPED));
        assertThat(events()).containsExactly(new TurnEvent.Allocated(RELAY, MAPPED, lifetime));
    }

    @Test
    void allocateIsChallengedThenRetriedWithLongTermCredentials() throws Exception {
        client.start(now);
        byte[] first = client.pollTransmit();
        StunMessage plain = StunMessage.parse(first);
        assertThat(plain.method()).isEqualTo(StunMethod.ALLOCATE);
        assertThat(plain.has(Username.class)).isFalse(); // RFC 8656 §7.1: first request without credentials
        assertThat(TurnAttribute.find(plain, RequestedTransport.class)).contains(new RequestedTransport(17));
        assertThat(TurnAttribute.find(plain, Lifetime.class)).contains(new Lifetime(600));
        error(plain, 401, new Realm("r"), new Nonce("n1"));

        byte[] second = client.pollTransmit();
        StunMessage auth = StunMessage.parse(second);
        assertThat(auth.transactionId()).isNotEqualTo(plain.transactionId());
        assertThat(auth.attribute(Username.class)).contains(new Username("u"));
        assertThat(auth.attribute(Realm.class)).contains(new Realm("r"));
        assertThat(auth.attribute(Nonce.class)).contains(new Nonce("n1"));
        assertThat(StunMessage.verifyIntegrity(second, 0, second.length, KEY)).isTrue();
        TransactionId id = auth.transactionId();
        answer(auth, KEY, new XorRelayedAddress(RELAY).toRaw(id), new Lifetime(600).toRaw(id),
                new XorMappedAddress(MAPPED));
        assertThat(events()).containsExactly(new TurnEvent.Allocated(RELAY, MAPPED, 600));
        assertThat(client.relayedAddress()).contains(RELAY);
        assertThat(client.mappedAddress()).contains(MAPPED);
    }

    @Test
    void staleNonceIsRetriedThreeTimesThenFails() throws Exception {
        client.start(now);
        error(sent(), 401, new Realm("r"), new Nonce("n1"));
        for (int i = 2; i <= 5; i++) {
            StunMessage req = sent();
            assertThat(req.attribute(Nonce.class)).contains(new Nonce("n" + (i - 1)));
            error(req, 438, new Realm("r"), new Nonce("n" + i));
        }
        assertThat(client.pollTransmit()).isNull();
        assertThat(events()).containsExactly(new TurnEvent.Failed(TurnOperation.ALLOCATE, 438, "Stale Nonce"));
        assertThat(client.isClosed()).isTrue();
    }

    @Test
    void aSecond401FailsInsteadOfLooping() throws Exception {
        client.start(now);
        error(sent(), 401, new Realm("r"), new Nonce("n1"));
        error(sent(), 401, new Realm("r"), new Nonce("n2"));
        assertThat(client.pollTransmit()).isNull();
        assertThat(events()).containsExactly(new TurnEvent.Failed(TurnOperation.ALLOCATE, 401, "Unauthenticated"));
    }

    @Test
    void successWithoutValidIntegrityIsIgnored() throws Exception {
        client.start(now);
        error(sent(), 401, new Realm("r"), new Nonce("n1"));
        StunMessage auth = sent();
        TransactionId id = auth.transactionId();
        answer(auth, null, new XorRelayedAddress(RELAY).toRaw(id)); // RFC 8489 §9.2.5: must authenticate
        answer(auth, LongTermCredential.key("u", "r", "other"), new XorRelayedAddress(RELAY).toRaw(id));
        assertThat(events()).isEmpty();
        assertThat(client.droppedInputs()).isEqualTo(2);
        answer(auth, KEY, new XorRelayedAddress(RELAY).toRaw(id));
        assertThat(events()).hasSize(1).first().isInstanceOf(TurnEvent.Allocated.class);
    }

    @Test
    void udpRetransmitsOnRfc8489ScheduleThenTimesOut() throws Exception {
        client.start(now);
        long t0 = now;
        List<Long> sends = new ArrayList<>(List.of(t0));
        client.pollTransmit();
        while (!client.isClosed()) {
            now = client.pollTimeout();
            client.handleTimeout(now);
            if (client.pollTransmit() != null) {
                sends.add(now - t0);
            }
        }
        // RFC 8489 §6.2.1: 0, 500, 1500, 3500, 7500, 15500, 31500 ms, then 16 × 500 ms
        assertThat(sends).containsExactly(t0, 500 * MS, 1500 * MS, 3500 * MS, 7500 * MS, 15500 * MS, 31500 * MS);
        assertThat(now - t0).isEqualTo(39500 * MS);
        assertThat(events()).containsExactly(new TurnEvent.Failed(TurnOperation.ALLOCATE, 0, "timeout"));
    }

    @Test
    void tcpSendsOnceAndWaitsTi() throws Exception {
        client = client(TurnTransport.TCP);
        client.start(now);
        assertThat(client.pollTransmit()).isNotNull();
        assertThat(client.pollTimeout()).isEqualTo(now + 39500 * MS);
        now += 39500 * MS;
        client.handleTimeout(now);
        assertThat(client.pollTransmit()).isNull();
        assertThat(events()).containsExactly(new TurnEvent.Failed(TurnOperation.ALLOCATE, 0, "timeout"));
    }

    @Test
    void refreshesAMinuteBeforeExpiryOrHalfWayForShortLifetimes() throws Exception {
        allocate(300);
        assertThat(client.pollTimeout()).isEqualTo(now + 240 * S);
        now += 240 * S;
        client.handleTimeout(now);
        StunMessage refresh = sent();
        assertThat(refresh.method()).isEqualTo(StunMethod.REFRESH);
        assertThat(TurnAttribute.find(refresh, Lifetime.class)).contains(new Lifetime(600));
        answer(refresh, KEY, new Lifetime(100).toRaw(refresh.transactionId()));
        assertThat(events()).containsExactly(new TurnEvent.Refreshed(100));
        assertThat(client.pollTimeout()).isEqualTo(now + 50 * S);
    }

    @Test
    void permissionsRefreshEveryFourMinutesAndChannelsEveryNine() throws Exception {
        allocate(3600);
        long t0 = now;
        client.createPermission(now, PEER.getAddress());
        StunMessage cp = sent();
        assertThat(TurnAttribute.findAll(cp, XorPeerAddress.class))
                .containsExactly(new XorPeerAddress(new InetSocketAddress(PEER.getAddress(), 0)));
        answer(cp, KEY);
        int ch = client.bindChannel(now, PEER);
        StunMessage cb = sent();
        assertThat(TurnAttribute.find(cb, ChannelNumber.class)).contains(new ChannelNumber(ch));
        assertThat(TurnAttribute.find(cb, XorPeerAddress.class)).contains(new XorPeerAddress(PEER));
        answer(cb, KEY);
        assertThat(events()).containsExactly(new TurnEvent.PermissionCreated(List.of(PEER.getAddress())),
                new TurnEvent.ChannelBound(PEER, 0x4000));

        List<String> log = new ArrayList<>();
        while (now - t0 < 1200 * S) {
            now = client.pollTimeout();
            client.handleTimeout(now);
            byte[] b;
            while ((b = client.pollTransmit()) != null) {
                StunMessage m = StunMessage.parse(b);
                log.add(StunMethod.name(m.method()) + "@" + (now - t0) / S);
                answer(m, KEY);
            }
        }
        // a ChannelBind refreshes the peer's permission too (RFC 8656 §11.2), so the next one is 240 s after it
        assertThat(log).containsExactly("CreatePermission@240", "CreatePermission@480", "ChannelBind@540",
                "CreatePermission@780", "CreatePermission@1020", "ChannelBind@1080", "CreatePermission@1320");
    }

    @Test
    void dataIsSentAsIndicationUntilTheChannelIsBoundThenAsChannelData() throws Exception {
        allocate(600);
        client.createPermission(now, PEER.getAddress());
        answer(sent(), KEY);
        client.send(now, PEER, new byte[] {1, 2, 3}, 0, 3);
        StunMessage ind = sent();
        assertThat(ind.messageClass()).isEqualTo(StunClass.INDICATION);
        assertThat(ind.method()).isEqualTo(StunMethod.SEND);
        assertThat(TurnAttribute.find(ind, Data.class)).contains(new Data(new byte[] {1, 2, 3}));
        client.bindChannel(now, PEER);
        StunMessage cb = sent();
        client.send(now, PEER, new byte[] {4}, 0, 1);
        assertThat(sent().messageClass()).isEqualTo(StunClass.INDICATION); // not confirmed yet
        answer(cb, KEY);
        client.send(now, PEER, new byte[] {5}, 0, 1);
        assertThat(client.pollTransmit()).containsExactly(0x40, 0x00, 0x00, 0x01, 5);
    }

    @Test
    void channelDataUnwrapsInPlace() throws Exception {
        allocate(600);
        byte[] cd = {0, 0x40, 0x00, 0x00, 0x02, 7, 8, 0, 0};
        assertThat(client.unwrapChannelData(cd, 1, 8)).isNull(); // not bound yet
        client.bindChannel(now, PEER);
        answer(sent(), KEY);
        assertThat(client.unwrapChannelData(cd, 1, 8)).isEqualTo(PEER);
        assertThat(client.unwrappedOffset()).isEqualTo(5);
        assertThat(client.unwrappedLength()).isEqualTo(2);
        assertThat(client.unwrapChannelData(cd, 1, 5)).isNull(); // length runs past the end
        byte[] stun = StunMessage.of(StunClass.INDICATION, StunMethod.DATA, TransactionId.random(new SplittableRandom(1)))
                .toBytes();
        assertThat(client.unwrapChannelData(stun, 0, stun.length)).isNull();
    }

    @Test
    void inboundDataWithoutPermissionOrBindingIsDropped() throws Exception {
        allocate(600);
        byte[] cd = {0x40, 0x00, 0x00, 0x01, 9};
        client.handleInput(now, cd, 0, cd.length); // channel never bound
        TransactionId id = TransactionId.ofHex("0102030405060708090a0b0c");
        byte[] data = StunMessage.of(StunClass.INDICATION, StunMethod.DATA, id, new XorPeerAddress(PEER).toRaw(id),
                new Data(new byte[] {1}).toRaw(id)).toBytes();
        client.handleInput(now, data, 0, data.length); // no permission for PEER (RFC 8656 §10.4)
        assertThat(events()).isEmpty();
        assertThat(client.droppedInputs()).isEqualTo(2);
        client.createPermission(now, PEER.getAddress());
        answer(sent(), KEY);
        events();
        client.handleInput(now, data, 0, data.length);
        assertThat(events()).containsExactly(new TurnEvent.DataReceived(PEER, new byte[] {1}));
    }

    @Test
    void closeDeallocatesWithLifetimeZero() throws Exception {
        allocate(600);
        client.close(now);
        StunMessage r = sent();
        assertThat(r.method()).isEqualTo(StunMethod.REFRESH);
        assertThat(TurnAttribute.find(r, Lifetime.class)).contains(new Lifetime(0));
        answer(r, KEY, new Lifetime(0).toRaw(r.transactionId()));
        assertThat(events()).containsExactly(new TurnEvent.Deallocated());
        assertThat(client.isClosed()).isTrue();
        assertThat(client.pollTimeout()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void refreshRejectedWith437EndsTheAllocation() throws Exception {
        allocate(600);
        now = client.pollTimeout();
        client.handleTimeout(now);
        error(sent(), 437);
        assertThat(events()).containsExactly(new TurnEvent.Failed(TurnOperation.REFRESH, 437, ""));
        assertThat(client.isClosed()).isTrue();
    }

    @Test
    void permissionFailureIsReportedAndTheAllocationLives() throws Exception {
        allocate(600);
        client.createPermission(now, PEER.getAddress());
        error(sent(), 403);
        assertThat(events()).containsExactly(new TurnEvent.Failed(TurnOperation.CREATE_PERMISSION, 403, ""));
        assertThat(client.isAllocated()).isTrue();
        assertThat(Duration.ofNanos(client.pollTimeout() - now)).isEqualTo(Duration.ofSeconds(540));
    }
}
