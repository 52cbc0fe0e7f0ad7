package org.jwebrtc.fuzz.rtp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.List;
import org.jwebrtc.fuzz.Contract;
import org.jwebrtc.rtp.RtpException;
import org.jwebrtc.rtp.rtcp.RtcpCompound;
import org.jwebrtc.rtp.rtcp.RtcpPacket;

/**
 * RtcpCompound.parse (SR, RR, SDES, BYE, APP, NACK, PLI, FIR, REMB, TWCC, XR) on any bytes: RtpException
 * or packets that re-encode to bytes parsing back to the same packets, canonical after one pass.
 */
class RtcpCompoundFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void parse(byte[] input) {
        RtcpCompound.isRtcp(input, 0, input.length);
        List<RtcpPacket> packets;
        try {
            packets = RtcpCompound.parse(input, 0, input.length);
        } catch (RtpException expected) {
            return;
        }
        byte[] encoded = RtcpCompound.toBytes(packets);
        Contract.check(encoded.length == RtcpCompound.encodedLength(packets), "encodedLength disagrees with toBytes");
        List<RtcpPacket> again;
        try {
            again = RtcpCompound.parse(encoded, 0, encoded.length);
        } catch (RtpException e) {
            throw Contract.unreadableOwnOutput("RtcpCompound.toBytes", e);
        }
        Contract.sameAfterRoundTrip(packets, again, "RTCP compound");
        Contract.check(Arrays.equals(encoded, RtcpCompound.toBytes(again)), "RTCP re-encoding is not canonical");
    }
}
