package org.jwebrtc.fuzz.srtp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.jwebrtc.fuzz.Contract;
import org.jwebrtc.srtp.SrtpContext;
import org.jwebrtc.srtp.SrtpProfile;

/**
 * SRTP/SRTCP unprotect on any bytes, for every profile: a status (MALFORMED, REPLAYED, AUTH_FAILED)
 * or a plaintext length, never an exception, and the failure is counted. Byte 0 picks the profile and
 * RTP or RTCP; the packet starts at offset 1 (unprotect works in place inside a larger buffer).
 */
class SrtpUnprotectFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void unprotect(byte[] input) {
        if (input.length == 0) {
            return;
        }
        SrtpProfile profile = Keys.profile(input[0] & 0x7F);
        boolean rtcp = input[0] < 0;
        SrtpContext ctx = Keys.context(profile);   // fresh state: a finding reproduces from its input alone
        int len = input.length - 1;
        int n = rtcp ? ctx.unprotectRtcp(input, 1, len) : ctx.unprotectRtp(input, 1, len);
        Contract.check(n == SrtpContext.MALFORMED || n == SrtpContext.REPLAYED || n == SrtpContext.AUTH_FAILED
                || (n >= 0 && n <= len), "unprotect returned " + n + " for " + len + " bytes");
        if (n < 0) {
            var s = ctx.stats();
            Contract.check(!s.equals(Keys.context(profile).stats()), "a rejected packet was not counted: " + s);
        }
    }
}
