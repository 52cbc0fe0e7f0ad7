package org.jwebrtc.fuzz.codec;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.jwebrtc.rtp.RtpException;
import org.jwebrtc.rtp.codec.OpusDepacketizer;

/** Opus (RFC 7587) depacketizer on any payloads: a frame or RtpException. */
class OpusDepacketizerFuzzTest {
    private final OpusDepacketizer depacketizer = new OpusDepacketizer();

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
