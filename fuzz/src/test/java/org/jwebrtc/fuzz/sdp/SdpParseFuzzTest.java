package org.jwebrtc.fuzz.sdp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.jwebrtc.fuzz.Contract;
import org.jwebrtc.sdp.Sdp;
import org.jwebrtc.sdp.SdpException;
import org.jwebrtc.sdp.SessionDescription;

/** Sdp.parse in both modes: SdpException or a session whose written text reads back to the same session. */
class SdpParseFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void parse(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        for (Sdp.Mode mode : Sdp.Mode.values()) {
            SessionDescription sd;
            try {
                sd = Sdp.parse(text, mode);
            } catch (SdpException expected) {
                continue;
            }
            String written = sd.write();
            SessionDescription again;
            try {
                again = Sdp.parse(written, mode);
            } catch (SdpException e) {
                throw Contract.unreadableOwnOutput("SessionDescription.write (" + mode + ")", e);
            }
            Contract.sameAfterRoundTrip(sd, again, "session (" + mode + ")");
            Contract.sameAfterRoundTrip(written, again.write(), "written SDP (" + mode + ")");
        }
    }
}
