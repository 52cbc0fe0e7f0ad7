package org.jwebrtc.fuzz.sctp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.jwebrtc.fuzz.Contract;
import org.jwebrtc.sctp.DcepMessage;
import org.jwebrtc.sctp.SctpException;

/** DATA_CHANNEL_OPEN / ACK (RFC 8832 §5) on any bytes: SctpException or a message that reads back. */
class DcepMessageFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void parse(byte[] input) {
        DcepMessage m;
        try {
            m = DcepMessage.parse(input, 0, input.length);
        } catch (SctpException expected) {
            return;
        }
        byte[] encoded = m.toBytes();
        try {
            DcepMessage again = DcepMessage.parse(encoded, 0, encoded.length);
            Contract.sameAfterRoundTrip(m, again, "DCEP message");
            Contract.check(java.util.Arrays.equals(encoded, again.toBytes()), "DCEP re-encoding is not canonical");
        } catch (SctpException e) {
            throw Contract.unreadableOwnOutput("DcepMessage.toBytes", e);
        }
    }
}
