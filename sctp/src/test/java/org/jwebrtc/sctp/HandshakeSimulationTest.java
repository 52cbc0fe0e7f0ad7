package org.jwebrtc.sctp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Association setup: normal, INIT collision, lossy, cookie MAC and lifetime, checksum. */
class HandshakeSimulationTest {
    static SctpConfig config() {
        return SctpConfig.defaults().withRto(java.time.Duration.ofMillis(500), java.time.Duration.ofMillis(200),
                java.time.Duration.ofSeconds(10));
    }

    @Test
    void clientConnectsToListeningServer() {
        var net = new VirtualNetwork(new SctpAssociation(config(), new Random(1)),
                new SctpAssociation(config(), new Random(2)), 3);
        net.a.connect(0);
        assertThat(net.runUntil(net::connected, VirtualNetwork.seconds(5))).isTrue();
        assertThat(net.a.state()).isEqualTo(SctpState.ESTABLISHED);
        assertThat(net.b.state()).isEqualTo(SctpState.ESTABLISHED);
        assertThat(net.now).isLessThan(VirtualNetwork.seconds(0.05));   // two round trips of 10 ms
    }

    @Test
    void initCollisionEstablishesBothEnds() {
        for (long seed = 0; seed < 20; seed++) {
            var net = new VirtualNetwork(new SctpAssociation(config(), new Random(seed)),
                    new SctpAssociation(config(), new Random(seed + 100)), seed);
            net.a.connect(0);
            net.b.connect(0);
            assertThat(net.runUntil(net::connected, VirtualNetwork.seconds(5))).as("seed " + seed).isTrue();
            // and data flows both ways over the collided association
            net.a.send(1, 51, new byte[] {1}, 0, 1, SendOptions.RELIABLE);
            net.b.send(2, 51, new byte[] {2}, 0, 1, SendOptions.RELIABLE);
            assertThat(net.runUntil(() -> received(net.eventsA) == 1 && received(net.eventsB) == 1,
                    VirtualNetwork.seconds(5))).isTrue();
        }
    }

    @Test
    void initCollisionUnderLossEstablishes() {
        for (long seed = 0; seed < 20; seed++) {
            var net = new VirtualNetwork(new SctpAssociation(config(), new Random(seed)),
                    new SctpAssociation(config(), new Random(seed + 100)), seed).lossy(0.3, 0.1, 0.5);
            net.a.connect(0);
            net.b.connect(1_000_000);
            assertThat(net.runUntil(net::connected, VirtualNetwork.seconds(60))).as("seed " + seed).isTrue();
        }
    }

    static long received(List<SctpEvent> events) {
        return events.stream().filter(e -> e instanceof SctpEvent.MessageReceived).count();
    }

    /** Drives INIT and INIT ACK by hand; returns the COOKIE ECHO packet the client sends. */
    private static byte[] cookieEcho(SctpAssociation client, SctpAssociation server, long t) {
        client.connect(t);
        byte[] init = client.pollTransmit();
        server.handleInput(t, init, 0, init.length);
        byte[] initAck = server.pollTransmit();
        assertThat(server.pollTransmit()).isNull();
        assertThat(server.state()).isEqualTo(SctpState.CLOSED);   // stateless until the cookie returns
        client.handleInput(t, initAck, 0, initAck.length);
        assertThat(client.state()).isEqualTo(SctpState.COOKIE_ECHOED);
        return client.pollTransmit();
    }

    @Test
    void cookieWithBadMacIsDroppedAndCounted() throws SctpException {
        var client = new SctpAssociation(config(), new Random(1));
        var server = new SctpAssociation(config(), new Random(2));
        byte[] echo = cookieEcho(client, server, 0);
        SctpPacket p = SctpPacket.parse(echo, 0, echo.length);
        byte[] cookie = ((CookieEcho) p.chunks().get(0)).cookie();
        cookie[3] ^= 0x40;   // flip a bit of the tag the MAC covers
        byte[] forged = new SctpPacket(p.sourcePort(), p.destinationPort(), p.verificationTag(),
                List.of(new CookieEcho(cookie))).toBytes();
        server.handleInput(1, forged, 0, forged.length);
        assertThat(server.state()).isEqualTo(SctpState.CLOSED);
        assertThat(server.pollTransmit()).isNull();
        assertThat(server.stats().badCookieMac()).isEqualTo(1);
        // the genuine one still works
        server.handleInput(2, echo, 0, echo.length);
        assertThat(server.state()).isEqualTo(SctpState.ESTABLISHED);
        assertThat(server.pollEvent()).isInstanceOf(SctpEvent.Connected.class);
    }

