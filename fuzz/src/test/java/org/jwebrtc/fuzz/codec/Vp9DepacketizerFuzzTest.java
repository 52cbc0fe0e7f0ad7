package org.jwebrtc.fuzz.codec;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.jwebrtc.rtp.RtpException;
import org.jwebrtc.rtp.codec.Vp9Depacketizer;
import org.jwebrtc.rtp.codec.Vp9PayloadDescriptor;

/** VP9 (RFC 9628 payload descriptor, flexible and non-flexible, scalability structure) depacketizer on any payloads: a frame or RtpException. */
class Vp9DepacketizerFuzzTest {
    private final Vp9Depacketizer depacketizer = new Vp9Depacketizer();

    @FuzzTest(maxDuration = "60s")
    void depacketize(byte[] input) {
        List<byte[]> payloads = Payloads.split(input);
        try {
            Payloads.exercise(depacketizer, payloads);
        } catch (RtpException expected) {
            // malformed payloads: the module's exception
        }
        for (byte[] p : payloads) {
            try {
                Vp9PayloadDescriptor.parse(p, 0, p.length);
            } catch (RtpException expected) {
                // fine
            }
        }
    }
}
