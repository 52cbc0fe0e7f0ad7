package org.jwebrtc.fuzz.dtls;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.jwebrtc.dtls.DtlsException;
import org.jwebrtc.dtls.Fingerprint;
import org.jwebrtc.fuzz.Contract;

/** Fingerprint.parse of the SDP a=fingerprint value (RFC 8122 §5): DtlsException or one that reads back. */
class DtlsFingerprintFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void parse(byte[] input) {
        Fingerprint f;
        try {
            f = Fingerprint.parse(new String(input, StandardCharsets.UTF_8));
        } catch (DtlsException expected) {
            return;
        }
        f.matches(input);
        try {
            Contract.sameAfterRoundTrip(f, Fingerprint.parse(f.toSdp()), "fingerprint");
        } catch (DtlsException e) {
            throw Contract.unreadableOwnOutput("Fingerprint.toSdp", e);
        }
    }
}
