package org.jwebrtc.fuzz.stun;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.jwebrtc.fuzz.Contract;
import org.jwebrtc.stun.Fingerprint;
import org.jwebrtc.stun.MessageIntegrity;
import org.jwebrtc.stun.MessageIntegritySha256;
import org.jwebrtc.stun.StunAttribute;
import org.jwebrtc.stun.StunException;
import org.jwebrtc.stun.StunMessage;
import org.jwebrtc.stun.StunView;

/**
 * StunMessage.parse and StunView.wrap on any bytes: StunException or a message; the zero-copy view
 * agrees with the record parser, and the message without its trailer re-encodes to bytes that parse
 * back to the same message.
 */
class StunMessageFuzzTest {
    private final StunView view = new StunView();

    @FuzzTest(maxDuration = "60s")
    void parse(byte[] input) {
        StunMessage.isStun(input, 0, input.length);
        StunMessage m;
        try {
            m = StunMessage.parse(input, 0, input.length);
        } catch (StunException expected) {
            try {
                view.wrap(input, 0, input.length);
                view.toMessage();   // the view may accept what the record parser rejects, never more
            } catch (StunException alsoExpected) {
                // fine
            }
            return;
        }
        StunMessage viewed;
        try {
            viewed = view.wrap(input, 0, input.length).toMessage();
            view.messageClass();
            view.transactionId();
            view.integrityAlgorithm();
            view.hasFingerprint();
            view.priority();
            view.errorCode();
            view.xorMappedAddress();
            m.unknownComprehensionRequired();
        } catch (StunException e) {
            throw new AssertionError("StunMessage.parse accepted what StunView rejects: " + e.getMessage(), e);
        }
        Contract.sameAfterRoundTrip(m, viewed, "StunView.toMessage vs StunMessage.parse");

        List<StunAttribute> body = m.attributes().stream()
                .filter(a -> !(a instanceof MessageIntegrity || a instanceof MessageIntegritySha256
                        || a instanceof Fingerprint))
                .toList();
        StunMessage bare = new StunMessage(m.messageClass(), m.method(), m.transactionId(), body);
        byte[] encoded = bare.toBytes();
        try {
            Contract.sameAfterRoundTrip(bare, StunMessage.parse(encoded), "STUN message");
        } catch (StunException e) {
            throw Contract.unreadableOwnOutput("StunMessage.toBytes", e);
        }
    }
}
