package org.jwebrtc.dtls.internal.dtls13;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.jwebrtc.dtls.DtlsEvent;

/** Hostile datagrams at a connected DTLS 1.3 endpoint: dropped (counted), never fatal. */
class Dtls13HostileInputProperties {
    private static final byte[] DATA = {1, 2, 3, 4, 5};

    private static Dtls13Simulation connected(long seed) {
        Dtls13Simulation sim = new Dtls13Simulation(Dtls13Config.defaults().withGroups(
                List.of(NamedGroup.X25519), List.of(NamedGroup.X25519)), Dtls13Config.defaults(), seed);
        assertThat(sim.handshake()).isTrue();
        sim.settle(50);
        return sim;
    }

    @Property(tries = 40)
    void randomDatagramsAreIgnored(@ForAll @Size(max = 10) List<@Size(max = 300) byte[]> junk) {
        Dtls13Simulation sim = connected(junk.size());
        for (byte[] j : junk) {
            sim.server.handleInput(sim.now, j, 0, j.length);
            sim.client.handleInput(sim.now, j, 0, j.length);
        }
        assertThat(sim.server.isConnected()).isTrue();
        assertThat(sim.client.isConnected()).isTrue();
        sim.client.send(DATA, 0, DATA.length);
        sim.settle(50);
        assertThat(sim.serverEvents).last().isEqualTo(new DtlsEvent.ApplicationData(DATA));
    }

    @Property(tries = 40)
    void bitFlippedAndTruncatedRecordsAreDroppedAndCounted(@ForAll @IntRange(max = 10_000) int bit,
                                                           @ForAll @IntRange(min = 1, max = 40) int cut) {
        Dtls13Simulation sim = connected(bit);
        sim.client.send(DATA, 0, DATA.length);
        byte[] record = sim.client.pollTransmit();
        byte[] flipped = record.clone();
        int i = bit % (record.length * 8);
        flipped[i / 8] ^= (byte) (1 << (i % 8));
        sim.server.handleInput(sim.now, flipped, 0, flipped.length);
        sim.server.handleInput(sim.now, record, 0, Math.max(0, record.length - cut));
        assertThat(sim.server.pollEvent()).isNull();
        assertThat(sim.server.isConnected()).isTrue();
        sim.server.handleInput(sim.now, record, 0, record.length);
        assertThat(sim.server.pollEvent()).isEqualTo(new DtlsEvent.ApplicationData(DATA));
    }
}
