package org.jwebrtc.fuzz.sctp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Random;
import org.jwebrtc.fuzz.Contract;
import org.jwebrtc.sctp.Crc32c;
import org.jwebrtc.sctp.DataChannelManager;
import org.jwebrtc.sctp.SctpAssociation;
import org.jwebrtc.sctp.SctpConfig;
import org.jwebrtc.sctp.SctpState;

/**
 * The SCTP state machine with the data-channel layer on top, after a real handshake: the input is
 * the chunk area of a packet sent to the established side with its real verification tag and a
 * valid checksum, so it gets past §8.5 and reaches chunk handling, reassembly and DCEP. Nothing may
 * throw (bad chunks are dropped and counted, or abort the association as RFC 9260 says).
 */
class SctpAssociationFuzzTest {
    private static final long MS = 1_000_000L;
    private final Crc32c crc = new Crc32c();

    @FuzzTest(maxDuration = "60s")
    void handleInput(byte[] input) {
        // fresh peers per input: a finding must reproduce from its input alone
        SctpAssociation a = new SctpAssociation(SctpConfig.defaults(), new Random(1));
        SctpAssociation b = new SctpAssociation(SctpConfig.defaults(), new Random(2));
        DataChannelManager channels = new DataChannelManager(b, false);
        long[] tagOfB = {0};
        a.connect(0);
        long now = 0;
        for (int round = 0; round < 8 && b.state() != SctpState.ESTABLISHED; round++) {
            now += MS;
            byte[] d;
            while ((d = a.pollTransmit()) != null) {
                tagOfB[0] = ((d[4] & 0xFFL) << 24) | ((d[5] & 0xFF) << 16) | ((d[6] & 0xFF) << 8) | (d[7] & 0xFF);
                b.handleInput(now, d, 0, d.length);
            }
            while ((d = b.pollTransmit()) != null) {
                a.handleInput(now, d, 0, d.length);
            }
        }
        Contract.check(b.state() == SctpState.ESTABLISHED, "handshake did not complete: " + b.state());
        while (channels.pollEvent() != null) { }

        byte[] packet = new byte[12 + input.length];
        packet[0] = 0x13;   // ports 5000 -> 5000
        packet[1] = (byte) 0x88;
        packet[2] = 0x13;
        packet[3] = (byte) 0x88;
        packet[4] = (byte) (tagOfB[0] >>> 24);
        packet[5] = (byte) (tagOfB[0] >>> 16);
        packet[6] = (byte) (tagOfB[0] >>> 8);
        packet[7] = (byte) tagOfB[0];
        System.arraycopy(input, 0, packet, 12, input.length);
        Crc32c.writeField(packet, 0, crc.computePacket(packet, 0, packet.length));
        b.handleInput(now, packet, 0, packet.length);
        for (int i = 0; i < 3; i++) {
            now += 250 * MS;
            while (channels.pollEvent() != null) { }
            while (b.pollTransmit() != null) { }
            b.handleTimeout(now);
            b.pollTimeout();
            b.stats();
        }
    }
}
