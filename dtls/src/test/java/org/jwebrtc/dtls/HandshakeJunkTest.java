package org.jwebrtc.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * RFC 6347 §4.1.2.7: invalid records are discarded, also while the handshake runs. (Forged
 * epoch-0 handshake records with a valid header are another matter: unauthenticated until
 * Finished, they can stall bctls's reassembly until the handshake timeout, as in any DTLS 1.2;
 * see README.)
 */
class HandshakeJunkTest {
    @Test
    void junkBeforeTheClientHelloDoesNotStopTheServer() throws Exception {
        Random random = new Random(1);
        try (DtlsPair pair = new DtlsPair(DtlsCertificate.generate(), DtlsCertificate.generate(),
                DtlsConfig.defaults())) {
            pair.server.start(System.nanoTime());
            for (int i = 0; i < 50; i++) {
                byte[] junk = new byte[1 + random.nextInt(300)];
                random.nextBytes(junk);
                junk[0] = (byte) (20 + random.nextInt(44));
                pair.server.handleInput(0, junk, 0, junk.length);
            }
            pair.client.start(System.nanoTime());
            pair.pumpUntilSettled(Duration.ofSeconds(20));
            assertThat(pair.client.isConnected()).as("client %s server %s", pair.clientEvents,
                    pair.serverEvents).isTrue();
            assertThat(pair.server.isConnected()).isTrue();
        }
    }

    @Test
    void junkBetweenEveryHandshakeDatagramIsIgnoredByBothSides() throws Exception {
        Random random = new Random(2);
        try (DtlsPair pair = new DtlsPair(DtlsCertificate.generate(), DtlsCertificate.generate(),
                DtlsConfig.defaults())) {
            pair.start();
            DtlsTransport[] both = {pair.client, pair.server};
            for (int round = 0; round < 200 && !(pair.client.isConnected() && pair.server.isConnected()); round++) {
                for (DtlsTransport t : both) {
                    byte[] junk = new byte[1 + random.nextInt(200)];
                    random.nextBytes(junk);
                    junk[0] = (byte) (20 + random.nextInt(44));
                    t.handleInput(System.nanoTime(), junk, 0, junk.length);
                }
                pair.pumpOnce();
                Thread.sleep(5);
            }
            pair.pumpUntilSettled(Duration.ofSeconds(20));
            assertThat(pair.client.isConnected()).as("client %s server %s", pair.clientEvents,
                    pair.serverEvents).isTrue();
            assertThat(pair.server.isConnected()).isTrue();
        }
    }
}
