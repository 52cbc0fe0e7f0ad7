package org.jwebrtc.turn;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jwebrtc.stun.ErrorCode;
import org.jwebrtc.stun.LongTermCredential;
import org.jwebrtc.stun.Nonce;
import org.jwebrtc.stun.RawAttribute;
import org.jwebrtc.stun.Realm;
import org.jwebrtc.stun.StunAttribute;
import org.jwebrtc.stun.StunClass;
import org.jwebrtc.stun.StunMessage;
import org.jwebrtc.stun.StunMethod;
import org.jwebrtc.stun.TransactionId;
import org.jwebrtc.stun.UnknownAttributes;
import org.jwebrtc.stun.Username;
import org.jwebrtc.stun.XorMappedAddress;
import org.junit.jupiter.api.Test;

/** The sans-IO server's checks, one request at a time. */
class TurnServerCoreTest {
    static final InetAddress LO = InetAddress.getLoopbackAddress();
    static final InetSocketAddress CLIENT = new InetSocketAddress(LO, 40000);
    static final InetSocketAddress PEER = new InetSocketAddress(LO, 9000);
    static final long S = 1_000_000_000L;

    final SplittableRandom random = new SplittableRandom(11);
    final FakeRelays relays = new FakeRelays();
    TurnServerCore server;
    long now = 5 * S;
    String user = "u";
    byte[] key = LongTermCredential.key("u", "r", "p");
    String nonce;

    void server(TurnServerConfig.Builder b) {
        server = new TurnServerCore(b.build(), relays, new SplittableRandom(1));
    }

    TurnServerConfig.Builder config() {
        return TurnServerConfig.builder("r").user("u", "p").user("v", "q").allowLoopbackPeers(true);
    }

    StunMessage send(TurnTransport t, InetSocketAddress from, byte[] b) throws Exception {
        assertThat(server.handleClientInput(now, t, from, b, 0, b.length)).isEqualTo(TurnServerCore.HANDLED);
        ServerTransmit out = server.pollTransmit();
        assertThat(out.client()).isEqualTo(from);
        assertThat(server.pollTransmit()).isNull();
        return StunMessage.parse(out.data());
    }

    /** An authenticated request (fetching a nonce first if needed). */
    StunMessage request(int method, TurnAttribute... turn) throws Exception {
        return request(TransactionId.random(random), method, turn);
    }

    StunMessage request(TransactionId id, int method, TurnAttribute... turn) throws Exception {
        if (nonce == null) {
            StunMessage challenge = send(TurnTransport.UDP, CLIENT,
                    StunMessage.of(StunClass.REQUEST, method, TransactionId.random(random)).toBytes());
            assertThat(challenge.attribute(ErrorCode.class).orElseThrow().code()).isEqualTo(401);
            nonce = challenge.attribute(Nonce.class).orElseThrow().value();
        }
        List<StunAttribute> attrs = new ArrayList<>();
        for (TurnAttribute a : turn) {
            attrs.add(a.toRaw(id));
        }
        attrs.add(new Username(user));
        attrs.add(new Realm("r"));
        attrs.add(new Nonce(nonce));
        return send(TurnTransport.UDP, CLIENT, new StunMessage(StunClass.REQUEST, method, id, attrs).toBytes(key, false));
    }

    static int code(StunMessage m) {
        return m.attribute(ErrorCode.class).map(ErrorCode::code).orElse(0);
    }

