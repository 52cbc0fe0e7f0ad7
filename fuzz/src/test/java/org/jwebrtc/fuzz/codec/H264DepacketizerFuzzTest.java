package org.jwebrtc.fuzz.codec;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.jwebrtc.rtp.RtpException;
import org.jwebrtc.rtp.codec.H264Depacketizer;

/** H.264 (RFC 6184: single NAL, STAP-A/B, MTAP, FU-A/B) depacketizer on any payloads: a frame or RtpException. */
class H264DepacketizerFuzzTest {
    private final H264Depacketizer depacketizer = new H264Depacketizer();

    @FuzzTest(maxDuration = "60s")
    void depacketize(byte[] input) {
        List<byte[]> payloads = Payloads.split(input);
        try {
            Payloads.exercise(depacketizer, payloads);
        } catch (RtpException expected) {
            // malformed payloads: the module's exception
        }
        try {
            depacketizer.depacketizeNals(payloads);
        } catch (RtpException expected) {
            // fine
        }
    }
}
