package org.jwebrtc.fuzz.sdp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.jwebrtc.fuzz.Contract;
import org.jwebrtc.sdp.Candidate;
import org.jwebrtc.sdp.SdpException;

/** Candidate.parse (trickled a=candidate lines, RFC 8839 §5.1): SdpException or a candidate that reads back. */
class SdpCandidateFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void parse(byte[] input) {
        Candidate c;
        try {
            c = Candidate.parse(new String(input, StandardCharsets.UTF_8));
        } catch (SdpException expected) {
            return;
        }
        try {
            Contract.sameAfterRoundTrip(c, Candidate.parse(c.toString()), "candidate");
            Contract.sameAfterRoundTrip(c, Candidate.parse(c.toSdpLine() + "\r\n"), "candidate line");
        } catch (SdpException e) {
            throw Contract.unreadableOwnOutput("Candidate.toString", e);
        }
    }
}
