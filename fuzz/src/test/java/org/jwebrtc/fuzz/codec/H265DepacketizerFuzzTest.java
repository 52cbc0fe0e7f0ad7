package org.jwebrtc.fuzz.codec;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.jwebrtc.rtp.RtpException;
import org.jwebrtc.rtp.codec.H265Depacketizer;

/** H.265 (RFC 7798: single NAL, AP, FU, PACI) depacketizer on any payloads: a frame or RtpException. */
class H265DepacketizerFuzzTest {
    private final H265Depacketizer depacketizer = new H265Depacketizer();

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
