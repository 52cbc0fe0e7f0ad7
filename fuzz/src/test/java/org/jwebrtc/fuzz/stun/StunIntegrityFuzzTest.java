package org.jwebrtc.fuzz.stun;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.HexFormat;
import java.util.List;
import org.jwebrtc.fuzz.Contract;
import org.jwebrtc.stun.Fingerprint;
import org.jwebrtc.stun.IntegrityAlgorithm;
import org.jwebrtc.stun.MessageIntegrity;
import org.jwebrtc.stun.MessageIntegritySha256;
import org.jwebrtc.stun.StunAttribute;
import org.jwebrtc.stun.StunException;
import org.jwebrtc.stun.StunMessage;
import org.jwebrtc.stun.StunView;

/**
 * The MESSAGE-INTEGRITY(-SHA256) and FINGERPRINT checks (RFC 8489 §14.5-§14.7) on any bytes, with the
 * RFC 5769 short-term and long-term keys: never throw. A message the parser accepts is then signed
 * by us and must verify, and one flipped bit (position from the input) must make it fail.
 */
class StunIntegrityFuzzTest {
    private static final byte[] SHORT_TERM = HexFormat.of().parseHex("564f6b4a7862526c31526d5478556b2f57764a784274");
    private static final byte[] LONG_TERM = HexFormat.of().parseHex("e8ca7ad59d5eb0518e312911d2dab2a9");
    private final StunView view = new StunView();

    @FuzzTest(maxDuration = "60s")
    void verify(byte[] input) {
        StunMessage.verifyFingerprint(input, 0, input.length);
        for (byte[] key : List.of(SHORT_TERM, LONG_TERM)) {
            StunMessage.verifyIntegrity(input, 0, input.length, key);
        }
        try {
            view.wrap(input, 0, input.length);
        } catch (StunException expected) {
            return;
        }
        for (byte[] key : List.of(SHORT_TERM, LONG_TERM)) {
            boolean any = view.verifyIntegrity(key);
            boolean sha1 = view.verifyIntegritySha1(key);
            boolean sha256 = view.verifyIntegritySha256(key);
            Contract.check(any == (view.integrityAlgorithm() == IntegrityAlgorithm.HMAC_SHA256 ? sha256 : sha1),
                    "verifyIntegrity disagrees with the per-algorithm checks");
        }

        StunMessage m;
        try {
            m = StunMessage.parse(input, 0, input.length);
        } catch (StunException expected) {
            return;
        }
        List<StunAttribute> body = m.attributes().stream()
                .filter(a -> !(a instanceof MessageIntegrity || a instanceof MessageIntegritySha256
                        || a instanceof Fingerprint))
                .toList();
        StunMessage bare = new StunMessage(m.messageClass(), m.method(), m.transactionId(), body);
        for (IntegrityAlgorithm alg : IntegrityAlgorithm.values()) {
            byte[] signed = bare.toBytes(SHORT_TERM, alg, true);
            Contract.check(StunMessage.verifyIntegrity(signed, 0, signed.length, SHORT_TERM), "own " + alg + " fails");
            Contract.check(StunMessage.verifyFingerprint(signed, 0, signed.length), "own FINGERPRINT fails");
            Contract.check(!StunMessage.verifyIntegrity(signed, 0, signed.length, LONG_TERM), alg + " passes with a wrong key");
            int bit = input.length == 0 ? 0 : Math.floorMod(input[input.length - 1] * 131 + input.length, signed.length * 8);
            signed[bit / 8] ^= (byte) (1 << (bit % 8));
            boolean stillValid = StunMessage.verifyIntegrity(signed, 0, signed.length, SHORT_TERM)
                    && StunMessage.verifyFingerprint(signed, 0, signed.length);
            Contract.check(!stillValid, "a flipped bit at " + bit + " passed both " + alg + " and FINGERPRINT");
        }
    }
}
