package org.jwebrtc.fuzz.codec;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.jwebrtc.rtp.RtpException;
import org.jwebrtc.rtp.codec.Vp8Depacketizer;
import org.jwebrtc.rtp.codec.Vp8PayloadDescriptor;

/** VP8 (RFC 7741 payload descriptor) depacketizer on any payloads: a frame or RtpException. */
class Vp8DepacketizerFuzzTest {
    private final Vp8Depacketizer depacketizer = new Vp8Depacketizer();

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
                Vp8PayloadDescriptor.parse(p, 0, p.length);
            } catch (RtpException expected) {
                // fine
            }
        }
    }
}
