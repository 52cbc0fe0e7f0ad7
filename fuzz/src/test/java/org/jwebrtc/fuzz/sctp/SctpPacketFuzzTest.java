package org.jwebrtc.fuzz.sctp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import org.jwebrtc.fuzz.Contract;
import org.jwebrtc.sctp.Crc32c;
import org.jwebrtc.sctp.SctpException;
import org.jwebrtc.sctp.SctpPacket;

/**
 * SctpPacket.parse on any bytes, once as received (the CRC32c check, RFC 9260 §6.8, rejects nearly
 * all) and once with the checksum made right so the common header and every chunk parser are reached:
 * SctpException or a packet that re-encodes canonically.
 */
class SctpPacketFuzzTest {
    private final Crc32c crc = new Crc32c();

    @FuzzTest(maxDuration = "60s")
    void parse(byte[] input) {
        tryParse(input);
        if (input.length >= SctpPacket.HEADER_LENGTH) {
            byte[] fixed = input.clone();
            Crc32c.writeField(fixed, 0, crc.computePacket(fixed, 0, fixed.length));
            tryParse(fixed);
        }
    }

    private static void tryParse(byte[] b) {
        SctpPacket p;
        try {
            p = SctpPacket.parse(b, 0, b.length);
        } catch (SctpException expected) {
            return;
        }
        byte[] encoded = p.toBytes();
        Contract.check(encoded.length == p.encodedLength(), "encodedLength disagrees with toBytes");
        SctpPacket again;
        try {
            again = SctpPacket.parse(encoded, 0, encoded.length);
        } catch (SctpException e) {
            throw Contract.unreadableOwnOutput("SctpPacket.toBytes", e);
        }
        Contract.sameAfterRoundTrip(p, again, "SCTP packet");
        Contract.check(Arrays.equals(encoded, again.toBytes()), "SCTP re-encoding is not canonical");
    }
}
