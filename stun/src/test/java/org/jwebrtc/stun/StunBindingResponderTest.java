package org.jwebrtc.stun;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StunBindingResponderTest {
    private static final byte[] KEY = LongTermCredential.shortTermKey("remotePassword1234567");
    private final SplittableRandom random = new SplittableRandom(7);
    private final InetSocketAddress v4 = address("192.0.2.1", 32853);
    private final InetSocketAddress v6 = address("2001:db8::1", 4000);
    private final StunBindingResponder open = StunBindingResponder.open("jwebrtc test");
    private final StunBindingResponder authed = new StunBindingResponder(null,
            Map.of("local:remote", KEY)::get);

    private static InetSocketAddress address(String ip, int port) {
        try {
            return new InetSocketAddress(InetAddress.getByName(ip), port);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private StunMessage binding(StunAttribute... attrs) {
        return StunMessage.of(StunClass.REQUEST, StunMethod.BINDING, TransactionId.random(random), attrs);
    }

    private static StunMessage parse(byte[] b) throws StunException {
        assertThat(b).isNotNull();
        return StunMessage.parse(b, 0, b.length);
    }

    @Test
    void answersWithXorMappedAddressOfTheSource() throws Exception {
        for (InetSocketAddress source : List.of(v4, v6)) {
            StunMessage req = binding();
            byte[] r = open.respond(req.toBytes(), 0, req.encodedLength(null, false), source);
            StunMessage resp = parse(r);
            assertThat(resp.messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
            assertThat(resp.transactionId()).isEqualTo(req.transactionId());
            assertThat(resp.attribute(XorMappedAddress.class)).contains(new XorMappedAddress(source));
            assertThat(resp.attribute(Software.class)).contains(new Software("jwebrtc test"));
            assertThat(resp.has(Fingerprint.class)).isFalse();
        }
        assertThat(open.stats().successes()).isEqualTo(2);
    }

    @Test
    void mirrorsFingerprint() throws Exception {
        byte[] req = binding().toBytes(null, true);
        byte[] r = open.respond(req, 0, req.length, v4);
        assertThat(StunMessage.verifyFingerprint(r, 0, r.length)).isTrue();
    }

    @Test
    void shortTermAuthSuccessIsSignedWithTheSameKeyAndAlgorithm() throws Exception {
        for (IntegrityAlgorithm alg : IntegrityAlgorithm.values()) {
            byte[] req = binding(new Username("local:remote"), new Priority(1234), new IceControlling(99))
                    .toBytes(KEY, alg, true);
            byte[] r = authed.respond(req, 0, req.length, v4);
            StunView v = new StunView().wrap(r, 0, r.length);
            assertThat(v.messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
            assertThat(v.integrityAlgorithm()).isEqualTo(alg);
            assertThat(v.verifyIntegrity(KEY)).isTrue();
            assertThat(v.hasFingerprint()).isTrue();
        }
    }

    @Test
    void missingCredentialsIs400AndBadOnesAre401() throws Exception {
        byte[] noAuth = binding(new Username("local:remote")).toBytes(null, true);
        assertThat(errorCode(authed.respond(noAuth, 0, noAuth.length, v4))).isEqualTo(400);

        byte[] noUser = binding().toBytes(KEY, true);
        assertThat(errorCode(authed.respond(noUser, 0, noUser.length, v4))).isEqualTo(400);

        byte[] unknownUser = binding(new Username("who:else")).toBytes(KEY, true);
        assertThat(errorCode(authed.respond(unknownUser, 0, unknownUser.length, v4))).isEqualTo(401);

        byte[] wrongKey = binding(new Username("local:remote")).toBytes("nope".getBytes(StandardCharsets.UTF_8), true);
        byte[] r = authed.respond(wrongKey, 0, wrongKey.length, v4);
        assertThat(errorCode(r)).isEqualTo(401);
        assertThat(parse(r).has(MessageIntegrity.class)).isFalse(); // §9.1.3: no integrity on 401
        assertThat(authed.stats().badRequests()).isEqualTo(2);
        assertThat(authed.stats().unauthenticated()).isEqualTo(2);
    }

    @Test
    void unknownComprehensionRequiredIs420ListingThem() throws Exception {
        byte[] req = binding(new RawAttribute(0x0019, new byte[] {17, 0, 0, 0}), // REQUESTED-TRANSPORT
                new RawAttribute(0x7FFF, new byte[3]), new RawAttribute(0x0019, new byte[4]),
                new RawAttribute(0xC001, new byte[2])).toBytes(null, true);
        StunMessage resp = parse(open.respond(req, 0, req.length, v4));
        assertThat(resp.attribute(ErrorCode.class).orElseThrow().code()).isEqualTo(420);
        assertThat(resp.attribute(UnknownAttributes.class).orElseThrow().types()).containsExactly(0x0019, 0x7FFF);
        assertThat(open.stats().unknownAttributes()).isEqualTo(1);
    }

    @Test
    void authenticated420IsSigned() throws Exception {
        byte[] req = binding(new Username("local:remote"), new RawAttribute(0x0042, new byte[0])).toBytes(KEY, true);
        byte[] r = authed.respond(req, 0, req.length, v4);
        assertThat(errorCode(r)).isEqualTo(420);
        assertThat(StunMessage.verifyIntegrity(r, 0, r.length, KEY)).isTrue();
    }

    @Test
    void optionalUnknownAttributesAreIgnored() throws Exception {
        byte[] req = binding(new RawAttribute(0x802F, "http://x/".getBytes(StandardCharsets.UTF_8))).toBytes();
        assertThat(parse(open.respond(req, 0, req.length, v4)).messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
    }

    @Test
    void malformedRequestIs400() throws Exception {
        byte[] req = binding(new Software("abc")).toBytes();
        req[23] = 40; // SOFTWARE length now exceeds the message
        assertThat(errorCode(open.respond(req, 0, req.length, v4))).isEqualTo(400);
        byte[] badXor = binding(new RawAttribute(StunAttributeType.XOR_MAPPED_ADDRESS, new byte[3])).toBytes();
        assertThat(StunMessage.isStun(badXor, 0, badXor.length)).isTrue();
        assertThat(errorCode(open.respond(badXor, 0, badXor.length, v4))).isEqualTo(400);
        byte[] badLength = binding().toBytes();
        badLength[3] = 4; // length field says 4, nothing follows: §6.3 silent discard
        assertThat(open.respond(badLength, 0, badLength.length, v4)).isNull();
        byte[] badPriority = binding(new RawAttribute(StunAttributeType.PRIORITY, new byte[5])).toBytes();
        assertThat(errorCode(open.respond(badPriority, 0, badPriority.length, v4))).isEqualTo(400);
    }

    @Test
    void fingerprintMismatchIsDroppedNotAnswered() {
        StunBindingResponder r = StunBindingResponder.open(null);
        byte[] req = binding(new Software("x")).toBytes(null, true);
        req[req.length - 1] ^= 1;
        assertThat(r.respond(req, 0, req.length, v4)).isNull();
        assertThat(r.stats().dropped()).isEqualTo(1);
        assertThat(r.stats().badRequests()).isZero();
    }

    @Test
    void dropsWhatIsNotABindingRequest() {
        StunBindingResponder r = StunBindingResponder.open(null);
        byte[] indication = StunMessage.of(StunClass.INDICATION, StunMethod.BINDING, TransactionId.random(random)).toBytes();
        byte[] response = StunMessage.of(StunClass.SUCCESS_RESPONSE, StunMethod.BINDING, TransactionId.random(random)).toBytes();
        byte[] allocate = StunMessage.of(StunClass.REQUEST, StunMethod.ALLOCATE, TransactionId.random(random)).toBytes();
        byte[] rtp = new byte[40];
        rtp[0] = (byte) 0x80;
        for (byte[] b : List.of(indication, response, allocate, rtp, new byte[3])) {
            assertThat(r.respond(b, 0, b.length, v4)).isNull();
        }
        assertThat(r.stats().dropped()).isEqualTo(5);
    }

    @Test
    void writesIntoCallerBufferAtOffset() throws Exception {
        byte[] req = binding().toBytes(null, true);
        byte[] dst = new byte[600];
        int n = open.respond(req, 0, req.length, v4, dst, 100);
        assertThat(n).isPositive();
        StunMessage resp = StunMessage.parse(dst, 100, n);
        assertThat(resp.attribute(XorMappedAddress.class)).contains(new XorMappedAddress(v4));
    }

    private static int errorCode(byte[] r) throws StunException {
        StunMessage m = parse(r);
        assertThat(m.messageClass()).isEqualTo(StunClass.ERROR_RESPONSE);
        return m.attribute(ErrorCode.class).orElseThrow().code();
    }
}