    @Test
    void staleCookieGetsStaleCookieErrorAndClientRetries() throws SctpException {
        SctpConfig cfg = config().withCookieLifetime(java.time.Duration.ofSeconds(1));
        var client = new SctpAssociation(cfg, new Random(1));
        var server = new SctpAssociation(cfg, new Random(2));
        byte[] echo = cookieEcho(client, server, 0);
        long late = VirtualNetwork.seconds(1.5);
        server.handleInput(late, echo, 0, echo.length);
        assertThat(server.state()).isEqualTo(SctpState.CLOSED);
        assertThat(server.stats().staleCookie()).isEqualTo(1);
        byte[] error = server.pollTransmit();
        SctpPacket ep = SctpPacket.parse(error, 0, error.length);
        ErrorCause cause = ((ErrorChunk) ep.chunks().get(0)).causes().get(0);
        assertThat(cause.code()).isEqualTo(ErrorCause.STALE_COOKIE);
        assertThat(Bytes.u32(cause.info(), 0)).isEqualTo(500_000L);   // staleness in microseconds
        client.handleInput(late, error, 0, error.length);
        assertThat(client.state()).isEqualTo(SctpState.COOKIE_WAIT);
        byte[] init = client.pollTransmit();
        assertThat(SctpPacket.parse(init, 0, init.length).chunks().get(0)).isInstanceOf(InitChunk.class);
        // the retried handshake completes in time
        var net = new VirtualNetwork(client, server, 9);
        net.now = late;
        server.handleInput(late, init, 0, init.length);
        assertThat(net.runUntil(net::connected, late + VirtualNetwork.seconds(5))).isTrue();
    }

    @Test
    void corruptedChecksumIsDroppedAndCounted() {
        var net = new VirtualNetwork(new SctpAssociation(config(), new Random(1)),
                new SctpAssociation(config(), new Random(2)), 3);
        int[] n = {0};
        net.tamperToB = p -> {
            if (n[0]++ % 2 == 0) {
                p = p.clone();
                p[p.length - 1] ^= 1;
            }
            return p;
        };
        net.a.connect(0);
        assertThat(net.runUntil(net::connected, VirtualNetwork.seconds(30))).isTrue();
        assertThat(net.b.stats().badChecksum()).isGreaterThan(0);
    }

    @Test
    void chromiumStyleInitIsAcceptedAndAnswered() throws SctpException {
        // Chromium-style INIT: Forward-TSN-Supported, Supported Extensions (RE-CONFIG, FORWARD-TSN, I-DATA) and
        // Zero Checksum Acceptable (RFC 9653), which we ignore: our answer offers neither I-DATA nor zero checksum.
        InitChunk init = new InitChunk(false, 0x11223344L, 131072, 65535, 65535, 0x0a0b0c0dL, List.of(
                new Parameter(Parameter.FORWARD_TSN_SUPPORTED, new byte[0]),
                new Parameter(Parameter.SUPPORTED_EXTENSIONS, new byte[] {(byte) 0x82, (byte) 0xc0, 0x40}),
                new Parameter(Parameter.ZERO_CHECKSUM_ACCEPTABLE, new byte[] {0, 0, 0, 1})));
        byte[] pkt = new SctpPacket(5000, 5000, 0, List.of(init)).toBytes();
        var server = new SctpAssociation(config(), new Random(2));
        server.handleInput(0, pkt, 0, pkt.length);
        byte[] out = server.pollTransmit();
        SctpPacket ack = SctpPacket.parse(out, 0, out.length);
        assertThat(ack.verificationTag()).isEqualTo(0x11223344L);
        InitChunk ia = (InitChunk) ack.chunks().get(0);
        assertThat(ia.ack()).isTrue();
        assertThat(ia.parameter(Parameter.STATE_COOKIE)).isPresent();
        assertThat(ia.parameter(Parameter.ZERO_CHECKSUM_ACCEPTABLE)).isEmpty();
        assertThat(ia.parameter(Parameter.FORWARD_TSN_SUPPORTED)).isPresent();
        assertThat(ia.parameter(Parameter.SUPPORTED_EXTENSIONS).get().value())
                .containsExactly((byte) 0x82, (byte) 0xc0);
        assertThat(Crc32c.readField(out, 0)).isNotZero();
    }
}
