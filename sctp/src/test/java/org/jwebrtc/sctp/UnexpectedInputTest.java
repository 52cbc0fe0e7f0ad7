package org.jwebrtc.sctp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Packets an established association must reject, report or survive (§3.2, §6.5, §8.5). */
class UnexpectedInputTest {
    private VirtualNetwork net;
    private long tagOfB;

    private void connect() {
        net = new VirtualNetwork(new SctpAssociation(HandshakeSimulationTest.config(), new Random(1)),
                new SctpAssociation(HandshakeSimulationTest.config().withBuffers(1 << 20, 1 << 20), new Random(2)), 3);
        net.tamperToB = p -> {
            tagOfB = Bytes.u32(p, 4);
            return p;
        };
        net.a.connect(0);
        assertThat(net.runUntil(net::connected, VirtualNetwork.seconds(5))).isTrue();
    }

    private List<Chunk> feedB(Chunk... chunks) throws SctpException {
        byte[] p = new SctpPacket(5000, 5000, tagOfB, List.of(chunks)).toBytes();
        net.b.handleInput(net.now, p, 0, p.length);
        byte[] out = net.b.pollTransmit();
        return out == null ? List.of() : SctpPacket.parse(out, 0, out.length).chunks();
    }

    @Test
    void unknownChunkWithReportBitIsReportedAndTheRestProcessed() throws SctpException {
        connect();
        UnknownChunk skipReport = new UnknownChunk(0xc5, 0, new byte[] {1, 2, 3});
        List<Chunk> out = feedB(skipReport, new Heartbeat(false, new byte[] {9}));
        assertThat(out).hasSize(2);
        ErrorCause cause = ((ErrorChunk) out.get(0)).causes().get(0);
        assertThat(cause.code()).isEqualTo(ErrorCause.UNRECOGNIZED_CHUNK_TYPE);
        assertThat(cause.info()).isEqualTo(java.util.Arrays.copyOf(skipReport.toBytes(), 7));
        assertThat(out.get(1)).isEqualTo(new Heartbeat(true, new byte[] {9}));
    }

    @Test
    void unknownChunkWithHighBitClearStopsThePacket() throws SctpException {
        connect();
        assertThat(feedB(new UnknownChunk(0x05 | 0x30, 0, new byte[0]), new Heartbeat(false, new byte[] {9})))
                .isEmpty();
    }

    @Test
    void dataOnAnInvalidStreamIsAckedDroppedAndReported() throws SctpException {
        net = new VirtualNetwork(new SctpAssociation(HandshakeSimulationTest.config(), new Random(1)),
                new SctpAssociation(new SctpConfig(5000, 5000, 1200, 1 << 18, 1 << 18, 1 << 20, 1 << 20, 16, 16,
                        500_000_000L, 200_000_000L, 10_000_000_000L, 10, 8, 30_000_000_000L, 60_000_000_000L,
                        200_000_000L), new Random(2)), 3);
        net.tamperToB = p -> {
            tagOfB = Bytes.u32(p, 4);
            return p;
        };
        net.a.connect(0);
        assertThat(net.runUntil(net::connected, VirtualNetwork.seconds(5))).isTrue();
        // b accepts 16 inbound streams; stream 20 is invalid. a cannot send there (negotiated), so forge it.
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> net.a.send(20, 51, new byte[] {1}, 0, 1, SendOptions.RELIABLE))
                .isInstanceOf(IllegalArgumentException.class);
        net.a.send(1, 51, new byte[] {1}, 0, 1, SendOptions.RELIABLE);
        byte[] p = net.a.pollTransmit();
        SctpPacket pkt = SctpPacket.parse(p, 0, p.length);
        DataChunk d = (DataChunk) pkt.chunks().get(0);
        DataChunk bad = new DataChunk(d.tsn(), 20, 0, 51, false, false, true, true, new byte[] {7});
        List<Chunk> out = feedB(bad);
        assertThat(out).anyMatch(c -> c instanceof ErrorChunk e
                && e.causes().get(0).code() == ErrorCause.INVALID_STREAM_IDENTIFIER);
        assertThat(net.b.pollEvent()).isNull();
        net.b.handleTimeout(net.now + VirtualNetwork.seconds(1));   // delayed SACK
        byte[] sack = net.b.pollTransmit();
        SelectiveAck s = (SelectiveAck) SctpPacket.parse(sack, 0, sack.length).chunks().get(0);
        assertThat(s.cumulativeTsnAck()).isEqualTo(d.tsn());
    }

    @Test
    void wrongVerificationTagIsDroppedAndCounted() throws SctpException {
        connect();
        byte[] p = new SctpPacket(5000, 5000, tagOfB ^ 1, List.of(new Heartbeat(false, new byte[] {1}))).toBytes();
        net.b.handleInput(net.now, p, 0, p.length);
        assertThat(net.b.pollTransmit()).isNull();
        assertThat(net.b.stats().badVerificationTag()).isEqualTo(1);
        // an ABORT with the wrong tag must not kill the association
        byte[] abort = new SctpPacket(5000, 5000, tagOfB ^ 1, List.of(new Abort(false, List.of()))).toBytes();
        net.b.handleInput(net.now, abort, 0, abort.length);
        assertThat(net.b.state()).isEqualTo(SctpState.ESTABLISHED);
    }
}
