package org.jwebrtc.fuzz.rtp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import org.jwebrtc.fuzz.Contract;
import org.jwebrtc.rtp.AudioLevel;
import org.jwebrtc.rtp.HeaderExtensions;
import org.jwebrtc.rtp.RtpException;
import org.jwebrtc.rtp.RtpExtension;
import org.jwebrtc.rtp.RtpHeader;
import org.jwebrtc.rtp.RtpPacket;
import org.jwebrtc.rtp.RtpView;

/**
 * RtpView.wrap / RtpHeader.parse / RtpPacket.parse and the RFC 8285 header-extension readers on any
 * bytes: RtpException or a packet. A parsed packet re-encodes to canonical bytes that parse back to
 * the same packet and re-encode identically.
 */
class RtpPacketFuzzTest {
    private final RtpView view = new RtpView();
    private final byte[] scratch = new byte[256];

    @FuzzTest(maxDuration = "60s")
    void parse(byte[] input) {
        try {
            view.wrap(input, 0, input.length);
        } catch (RtpException expected) {
            expectRejected(input);
            return;
        }
        view.version();
        view.padding();
        view.marker();
        view.payloadType();
        view.sequenceNumber();
        view.timestamp();
        view.ssrc();
        for (int i = 0; i < view.csrcCount(); i++) {
            view.csrc(i);
        }
        Contract.check(view.payloadOffset() + view.payloadLength() + view.paddingLength() <= input.length,
                "payload and padding run past the datagram");
        for (int id = 0; id < 256; id++) {
            int n = view.extensionLength(id);
            if (n >= 0) {
                Contract.check(view.extension(id, scratch, 0) == n, "extension(" + id + ") length");
                Contract.check(view.extensionOffset(id) + n <= input.length, "extension " + id + " runs past the datagram");
            }
        }
        HeaderExtensions.transportSequenceNumber(view, 3);
        for (RtpExtension e : view.extensions()) {
            byte[] d = e.data();
            try {
                HeaderExtensions.absSendTime(d, 0, d.length);
                HeaderExtensions.transportSequenceNumber(d, 0, d.length);
                AudioLevel.parse(d, 0, d.length);
            } catch (RtpException expected) {
                // too short for that extension: fine
            }
            HeaderExtensions.sdesString(d, 0, d.length);
        }

        RtpPacket p;
        try {
            RtpHeader h = RtpHeader.parse(input, 0, input.length);
            p = RtpPacket.parse(input, 0, input.length);
            Contract.sameAfterRoundTrip(h, p.header(), "RtpHeader.parse vs RtpPacket.parse");
        } catch (RtpException e) {
            throw new AssertionError("RtpView accepted what RtpPacket.parse rejects: " + e.getMessage(), e);
        }
        byte[] encoded = p.toBytes();
        Contract.check(encoded.length == p.encodedLength(), "encodedLength " + p.encodedLength() + " != " + encoded.length);
        RtpPacket again;
        try {
            again = RtpPacket.parse(encoded, 0, encoded.length);
        } catch (RtpException e) {
            throw Contract.unreadableOwnOutput("RtpPacket.toBytes", e);
        }
        Contract.sameAfterRoundTrip(p, again, "RTP packet");
        Contract.check(Arrays.equals(encoded, again.toBytes()), "RTP re-encoding is not canonical");

        // the in-place setters (SRTP/forwarding paths) keep the packet parseable
        byte[] copy = input.clone();
        try {
            RtpView w = new RtpView().wrap(copy, 0, copy.length);
            w.setSequenceNumber((p.header().sequenceNumber() + 1) & 0xFFFF);
            w.setTimestamp((p.header().timestamp() + 1) & 0xFFFF_FFFFL);
            w.setSsrc(p.header().ssrc() ^ 1);
            w.setPayloadType((p.header().payloadType() + 1) & 0x7F);
            w.setMarker(!p.header().marker());
            new RtpView().wrap(copy, 0, copy.length);
        } catch (RtpException e) {
            throw new AssertionError("setters broke a valid packet: " + e.getMessage(), e);
        }
    }

    private static void expectRejected(byte[] input) {
        try {
            RtpPacket.parse(input, 0, input.length);
        } catch (RtpException expected) {
            return;
        }
        throw new AssertionError("RtpPacket.parse accepted what RtpView rejects");
    }
}
