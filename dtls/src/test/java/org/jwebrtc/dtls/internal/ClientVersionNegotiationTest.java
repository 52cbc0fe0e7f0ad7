package org.jwebrtc.dtls.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.jwebrtc.dtls.internal.ClientVersionNegotiation.Decision;
import org.jwebrtc.dtls.internal.dtls13.ContentType;
import org.jwebrtc.dtls.internal.dtls13.DtlsPlaintext;
import org.jwebrtc.dtls.internal.dtls13.Extension;
import org.jwebrtc.dtls.internal.dtls13.HandshakeFragment;
import org.jwebrtc.dtls.internal.dtls13.HandshakeType;
import org.jwebrtc.dtls.internal.dtls13.ServerHello;
import org.jwebrtc.dtls.internal.dtls13.WireWriter;
import org.junit.jupiter.api.Test;

/** The client's version decision on the server's first flight (RFC 8446 §4.1.3, §4.2.1). */
class ClientVersionNegotiationTest {
    private static final byte[] CLIENT_HELLO = new byte[300];

    private static byte[] record(int type, long seq, byte[] body) {
        return new DtlsPlaintext(type, 0, seq, body).toBytes();
    }

    private static byte[] handshake(int type, int seq, byte[] body, int from, int to) {
        return new HandshakeFragment(type, body.length, seq, from, Arrays.copyOfRange(body, from, to)).toBytes();
    }

    /** bctls sent a ClientHello in two fragments (records 0 and 1). */
    private static ClientVersionNegotiation afterClientHello() {
        ClientVersionNegotiation n = new ClientVersionNegotiation();
        n.onOutbound(record(ContentType.HANDSHAKE, 0, handshake(HandshakeType.CLIENT_HELLO, 0, CLIENT_HELLO, 0, 200)));
        assertThat(n.clientHello()).isNull();
        n.onOutbound(record(ContentType.HANDSHAKE, 1, handshake(HandshakeType.CLIENT_HELLO, 0, CLIENT_HELLO, 200, 300)));
        return n;
    }

    private static byte[] serverHello(byte[] random, List<Extension> ext) {
        return new ServerHello(0xFEFD, random, new byte[0], 0xC02B, ext).encode();
    }

    private static byte[] random(byte[] tail) {
        byte[] r = new byte[32];
        Arrays.fill(r, (byte) 7);
        System.arraycopy(tail, 0, r, 24, 8);
        return r;
    }

    @Test
    void theClientHelloIsCapturedFromItsFragments() {
        ClientVersionNegotiation n = afterClientHello();
        assertThat(n.clientHello()).isEqualTo(CLIENT_HELLO);
        assertThat(n.clientHelloSeq()).isZero();
        assertThat(n.nextPlaintextSeq()).isEqualTo(2);
    }

    @Test
    void aDtls12ServerHelloWithoutSentinelGoesToBctlsWithWhatWasHeld() {
        ClientVersionNegotiation n = afterClientHello();
        byte[] sh = serverHello(random(new byte[8]), List.of());
        byte[] first = record(ContentType.HANDSHAKE, 0, handshake(HandshakeType.SERVER_HELLO, 0, sh, 0, 20));
        byte[] second = record(ContentType.HANDSHAKE, 1, handshake(HandshakeType.SERVER_HELLO, 0, sh, 20, sh.length));
        assertThat(n.onInbound(first, 0, first.length)).isEqualTo(Decision.HOLD);
        assertThat(n.onInbound(second, 0, second.length)).isEqualTo(Decision.DTLS12);
        assertThat(n.held()).containsExactly(first, second);
        assertThat(n.serverHelloSeq()).isZero();
    }

    @Test
    void theDowngradeSentinelsAbortWithAnIllegalParameterAlert() {
        for (byte[] sentinel : List.of(ServerHello.DOWNGRADE_TLS12, ServerHello.DOWNGRADE_TLS11)) {
            ClientVersionNegotiation n = afterClientHello();
            byte[] sh = serverHello(random(sentinel), List.of());
            byte[] d = record(ContentType.HANDSHAKE, 0, handshake(HandshakeType.SERVER_HELLO, 0, sh, 0, sh.length));
            assertThat(n.onInbound(d, 0, d.length)).isEqualTo(Decision.DOWNGRADE);
            // fatal(2) illegal_parameter(47), epoch 0, the record number after bctls's two
            assertThat(n.downgradeAlert()).isEqualTo(record(ContentType.ALERT, 2, new byte[] {2, 47}));
        }
    }

    @Test
    void supportedVersionsInTheServerHelloSelectsTheEngine() {
        ClientVersionNegotiation n = afterClientHello();
        byte[] sh = serverHello(random(ServerHello.DOWNGRADE_TLS12), List.of(new Extension(Extension.SUPPORTED_VERSIONS,
                new WireWriter(2).u16(0xFEFC).toBytes())));
        byte[] d = record(ContentType.HANDSHAKE, 0, handshake(HandshakeType.SERVER_HELLO, 0, sh, 0, sh.length));
        assertThat(n.onInbound(d, 0, d.length)).isEqualTo(Decision.DTLS13);
    }

    @Test
    void helloVerifyRequestsAndAlertsGoToBctlsAtOnceJunkIsDropped() {
        ClientVersionNegotiation n = afterClientHello();
        byte[] hvr = record(ContentType.HANDSHAKE, 0, handshake(3, 0, new byte[] {(byte) 0xFE, (byte) 0xFF, 1, 9}, 0, 4));
        assertThat(n.onInbound(hvr, 0, hvr.length)).isEqualTo(Decision.FORWARD);
        byte[] alert = record(ContentType.ALERT, 1, new byte[] {2, 40});
        assertThat(n.onInbound(alert, 0, alert.length)).isEqualTo(Decision.FORWARD);
        byte[] junk = {(byte) 0x80, 1, 2, 3};
        assertThat(n.onInbound(junk, 0, junk.length)).isEqualTo(Decision.DROP);
        byte[] ciphertext = {0x2C, 0, 0, 0, 20, 1, 2, 3};
        assertThat(n.onInbound(ciphertext, 0, ciphertext.length)).isEqualTo(Decision.HOLD);
        assertThat(n.held()).hasSize(1);
    }

    @Test
    void theHoldIsBounded() {
        ClientVersionNegotiation n = afterClientHello();
        byte[] ciphertext = {0x2C, 0, 0, 0, 20, 1, 2, 3};
        for (int i = 0; i < 32; i++) {
            assertThat(n.onInbound(ciphertext, 0, ciphertext.length)).isEqualTo(Decision.HOLD);
        }
        assertThat(n.onInbound(ciphertext, 0, ciphertext.length)).isEqualTo(Decision.DROP);
        assertThat(n.droppedHeld()).isEqualTo(1);
    }

    @Test
    void aMalformedServerHelloIsLeftToBctlsToReport() {
        ClientVersionNegotiation n = afterClientHello();
        byte[] bad = {1, 2, 3};
        byte[] d = record(ContentType.HANDSHAKE, 0, handshake(HandshakeType.SERVER_HELLO, 0, bad, 0, 3));
        assertThat(n.onInbound(d, 0, d.length)).isEqualTo(Decision.DTLS12);
    }

    @Property
    void anyDatagramGetsADecisionAndNeverThrows(@ForAll @Size(max = 300) byte[] datagram) {
        ClientVersionNegotiation n = afterClientHello();
        assertThat(n.onInbound(datagram, 0, datagram.length)).isNotNull();
        n.onOutbound(datagram);
    }
}
