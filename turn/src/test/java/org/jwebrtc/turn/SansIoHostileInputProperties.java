package org.jwebrtc.turn;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.jwebrtc.stun.StunClass;
import org.jwebrtc.stun.StunMessage;
import org.jwebrtc.stun.StunMethod;
import org.jwebrtc.stun.TransactionId;

/** Hostile bytes into the client and the server: dropped and counted, never thrown (DESIGN §4). */
class SansIoHostileInputProperties {
    static final InetAddress LO = InetAddress.getLoopbackAddress();
    static final InetSocketAddress CLIENT = new InetSocketAddress(LO, 40000);
    static final InetSocketAddress PEER = new InetSocketAddress(LO, 9000);

    @Property
    void serverSurvivesAnyClientBytes(@ForAll @Size(max = 120) byte[] bytes, @ForAll boolean stunHeader,
                                      @ForAll boolean stream) {
        TurnServerCore server = new TurnServerCore(TurnServerConfig.builder("r").user("u", "p")
                .allowLoopbackPeers(true).build(), new FakeRelays(), new SplittableRandom(1));
        byte[] b = stunHeader ? withStunHeader(bytes) : bytes;
        int r = server.handleClientInput(0, stream ? TurnTransport.TCP : TurnTransport.UDP, CLIENT, b, 0, b.length);
        assertThat(r).isIn(TurnServerCore.DROPPED, TurnServerCore.HANDLED, TurnServerCore.RELAY);
        byte[] dst = new byte[b.length + TurnServerCore.MAX_CLIENT_OVERHEAD];
        assertThat(server.handlePeerInput(0, PEER, PEER, b, 0, b.length, dst, 0)).isEqualTo(TurnServerCore.DROPPED);
    }

    @Property
    void clientSurvivesAnyServerBytes(@ForAll @Size(max = 120) byte[] bytes, @ForAll boolean stunHeader,
                                      @ForAll @IntRange(max = 3) int cls) {
        TurnClient client = new TurnClient(TurnClientConfig.of(new InetSocketAddress(LO, 3478), TurnTransport.UDP,
                "u", "p"), new SplittableRandom(2));
        client.start(0);
        byte[] b = stunHeader ? withStunHeader(bytes) : bytes;
        if (stunHeader && b.length >= 20) {
            byte[] sent = client.pollTransmit();
            System.arraycopy(sent, 8, b, 8, 12); // our transaction ID: reaches the transaction itself
            int type = StunMethod.messageType(StunMethod.ALLOCATE, StunClass.ofBits(cls));
            b[0] = (byte) (type >>> 8);
            b[1] = (byte) type;
        }
        client.handleInput(0, b, 0, b.length);
        while (client.pollEvent() != null) {
            // any event is fine; no exception is the property
        }
        client.unwrapChannelData(b, 0, b.length);
    }

    /** Authenticated requests with random values in TURN attributes: always an answer (400 for malformed ones). */
    @Property
    void signedRequestsWithGarbageTurnAttributesGetAnAnswer(
            @ForAll @IntRange(max = 3) int methodIndex,
            @ForAll @Size(max = 4) java.util.List<@IntRange(max = 8) Integer> types,
            @ForAll @Size(max = 24) byte[] value) throws Exception {
        int[] turnTypes = {0x000C, 0x000D, 0x0012, 0x0013, 0x0016, 0x0017, 0x0018, 0x0019, 0x001A};
        int[] methods = {StunMethod.ALLOCATE, StunMethod.REFRESH, StunMethod.CREATE_PERMISSION, StunMethod.CHANNEL_BIND};
        TurnServerCore server = new TurnServerCore(TurnServerConfig.builder("r").user("u", "p")
                .allowLoopbackPeers(true).build(), new FakeRelays(), new SplittableRandom(1));
        TransactionId first = TransactionId.of(new byte[12]);
        byte[] probe = StunMessage.of(StunClass.REQUEST, StunMethod.ALLOCATE, first).toBytes();
        server.handleClientInput(0, TurnTransport.UDP, CLIENT, probe, 0, probe.length);
        String nonce = StunMessage.parse(server.pollTransmit().data()).attribute(org.jwebrtc.stun.Nonce.class)
                .orElseThrow().value();
        java.util.List<org.jwebrtc.stun.StunAttribute> attrs = new java.util.ArrayList<>();
        for (int t : types) {
            attrs.add(new org.jwebrtc.stun.RawAttribute(turnTypes[t], value));
        }
        attrs.add(new org.jwebrtc.stun.Username("u"));
        attrs.add(new org.jwebrtc.stun.Realm("r"));
        attrs.add(new org.jwebrtc.stun.Nonce(nonce));
        byte[] req = new StunMessage(StunClass.REQUEST, methods[methodIndex], TransactionId.of(new byte[] {
                1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}), attrs)
                .toBytes(org.jwebrtc.stun.LongTermCredential.key("u", "r", "p"), false);
        assertThat(server.handleClientInput(0, TurnTransport.UDP, CLIENT, req, 0, req.length))
                .isEqualTo(TurnServerCore.HANDLED);
        ServerTransmit answer = server.pollTransmit();
        assertThat(answer).isNotNull();
        assertThat(StunMessage.parse(answer.data()).messageClass().isResponse()).isTrue();
    }

    /** A valid STUN header with the body length of {@code body} (padded to 4), so parsing goes past the header. */
    private static byte[] withStunHeader(byte[] body) {
        int len = (body.length + 3) & ~3;
        byte[] b = new byte[20 + len];
        byte[] header = StunMessage.of(StunClass.REQUEST, StunMethod.ALLOCATE,
                TransactionId.of(new byte[12])).toBytes();
        System.arraycopy(header, 0, b, 0, 20);
        b[2] = (byte) (len >>> 8);
        b[3] = (byte) len;
        System.arraycopy(body, 0, b, 20, body.length);
        return b;
    }
}