    InetSocketAddress allocate() throws Exception {
        StunMessage ok = request(StunMethod.ALLOCATE, new RequestedTransport(17));
        assertThat(ok.messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
        return TurnAttribute.find(ok, XorRelayedAddress.class).orElseThrow().address();
    }

    @Test
    void unauthenticatedRequestsAreChallengedWithRealmAndNonce() throws Exception {
        server(config());
        StunMessage r = send(TurnTransport.UDP, CLIENT,
                StunMessage.of(StunClass.REQUEST, StunMethod.ALLOCATE, TransactionId.random(random)).toBytes());
        assertThat(code(r)).isEqualTo(401);
        assertThat(r.attribute(Realm.class)).contains(new Realm("r"));
        assertThat(r.attribute(Nonce.class)).isPresent();
        assertThat(server.stats().challenges()).isEqualTo(1);
    }

    @Test
    void bindingNeedsNoCredentials() throws Exception {
        server(config());
        StunMessage r = send(TurnTransport.UDP, CLIENT,
                StunMessage.of(StunClass.REQUEST, StunMethod.BINDING, TransactionId.random(random)).toBytes());
        assertThat(r.attribute(XorMappedAddress.class)).contains(new XorMappedAddress(CLIENT));
    }

    @Test
    void tamperedOrExpiredNoncesGet438() throws Exception {
        server(config().nonceLifetime(java.time.Duration.ofSeconds(10)));
        request(StunMethod.ALLOCATE, new RequestedTransport(17));
        String good = nonce;
        nonce = good.substring(0, 31) + (good.charAt(31) == '0' ? '1' : '0');
        StunMessage r = request(StunMethod.REFRESH);
        assertThat(code(r)).isEqualTo(438);
        assertThat(r.attribute(Nonce.class)).isPresent();
        nonce = good;
        now += 11 * S;
        assertThat(code(request(StunMethod.REFRESH))).isEqualTo(438);
        assertThat(server.stats().staleNonces()).isEqualTo(2);
    }

    @Test
    void wrongPasswordAndUnknownUserGet401() throws Exception {
        server(config());
        key = LongTermCredential.key("u", "r", "wrong");
        assertThat(code(request(StunMethod.ALLOCATE, new RequestedTransport(17)))).isEqualTo(401);
        user = "nobody";
        assertThat(code(request(StunMethod.ALLOCATE, new RequestedTransport(17)))).isEqualTo(401);
        assertThat(server.stats().authFailures()).isEqualTo(2);
        assertThat(server.stats().activeAllocations()).isZero();
    }

    @Test
    void allocateChecksTransportFamilyAndDuplicates() throws Exception {
        server(config());
        assertThat(code(request(StunMethod.ALLOCATE))).isEqualTo(400);
        assertThat(code(request(StunMethod.ALLOCATE, new RequestedTransport(6)))).isEqualTo(442);
        assertThat(code(request(StunMethod.ALLOCATE, new RequestedTransport(17), new RequestedAddressFamily(2))))
                .isEqualTo(440);
        TransactionId id = TransactionId.random(random);
        StunMessage first = request(id, StunMethod.ALLOCATE, new RequestedTransport(17), new Lifetime(99_999));
        assertThat(TurnAttribute.find(first, Lifetime.class)).contains(new Lifetime(3600)); // capped at the maximum
        StunMessage again = request(id, StunMethod.ALLOCATE, new RequestedTransport(17), new Lifetime(99_999));
        assertThat(again).isEqualTo(first); // a retransmission gets the same answer
        assertThat(code(request(StunMethod.ALLOCATE, new RequestedTransport(17)))).isEqualTo(437);
        assertThat(server.stats().allocationsCreated()).isEqualTo(1);
    }

    @Test
    void evenPortIsHonouredAndReservationsRefused() throws Exception {
        server(config());
        assertThat(code(request(StunMethod.ALLOCATE, new RequestedTransport(17), new EvenPort(true)))).isEqualTo(508);
        relays.allocate(TurnTransport.UDP, CLIENT, false); // make the next free fake port odd
        StunMessage ok = request(StunMethod.ALLOCATE, new RequestedTransport(17), new EvenPort(false));
        assertThat(TurnAttribute.find(ok, XorRelayedAddress.class).orElseThrow().address().getPort() % 2).isZero();
    }

    @Test
    void noRelayPortLeftGets508AndNothingIsAllocated() throws Exception {
        // RFC 8656 §7.2: a server that cannot allocate a relayed transport address answers 508 Insufficient Capacity
        server(config());
        relays.exhausted = true;
        assertThat(code(request(StunMethod.ALLOCATE, new RequestedTransport(17)))).isEqualTo(508);
        assertThat(server.stats().activeAllocations()).isZero();
        relays.exhausted = false;   // capacity back: the same client allocates
        allocate();
        assertThat(server.stats().activeAllocations()).isEqualTo(1);
    }

    @Test
    void unknownComprehensionRequiredAttributesGet420() throws Exception {
        server(config());
        TransactionId id = TransactionId.random(random);
        request(StunMethod.ALLOCATE, new RequestedTransport(17)); // fetches a nonce
        StunMessage m = new StunMessage(StunClass.REQUEST, StunMethod.REFRESH, id, List.of(
                new RawAttribute(0x0022, new byte[8]), new Username("u"), new Realm("r"), new Nonce(nonce)));
        StunMessage r = send(TurnTransport.UDP, CLIENT, m.toBytes(key, false));
        assertThat(code(r)).isEqualTo(420);
        assertThat(r.attribute(UnknownAttributes.class).orElseThrow().types()).containsExactly(0x0022);
    }

    @Test
    void anotherUserOnTheSameFiveTupleGets441() throws Exception {
        server(config());
        allocate();
        user = "v";
        key = LongTermCredential.key("v", "r", "q");
        assertThat(code(request(StunMethod.REFRESH))).isEqualTo(441);
    }

    @Test
    void requestsWithoutAnAllocationGet437() throws Exception {
        server(config());
        assertThat(code(request(StunMethod.REFRESH))).isEqualTo(437);
        assertThat(code(request(StunMethod.CREATE_PERMISSION, new XorPeerAddress(PEER)))).isEqualTo(437);
    }

    @Test
    void forbiddenAndMismatchedPeersAreRefused() throws Exception {
        server(config().allowLoopbackPeers(false));
        allocate();
        assertThat(code(request(StunMethod.CREATE_PERMISSION, new XorPeerAddress(PEER)))).isEqualTo(403);
        InetSocketAddress multicast = new InetSocketAddress(InetAddress.getByName("224.0.0.1"), 1);
        assertThat(code(request(StunMethod.CREATE_PERMISSION, new XorPeerAddress(multicast)))).isEqualTo(403);
        InetSocketAddress v6 = new InetSocketAddress(InetAddress.getByName("2001:db8::1"), 1);
        assertThat(code(request(StunMethod.CREATE_PERMISSION, new XorPeerAddress(v6)))).isEqualTo(443);
        assertThat(code(request(StunMethod.CHANNEL_BIND, new ChannelNumber(0x4000), new XorPeerAddress(PEER))))
                .isEqualTo(403);
        assertThat(server.stats().forbiddenPeers()).isEqualTo(3);
    }

    @Test
    void channelBindRules() throws Exception {
        server(config());
        allocate();
        InetSocketAddress other = new InetSocketAddress(LO, 9001);
        assertThat(code(request(StunMethod.CHANNEL_BIND, new XorPeerAddress(PEER)))).isEqualTo(400);
        assertThat(request(StunMethod.CHANNEL_BIND, new ChannelNumber(0x4000), new XorPeerAddress(PEER))
                .messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
        // same binding again is a refresh; the number to another peer, or the peer to another number, is not
        assertThat(request(StunMethod.CHANNEL_BIND, new ChannelNumber(0x4000), new XorPeerAddress(PEER))
                .messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
        assertThat(code(request(StunMethod.CHANNEL_BIND, new ChannelNumber(0x4000), new XorPeerAddress(other))))
                .isEqualTo(400);
        assertThat(code(request(StunMethod.CHANNEL_BIND, new ChannelNumber(0x4001), new XorPeerAddress(PEER))))
                .isEqualTo(400);
        // a CHANNEL-NUMBER outside 0x4000..0x4FFF is malformed: 400
        TransactionId id = TransactionId.random(random);
        StunMessage m = new StunMessage(StunClass.REQUEST, StunMethod.CHANNEL_BIND, id, List.of(
                new RawAttribute(0x000C, new byte[] {0x3F, (byte) 0xFF, 0, 0}), new XorPeerAddress(other).toRaw(id),
                new Username("u"), new Realm("r"), new Nonce(nonce)));
        assertThat(code(send(TurnTransport.UDP, CLIENT, m.toBytes(key, false)))).isEqualTo(400);
    }

    @Test
    void permissionsAndChannelsExpire() throws Exception {
        server(config());
        InetSocketAddress relay = allocate();
        request(StunMethod.CHANNEL_BIND, new ChannelNumber(0x4000), new XorPeerAddress(PEER));
        byte[] dst = new byte[64];
        byte[] cd = {0x40, 0x00, 0x00, 0x01, 7};
        assertThat(server.handlePeerInput(now, relay, PEER, new byte[] {1}, 0, 1, dst, 0)).isEqualTo(5);
        assertThat(server.handleClientInput(now, TurnTransport.UDP, CLIENT, cd, 0, 5)).isEqualTo(TurnServerCore.RELAY);
        now += 301 * S; // the permission (5 min) is gone, the channel (10 min) not yet
        server.handleTimeout(now);
        assertThat(server.handlePeerInput(now, relay, PEER, new byte[] {1}, 0, 1, dst, 0)).isEqualTo(TurnServerCore.DROPPED);
        assertThat(server.handleClientInput(now, TurnTransport.UDP, CLIENT, cd, 0, 5)).isEqualTo(TurnServerCore.DROPPED);
        request(StunMethod.CREATE_PERMISSION, new XorPeerAddress(PEER));
        request(StunMethod.REFRESH); // keep the allocation itself (10 min) alive
        assertThat(server.handleClientInput(now, TurnTransport.UDP, CLIENT, cd, 0, 5)).isEqualTo(TurnServerCore.RELAY);
        now += 299 * S; // the channel (bound at t=5 s) is gone now; the permission (t=306 s) still holds
        server.handleTimeout(now);
        assertThat(server.handleClientInput(now, TurnTransport.UDP, CLIENT, cd, 0, 5)).isEqualTo(TurnServerCore.DROPPED);
        assertThat(server.handlePeerInput(now, relay, PEER, new byte[] {1}, 0, 1, dst, 0)).isGreaterThan(20); // Data indication
        assertThat(server.stats().permissionDrops()).isEqualTo(3);
    }

    @Test
    void bandwidthCapDropsTheExcess() throws Exception {
        server(config().bandwidthBytesPerSecond(1000));
        InetSocketAddress relay = allocate();
        request(StunMethod.CREATE_PERMISSION, new XorPeerAddress(PEER));
        byte[] dst = new byte[1000];
        byte[] payload = new byte[600];
        assertThat(server.handlePeerInput(now, relay, PEER, payload, 0, 600, dst, 0)).isPositive();
        assertThat(server.handlePeerInput(now, relay, PEER, payload, 0, 600, dst, 0)).isEqualTo(TurnServerCore.DROPPED);
        now += S;
        assertThat(server.handlePeerInput(now, relay, PEER, payload, 0, 600, dst, 0)).isPositive();
        assertThat(server.stats().bandwidthDrops()).isEqualTo(1);
    }

    @Test
    void closingTheStreamDeletesItsAllocation() throws Exception {
        server(config());
        InetSocketAddress relay = allocate();
        server.connectionClosed(TurnTransport.UDP, CLIENT);
        assertThat(server.stats().activeAllocations()).isZero();
        assertThat(relays.released).containsExactly(relay);
    }

    @Test
    void garbageIsCountedNotThrown() {
        server(config());
        byte[][] inputs = {{}, {1}, {0x40, 0, 0, 9}, {(byte) 0x80, 1, 2, 3}, new byte[20]};
        for (byte[] b : inputs) {
            assertThat(server.handleClientInput(now, TurnTransport.UDP, CLIENT, b, 0, b.length))
                    .isEqualTo(TurnServerCore.DROPPED);
        }
        assertThat(server.pollTransmit()).isNull();
        assertThat(server.stats().malformed() + server.stats().permissionDrops()).isEqualTo(inputs.length);
    }

    @Test
    void restUsernamesMustParseAndNotBeExpired() throws Exception {
        server(TurnServerConfig.builder("r").restSecret("s").unixSeconds(() -> 1000));
        user = TurnRestCredentials.username(1001, "x");
        key = LongTermCredential.key(user, "r", TurnRestCredentials.password("s", user));
        allocate();
        nonce = null;
        user = TurnRestCredentials.username(999, "y");
        key = LongTermCredential.key(user, "r", TurnRestCredentials.password("s", user));
        assertThat(code(request(StunMethod.ALLOCATE, new RequestedTransport(17)))).isEqualTo(401);
        user = "notanumber:y";
        key = LongTermCredential.key(user, "r", TurnRestCredentials.password("s", user));
        assertThat(code(request(StunMethod.ALLOCATE, new RequestedTransport(17)))).isEqualTo(401);
        assertThat(server.stats().expiredCredentials()).isEqualTo(1);
        assertThat(TurnRestCredentials.expiry("12:bob")).hasValue(12);
        assertThat(TurnRestCredentials.expiry("99")).hasValue(99);
        assertThat(TurnRestCredentials.expiry(":bob")).isEmpty();
    }
}
