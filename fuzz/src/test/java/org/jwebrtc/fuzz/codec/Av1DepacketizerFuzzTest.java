package org.jwebrtc.fuzz.codec;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.jwebrtc.rtp.RtpException;
import org.jwebrtc.rtp.codec.Av1Depacketizer;

/** AV1 (AOM RTP payload: aggregation header, W/Z/Y/N, LEB128 sizes) depacketizer on any payloads: a frame or RtpException. */
class Av1DepacketizerFuzzTest {
    private final Av1Depacketizer depacketizer = new Av1Depacketizer();

    @FuzzTest(maxDuration = "60s")
    void depacketize(byte[] input) {
        List<byte[]> payloads = Payloads.split(input);
        try {
            Payloads.exercise(depacketizer, payloads);
        } catch (RtpException expected) {
            // malformed payloads: the module's exception
        }
        try {
            depacketizer.depacketizeObus(payloads);
        } catch (RtpException expected) {
            // fine
        }
    }
}
