package org.jwebrtc.dtls.internal.dtls13;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jwebrtc.dtls.DtlsEvent;

class Dtls13HandshakeTest {

    @Test
    void javaToJavaHandshakeExchangesApplicationDataAndSrtpKeys() {
        Dtls13Simulation sim = new Dtls13Simulation(1);
        assertThat(sim.handshake()).as("connected; client %s server %s", sim.clientEvents, sim.serverEvents).isTrue();
        DtlsEvent.Connected c = Dtls13Simulation.ofType(sim.clientEvents, DtlsEvent.Connected.class).get(0);
        DtlsEvent.Connected s = Dtls13Simulation.ofType(sim.serverEvents, DtlsEvent.Connected.class).get(0);
        assertThat(c.cipherSuite()).isEqualTo(0x1301);
        assertThat(c.srtp()).isPresent();
        assertThat(c.srtp()).isEqualTo(s.srtp());
        assertThat(c.remoteFingerprint()).isEqualTo(Dtls13Simulation.SERVER_CERT.fingerprint());
        assertThat(s.remoteFingerprint()).isEqualTo(Dtls13Simulation.CLIENT_CERT.fingerprint());
        assertThat(sim.client.group()).isEqualTo(NamedGroup.X25519MLKEM768);

        byte[] hello = "hello over DTLS 1.3".getBytes(StandardCharsets.UTF_8);
        sim.client.send(hello, 0, hello.length);
        sim.server.send(hello, 0, hello.length);
        sim.settle(100);
        assertThat(Dtls13Simulation.ofType(sim.serverEvents, DtlsEvent.ApplicationData.class))
                .containsExactly(new DtlsEvent.ApplicationData(hello));
        assertThat(Dtls13Simulation.ofType(sim.clientEvents, DtlsEvent.ApplicationData.class))
                .containsExactly(new DtlsEvent.ApplicationData(hello));
        assertThat(sim.client.pollTimeout()).as("final flight acknowledged").isEqualTo(Long.MAX_VALUE);
        assertThat(sim.client.writeEpoch()).isEqualTo(3);
        assertThat(List.of(sim.client.authFailures(), sim.server.authFailures())).containsOnly(0L);
    }
}
