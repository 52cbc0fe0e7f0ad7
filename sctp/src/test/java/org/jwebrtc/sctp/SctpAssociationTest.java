package org.jwebrtc.sctp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** API contract and misuse of the association and its options. */
class SctpAssociationTest {
    private final SctpAssociation a = new SctpAssociation(SctpConfig.defaults(), new Random(1));

    @Test
    void idleAssociationHasNothingToDo() {
        assertThat(a.pollTransmit()).isNull();
        assertThat(a.pollEvent()).isNull();
        assertThat(a.pollTimeout()).isEqualTo(Long.MAX_VALUE);
        assertThat(a.state()).isEqualTo(SctpState.CLOSED);
    }

    @Test
    void connectSendsOneInitAndArmsT1() throws SctpException {
        a.connect(5);
        byte[] p = a.pollTransmit();
        SctpPacket init = SctpPacket.parse(p, 0, p.length);
        assertThat(init.verificationTag()).isZero();
        assertThat(init.sourcePort()).isEqualTo(5000);
        assertThat(init.chunks()).singleElement().isInstanceOf(InitChunk.class);
        InitChunk i = (InitChunk) init.chunks().get(0);
        assertThat(i.initiateTag()).isNotZero();
        assertThat(i.outboundStreams()).isEqualTo(65535);
        assertThat(i.parameter(Parameter.FORWARD_TSN_SUPPORTED)).isPresent();
        assertThat(a.pollTimeout()).isEqualTo(5 + 1_000_000_000L);   // RTO.Initial
        assertThat(a.pollTransmit()).isNull();
        a.handleTimeout(5 + 1_000_000_000L);
        assertThat(a.pollTransmit()).isEqualTo(p);                    // T1-init retransmits the same INIT
        assertThat(a.pollTimeout()).isEqualTo(5 + 3_000_000_000L);   // doubled
        assertThatThrownBy(() -> a.connect(0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void misuseIsRejected() {
        assertThatThrownBy(() -> a.send(0, 51, new byte[0], 0, 0, SendOptions.RELIABLE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> a.send(0, 51, new byte[4], 2, 4, SendOptions.RELIABLE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> a.send(65535, 51, new byte[1], 0, 1, SendOptions.RELIABLE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> a.resetStreams(1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SendOptions(true, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SctpConfig.defaults().withMtu(64)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DataChannelInit("x", "", true, 1, 1, 0, -1))
                .isInstanceOf(IllegalArgumentException.class);
        // queued before the handshake is fine; it goes out once established
        assertThat(a.send(0, 51, new byte[1], 0, 1, SendOptions.RELIABLE)).isTrue();
        assertThat(a.bufferedAmount(0)).isEqualTo(1);
        a.shutdown();
        assertThat(a.state()).isEqualTo(SctpState.TERMINATED);
        assertThat(a.pollEvent()).isInstanceOf(SctpEvent.Closed.class);
        assertThatThrownBy(() -> a.send(0, 51, new byte[1], 0, 1, SendOptions.RELIABLE))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void garbageNeverThrows() {
        byte[] junk = new byte[40];
        new Random(3).nextBytes(junk);
        a.handleInput(0, junk, 0, junk.length);
        a.handleInput(0, junk, 0, 3);
        a.handleInput(0, junk, 30, 20);   // length beyond the buffer: counted as malformed
        assertThat(a.stats().badChecksum() + a.stats().malformed()).isEqualTo(3);
    }

    @Test
    void initWithZeroTagIsIgnored() {
        byte[] p = new SctpPacket(5000, 5000, 0, List.of(new InitChunk(false, 0, 1000, 1, 1, 1, List.of())))
                .toBytes();
        a.handleInput(0, p, 0, p.length);
        assertThat(a.pollTransmit()).isNull();
        assertThat(a.stats().malformed()).isEqualTo(1);
    }
}
