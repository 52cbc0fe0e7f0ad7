package org.jwebrtc.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A DTLS 1.0 ClientHello (RFC 4347, version {254, 255}) is refused: WebRTC needs DTLS 1.2 at least (RFC 8827
 * §6.5), so the server answers with a fatal protocol_version alert (RFC 5246 §7.4.1.3, §7.2.2), counts the failed
 * handshake and stays a well-behaved object (no exception leaves {@code handleInput}). The hello is our own
 * client's, with client_version and the record version rewritten to DTLS 1.0 in flight.
 */
class Dtls10ClientHelloTest {
    private static final DtlsCertificate CLIENT = DtlsCertificate.generate();
    private static final DtlsCertificate SERVER = DtlsCertificate.generate();
    private static final int ALERT = 21;
    private static final int HANDSHAKE = 22;

    @ParameterizedTest
    @EnumSource(DtlsVersion.class)
    void aDtls10ClientHelloIsRefusedWithProtocolVersionAndCounted(DtlsVersion serverMax) throws Exception {
        DtlsConfig server = DtlsConfig.defaults().withMaxVersion(serverMax);
        try (DtlsPair pair = new DtlsPair(CLIENT, SERVER, SERVER.fingerprint(), CLIENT.fingerprint(),
                DtlsConfig.defaults(), server)) {
            List<byte[]> toClient = new CopyOnWriteArrayList<>();
            int[] rewritten = new int[1];
            pair.link = d -> {
                HelloMessage hello = HelloMessage.parse(d);
                if (hello != null && hello.type() == HelloMessage.CLIENT_HELLO) {
                    d = d.clone();
                    d[1] = (byte) 0xFE;   // record version: DTLS 1.0 (RFC 4347 §4.1)
                    d[2] = (byte) 0xFF;
                    int v = HelloMessage.RECORD_HEADER + HelloMessage.HANDSHAKE_HEADER;
                    d[v] = (byte) 0xFE;   // ClientHello.client_version: DTLS 1.0
                    d[v + 1] = (byte) 0xFF;
                    rewritten[0]++;
                } else {
                    toClient.add(d);   // the client sends nothing but hellos here: the rest is the server's
                }
                return d;
            };
            pair.start();
            pair.pumpUntilSettled(Duration.ofSeconds(30));

            assertThat(rewritten[0]).as("ClientHellos rewritten").isPositive();
            DtlsEvent.Failed failed = DtlsPair.first(pair.serverEvents, DtlsEvent.Failed.class);
            assertThat(failed.reason()).contains("protocol_version");
            assertThat(pair.serverEvents).noneMatch(e -> e instanceof DtlsEvent.Connected);
            assertThat(pair.clientEvents).noneMatch(e -> e instanceof DtlsEvent.Connected);
            assertThat(toClient).as("no ServerHello, a fatal alert")
                    .noneMatch(d -> HelloMessage.parse(d) != null)
                    .anyMatch(d -> d[0] == ALERT);
            assertThat(pair.server.stats().failedHandshakes()).isEqualTo(1);
            assertThat(pair.server.isConnected()).isFalse();

            // the refused transport stays inert: more input is dropped and counted, nothing is thrown
            long dropped = pair.server.stats().droppedDatagrams();
            byte[] again = new byte[] {HANDSHAKE, (byte) 0xFE, (byte) 0xFF, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
            pair.server.handleInput(System.nanoTime(), again, 0, again.length);
            pair.pumpQuiet();
            assertThat(pair.server.stats().droppedDatagrams()).isGreaterThan(dropped);
            assertThat(pair.server.stats().failedHandshakes()).isEqualTo(1);
        }
    }
}
