package org.jwebrtc.stun;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jwebrtc.testsupport.SharedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Real Chrome/Firefox Binding requests (pion/stun testdata) decode and re-encode byte for byte. */
class BrowserCapturesTest {

    record Capture(String line, String browser, byte[] message) {
        @Override
        public String toString() {
            return line;
        }
    }

    static List<Capture> captures() {
        List<Capture> out = new ArrayList<>();
        String[] lines = SharedFiles.text(SharedFiles.vectors("stun", "browsers", "frombrowsers.csv")).split("\n");
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("ip,")) {
                continue;
            }
            String[] f = line.split(",");
            out.add(new Capture(line.trim(), f[3], Base64.getDecoder().decode(f[1])));
        }
        return out;
    }

    @Test
    void csvHasFourteenCaptures() {
        assertThat(captures()).hasSize(14);
    }

    @ParameterizedTest
    @MethodSource("captures")
    void decodesAndReencodes(Capture c) throws Exception {
        byte[] b = c.message();
        assertThat(StunMessage.isStun(b, 0, b.length)).isTrue();
        StunMessage m = StunMessage.parse(b, 0, b.length);
        assertThat(m.messageClass()).isEqualTo(StunClass.REQUEST);
        assertThat(m.method()).isEqualTo(StunMethod.BINDING);
        assertThat(m.unknownComprehensionRequired()).isEmpty();

        StunView view = new StunView().wrap(b, 0, b.length);
        assertThat(view.transactionIdEquals(m.transactionId())).isTrue();
        assertThat(view.attributeCount()).isEqualTo(m.attributes().size());

        // the captures carry no integrity; FINGERPRINT (when present) is recomputed identically
        assertThat(m.has(MessageIntegrity.class)).isFalse();
        boolean fingerprint = m.has(Fingerprint.class);
        assertThat(StunMessage.verifyFingerprint(b, 0, b.length)).isEqualTo(fingerprint);
        assertThat(m.toBytes(null, fingerprint)).isEqualTo(b);
    }

    @Test
    void chromeOriginAttributeIsKeptNotRejected() throws Exception {
        byte[] b = SharedFiles.bytes(SharedFiles.vectors("stun", "browsers", "ex1_chrome.stun"));
        assertThat(b).hasSize(48);
        StunMessage m = StunMessage.parse(b, 0, b.length);
        assertThat(m.messageClass()).isEqualTo(StunClass.REQUEST);
        assertThat(m.method()).isEqualTo(StunMethod.BINDING);
        RawAttribute origin = (RawAttribute) m.attribute(0x802F).orElseThrow();
        assertThat(new String(origin.value(), StandardCharsets.UTF_8)).isEqualTo("http://localhost:3000/");
        assertThat(m.unknownComprehensionRequired()).isEmpty(); // comprehension-optional
        assertThat(m.toBytes()).isEqualTo(b);
    }
}
