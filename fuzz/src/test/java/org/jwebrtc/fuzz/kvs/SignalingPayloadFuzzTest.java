package org.jwebrtc.fuzz.kvs;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/** SessionDescriptionPayload / IceCandidatePayload on any text: SignalingException or a value that reads back. */
class SignalingPayloadFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void parse(byte[] input) {
        Payloads.exercise(new String(input, StandardCharsets.UTF_8));
    }
}
