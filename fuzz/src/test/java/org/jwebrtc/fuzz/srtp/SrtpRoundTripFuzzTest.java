package org.jwebrtc.fuzz.srtp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import org.jwebrtc.fuzz.Contract;
import org.jwebrtc.srtp.SrtpContext;
import org.jwebrtc.srtp.SrtpProfile;

/**
 * Protect then unprotect any RTP/RTCP packet (byte 0 picks profile and kind, byte 1 the bit to flip,
 * the rest is the plaintext): a tampered copy is rejected, the genuine one gives the plaintext back,
 * and delivering it again is a replay (RFC 3711 §3.3.2, §3.4).
 */
class SrtpRoundTripFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void roundTrip(byte[] input) {
        if (input.length < 2) {
            return;
        }
        SrtpProfile profile = Keys.profile(input[0] & 0x7F);
        boolean rtcp = input[0] < 0;
        int flip = input[1] & 0xFF;
        byte[] plain = Arrays.copyOfRange(input, 2, input.length);
        SrtpContext sender = Keys.context(profile);
        SrtpContext receiver = Keys.context(profile);

        byte[] buf = Arrays.copyOf(plain, plain.length + profile.overhead());
        int n = rtcp ? sender.protectRtcp(buf, 0, plain.length) : sender.protectRtp(buf, 0, plain.length);
        if (n < 0) {
            Contract.check(n == SrtpContext.MALFORMED, "protect of a fresh stream returned " + n);
            return;
        }
        byte[] wire = Arrays.copyOf(buf, n);

        byte[] tampered = wire.clone();
        int bit = (flip * 8 + flip / 32) % (tampered.length * 8);
        tampered[bit / 8] ^= (byte) (1 << (bit % 8));
        int t = unprotect(receiver, rtcp, tampered);
        Contract.check(t < 0, "a packet with bit " + bit + " flipped was accepted (" + t + ")");

        byte[] got = wire.clone();
        int m = unprotect(receiver, rtcp, got);
        Contract.check(m == plain.length, "unprotect gave " + m + ", expected " + plain.length);
        Contract.check(Arrays.equals(Arrays.copyOf(got, m), plain), "unprotect did not restore the plaintext");

        int again = unprotect(receiver, rtcp, wire.clone());
        Contract.check(again == SrtpContext.REPLAYED, "a replayed packet gave " + again);
    }

    private static int unprotect(SrtpContext ctx, boolean rtcp, byte[] b) {
        return rtcp ? ctx.unprotectRtcp(b, 0, b.length) : ctx.unprotectRtp(b, 0, b.length);
    }
}
