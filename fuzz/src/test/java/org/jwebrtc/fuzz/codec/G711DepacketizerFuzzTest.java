package org.jwebrtc.fuzz.codec;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.jwebrtc.rtp.RtpException;
import org.jwebrtc.rtp.codec.G711Depacketizer;

/** G.711 (RFC 3551 PCMU/PCMA) depacketizer on any payloads: a frame or RtpException. */
class G711DepacketizerFuzzTest {
    private final G711Depacketizer depacketizer = new G711Depacketizer();

    @FuzzTest(maxDuration = "60s")
    void depacketize(byte[] input) {
        List<byte[]> payloads = Payloads.split(input);
        try {
            Payloads.exercise(depacketizer, payloads);
        } catch (RtpException expected) {
            // malformed payloads: the module's exception
        }
    }
}
